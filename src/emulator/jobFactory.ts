// synchronizationJob documents as Graph returns them: a new job from a template, and the sample tenant's seeded jobs.
import type { SeedJob } from './model';

export interface JobDocument {
  id: string;
  templateId: string;
  schedule: { expiration: string | null; interval: string; state: 'Active' | 'Disabled' | 'Paused' };
  status: {
    code: 'NotConfigured' | 'NotRun' | 'Active' | 'Paused' | 'Quarantine';
    countSuccessiveCompleteFailures: number;
    escrowsPruned: boolean;
    lastExecution: TaskExecution | null;
    lastSuccessfulExecution: TaskExecution | null;
    lastSuccessfulExecutionWithExports: TaskExecution | null;
    progress: {
      completedUnits: number;
      progressObservationDateTime: string;
      totalUnits: number;
      units: string | null;
    }[];
    quarantine: Quarantine | null;
    steadyStateFirstAchievedTime: string;
    steadyStateLastAchievedTime: string;
    synchronizedEntryCountByType: { key: string; value: number }[];
    troubleshootingUrl: string | null;
  };
  synchronizationJobSettings: { name: string; value: string | null }[];
}

export interface SynchronizationError {
  code: string | null;
  message: string | null;
  tenantActionable: boolean;
}

export interface TaskExecution {
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

export interface Quarantine {
  currentBegan: string;
  error: SynchronizationError | null;
  nextAttempt: string;
  reason: string;
  seriesBegan: string;
  seriesCount: number;
}

/** .NET's DateTimeOffset.MinValue: what Graph sends for a time that never happened. */
export const never = '0001-01-01T00:00:00Z';

// Settings a real new job carries; names outside any enum, which validators must tolerate.
const defaultSettings = () => [
  { name: 'AzureIngestionAttributeOptimization', value: 'False' },
  { name: 'LookaheadQueryEnabled', value: 'False' },
  { name: 'QuarantineTooManyDeletesThreshold', value: '500' },
];

/** A job as Graph creates it from a template: Disabled schedule, status Paused, nothing run yet. */
export function newJob(templateId: string, id: string): JobDocument {
  return {
    id,
    templateId,
    schedule: { expiration: null, interval: 'PT40M', state: 'Disabled' },
    status: {
      code: 'Paused',
      countSuccessiveCompleteFailures: 0,
      escrowsPruned: false,
      lastExecution: null,
      lastSuccessfulExecution: null,
      lastSuccessfulExecutionWithExports: null,
      progress: [],
      quarantine: null,
      steadyStateFirstAchievedTime: never,
      steadyStateLastAchievedTime: never,
      synchronizedEntryCountByType: [],
      troubleshootingUrl: null,
    },
    synchronizationJobSettings: defaultSettings(),
  };
}

export function execution(
  state: TaskExecution['state'],
  began: string,
  ended: string,
  exported: number,
  error: SynchronizationError | null = null,
): TaskExecution {
  return {
    activityIdentifier: `${began.slice(0, 10)}-cycle`,
    countEntitled: 120,
    countEntitledForProvisioning: 120,
    countEscrowed: error ? 120 : 0,
    countEscrowedRaw: error ? 120 : 0,
    countExported: exported,
    countExports: exported,
    countImported: 240,
    countImportedDeltas: 12,
    countImportedReferenceDeltas: 3,
    error,
    state,
    timeBegan: began,
    timeEnded: ended,
  };
}

const credentialError: SynchronizationError = {
  code: 'SystemForCrossDomainIdentityManagementCredentialValidationUnavailable',
  message:
    'The provisioning service could not authenticate to the application: the secret token was rejected (HTTP 401).',
  tenantActionable: true,
};

/** The sample tenant's jobs, with a history that matches their state. Fixed times keep the tenant deterministic. */
export function seededJob(seed: SeedJob): JobDocument {
  const job = newJob(seed.templateId, seed.id);
  const succeeded = execution('Succeeded', '2025-01-14T08:00:00Z', '2025-01-14T08:03:12Z', 7);
  job.status.synchronizedEntryCountByType = [
    { key: 'user to User', value: 118 },
    { key: 'group to Group', value: 9 },
  ];
  job.status.lastSuccessfulExecution = succeeded;
  job.status.lastSuccessfulExecutionWithExports = succeeded;
  job.status.steadyStateFirstAchievedTime = '2025-01-10T09:41:00Z';
  job.status.steadyStateLastAchievedTime = '2025-01-14T08:03:12Z';
  if (seed.state === 'Quarantine') {
    job.schedule.state = 'Active';
    job.status.code = 'Quarantine';
    job.status.countSuccessiveCompleteFailures = 4;
    job.status.lastExecution = execution('Failed', '2025-01-15T06:00:00Z', '2025-01-15T06:00:41Z', 0, credentialError);
    job.status.quarantine = {
      currentBegan: '2025-01-15T06:00:41Z',
      error: credentialError,
      nextAttempt: '2025-01-15T18:00:41Z',
      reason: 'EncounteredQuarantineException',
      seriesBegan: '2025-01-14T20:00:00Z',
      seriesCount: 4,
    };
    return job;
  }
  job.schedule.state = seed.state;
  job.status.code = seed.state;
  job.status.lastExecution = succeeded;
  return job;
}
