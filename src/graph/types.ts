// Microsoft Graph resources as this extension reads them. Property names and enum values follow the
// Graph CSDL (schema/csdl); only what the extension uses is typed here, the validator checks the rest.

export type ApiVersion = 'v1.0' | 'beta';

export interface ServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  /** Set for service principals created from an application (gallery) template; null otherwise. */
  applicationTemplateId: string | null;
}

export interface SynchronizationMetadataEntry {
  key: string;
  value: string | null;
}

export interface SynchronizationTemplate {
  id: string;
  applicationId: string;
  default: boolean;
  description: string | null;
  discoverable: boolean;
  factoryTag: string | null;
  metadata?: SynchronizationMetadataEntry[] | null;
}

export type SynchronizationScheduleState = 'Active' | 'Disabled' | 'Paused';
export type SynchronizationStatusCode = 'NotConfigured' | 'NotRun' | 'Active' | 'Paused' | 'Quarantine';

export interface SynchronizationSchedule {
  expiration: string | null;
  interval: string;
  state: SynchronizationScheduleState;
}

export interface SynchronizationError {
  code: string | null;
  message: string | null;
  tenantActionable: boolean;
}

export interface SynchronizationQuarantine {
  currentBegan: string;
  nextAttempt: string;
  reason: string;
  seriesBegan: string;
  seriesCount: number;
  error?: SynchronizationError | null;
}

/** One run of a job (synchronizationTaskExecution). Counters are Int64: large tenants may exceed 2^53 in theory. */
export interface SynchronizationTaskExecution {
  activityIdentifier: string | null;
  countEntitled: number;
  countEntitledForProvisioning: number;
  countEscrowed: number;
  countEscrowedRaw: number;
  countExported: number;
  countExports: number;
  countImported: number;
  countImportedDeltas: number;
  countImportedReferenceDeltas: number;
  error: SynchronizationError | null;
  state: 'Succeeded' | 'Failed' | 'EntryLevelErrors';
  timeBegan: string;
  timeEnded: string;
}

export interface SynchronizationProgress {
  completedUnits: number;
  progressObservationDateTime: string;
  totalUnits: number;
  units: string | null;
}

export interface SynchronizationStatus {
  code: SynchronizationStatusCode;
  countSuccessiveCompleteFailures: number;
  escrowsPruned: boolean;
  lastExecution?: SynchronizationTaskExecution | null;
  lastSuccessfulExecution?: SynchronizationTaskExecution | null;
  lastSuccessfulExecutionWithExports?: SynchronizationTaskExecution | null;
  progress?: SynchronizationProgress[];
  quarantine: SynchronizationQuarantine | null;
  steadyStateFirstAchievedTime: string;
  steadyStateLastAchievedTime: string;
  synchronizedEntryCountByType?: { key: string; value: number }[];
  troubleshootingUrl: string | null;
}

export interface SynchronizationJob {
  id: string;
  templateId: string;
  schedule: SynchronizationSchedule;
  status: SynchronizationStatus;
  synchronizationJobSettings?: { name: string; value: string | null }[];
}

/** Flags of synchronizationJobRestartScope that a restart may reset (comma-separated on the wire). */
export const restartScopes = [
  'ConnectorDataStore',
  'Escrows',
  'Watermark',
  'QuarantineState',
  'Full',
  'ForceDeletes',
] as const;
export type RestartScope = (typeof restartScopes)[number];
