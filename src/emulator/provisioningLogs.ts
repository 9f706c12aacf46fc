// Provisioning log entries (provisioningObjectSummary) for a job's runs. Shape: the Graph reference pages
// "provisioningObjectSummary resource type", "provisioningStatusInfo", "provisioningErrorInfo", "provisioningStep",
// "provisionedIdentity", "initiator" (v1.0 and beta; learn.microsoft.com/graph/api/resources/provisioningobjectsummary).
// The values (step texts, error codes, user names) are the emulator's own, modelled on the portal's log details.
import { createHash } from 'node:crypto';

export type ProvisioningResult = 'success' | 'warning' | 'failure' | 'skipped';
export type ProvisioningAction = 'create' | 'update' | 'delete' | 'stagedDelete' | 'disable' | 'other';

export interface ProvisioningLogEntry {
  id: string;
  activityDateTime: string;
  changeId: string;
  cycleId: string;
  durationInMilliseconds: number;
  initiatedBy: { id: string; displayName: string; initiatorType: 'user' | 'application' | 'system' };
  jobId: string;
  modifiedProperties: { displayName: string; oldValue: string | null; newValue: string | null }[];
  provisioningAction: ProvisioningAction;
  provisioningStatusInfo: {
    status: ProvisioningResult;
    errorInformation: {
      errorCode: string;
      errorCategory: string;
      reason: string;
      additionalDetails: string;
      recommendedAction: string;
    } | null;
  };
  provisioningSteps: {
    name: string;
    provisioningStepType: string;
    status: ProvisioningResult;
    description: string;
    details: Record<string, string>;
  }[];
  servicePrincipal: { id: string; displayName: string };
  sourceIdentity: { id: string; displayName: string; identityType: string; details: Record<string, string> };
  sourceSystem: { id: string; displayName: string; details: Record<string, string> };
  targetIdentity: { id: string; displayName: string; identityType: string; details: Record<string, string> };
  targetSystem: { id: string; displayName: string; details: Record<string, string> };
  tenantId: string;
}

/** One run of a job, as the cycle engine (or the generator, from a job's last executions) describes it. */
export interface CycleRecord {
  tenantId: string;
  servicePrincipal: { id: string; displayName: string };
  jobId: string;
  /** Unique per run; entries of one run share it. */
  cycleId: string;
  /** When the run began (ms since epoch); entries follow it a few seconds apart (real ones: 1 ms apart). */
  began: number;
  /** When the run ended: invented entries are spread between began and ended, none after the run. */
  ended?: number;
  result: 'Succeeded' | 'Failed' | 'EntryLevelErrors';
  /** How many objects the run touched (entries written); capped by the caller. */
  changes: number;
  error?: { code: string | null; message: string | null } | null;
  /** A real cycle's results (the provisioning engine's entries): one log entry each, instead of invented ones. */
  entries?: readonly CycleEntry[];
}

/** What the engine did with one object (provisioning/entryResult.ts has the full type). */
export interface CycleEntry {
  kind: 'User' | 'Group';
  sourceId: string;
  name: string;
  action: 'create' | 'update' | 'disable' | 'delete' | 'other';
  status: 'success' | 'failure' | 'skipped';
  targetId?: string;
  modifiedProperties: { displayName: string; oldValue: string | null; newValue: string | null }[];
  error?: { code: string; message: string };
  steps: {
    name: string;
    type: string;
    status: 'success' | 'failure' | 'skipped';
    description: string;
    details: Record<string, string>;
  }[];
}

const stepTypes: Record<string, string> = {
  Import: 'import',
  Scoping: 'scoping',
  Matching: 'matching',
  Transform: 'processing',
  Export: 'export',
};

function realEntry(cycle: CycleRecord, entry: CycleEntry, index: number): ProvisioningLogEntry {
  const failed = entry.status === 'failure';
  return {
    id: hashId(`log:${cycle.cycleId}/${entry.sourceId}`),
    activityDateTime: new Date(cycle.began + index).toISOString(),
    changeId: hashId(`change:${cycle.cycleId}/${entry.sourceId}`),
    cycleId: cycle.cycleId,
    durationInMilliseconds: 1,
    initiatedBy: { id: '', displayName: 'Azure AD Provisioning Service', initiatorType: 'system' },
    jobId: cycle.jobId,
    modifiedProperties: entry.modifiedProperties,
    provisioningAction: entry.action,
    provisioningStatusInfo: {
      status: entry.status,
      errorInformation:
        failed && entry.error
          ? {
              errorCode: entry.error.code,
              errorCategory: 'NonServiceFailure',
              reason: entry.error.message,
              additionalDetails: 'See the steps for the SCIM request and response.',
              recommendedAction: 'Fix the mapping or the SCIM endpoint; the entry is retried in the next cycle.',
            }
          : null,
    },
    provisioningSteps: entry.steps.map((step) => ({
      name: step.name,
      provisioningStepType: stepTypes[step.type] ?? 'other',
      status: step.status,
      description: step.description,
      details: step.details,
    })),
    servicePrincipal: { id: cycle.servicePrincipal.id, displayName: cycle.servicePrincipal.displayName },
    sourceIdentity: { id: entry.sourceId, displayName: entry.name, identityType: entry.kind, details: {} },
    sourceSystem: { id: hashId('system:entra'), displayName: 'Azure Active Directory', details: {} },
    targetIdentity: {
      id: entry.targetId ?? '',
      displayName: entry.name,
      identityType: `urn:ietf:params:scim:schemas:core:2.0:${entry.kind}`,
      details: {},
    },
    targetSystem: {
      id: hashId(`system:${cycle.jobId}`),
      displayName: cycle.servicePrincipal.displayName,
      details: { ApplicationId: cycle.servicePrincipal.id },
    },
    tenantId: cycle.tenantId,
  };
}

const actions: ProvisioningAction[] = ['create', 'update', 'update', 'disable', 'delete', 'update'];
const people = [
  'Adele Vance',
  'Alex Wilber',
  'Diego Siciliani',
  'Grady Archie',
  'Isaiah Langer',
  'Johanna Lorenz',
  'Lee Gu',
  'Megan Bowen',
  'Nestor Wilke',
  'Pradeep Gupta',
];

const hashId = (text: string) => {
  const hex = createHash('sha1').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** The entries a run writes: deterministic for the same record. Newest first. */
export function logEntriesForCycle(cycle: CycleRecord): ProvisioningLogEntry[] {
  if (cycle.entries) return cycle.entries.map((entry, index) => realEntry(cycle, entry, index)).reverse();
  const entries: ProvisioningLogEntry[] = [];
  const spacing =
    cycle.ended !== undefined && cycle.ended > cycle.began ? (cycle.ended - cycle.began) / (cycle.changes + 1) : 2000;
  for (let i = 0; i < cycle.changes; i++) {
    const seed = `${cycle.cycleId}/${i}`;
    const person = people[(cycle.cycleId.length + i * 7) % people.length];
    const action = actions[i % actions.length];
    const status: ProvisioningResult =
      cycle.result === 'Failed'
        ? 'failure'
        : cycle.result === 'EntryLevelErrors' && i % 3 === 0
          ? 'failure'
          : i % 5 === 4
            ? 'skipped'
            : i % 11 === 10
              ? 'warning'
              : 'success';
    const userId = hashId(`user:${person}`);
    const upn = `${person.toLowerCase().replace(/ /g, '.')}@contoso.example`;
    const failed = status === 'failure';
    const code =
      cycle.error?.code && cycle.error.code !== 'None'
        ? cycle.error.code
        : 'SystemForCrossDomainIdentityManagementBadResponse';
    entries.push({
      id: hashId(`log:${seed}`),
      activityDateTime: new Date(Math.round(cycle.began + (i + 1) * spacing)).toISOString(),
      changeId: hashId(`change:${seed}`),
      cycleId: cycle.cycleId,
      durationInMilliseconds: 180 + ((i * 37) % 900),
      initiatedBy: { id: '', displayName: 'Azure AD Provisioning Service', initiatorType: 'system' },
      jobId: cycle.jobId,
      modifiedProperties:
        action === 'update' || action === 'create'
          ? [
              {
                displayName: 'displayName',
                oldValue: action === 'create' ? null : person.split(' ')[0],
                newValue: person,
              },
            ]
          : [],
      provisioningAction: action,
      provisioningStatusInfo: {
        status,
        errorInformation: failed
          ? {
              errorCode: code,
              errorCategory: 'NonServiceFailure',
              reason:
                cycle.error?.message ||
                `The application answered an error while the provisioning service tried to ${action} ${upn}.`,
              additionalDetails: 'Failed to process the change. See the steps for the request and response.',
              recommendedAction:
                'Check the admin credentials and that the application accepts the attribute values, then restart the job.',
            }
          : null,
      },
      provisioningSteps: [
        {
          name: 'EntryImportAdd',
          provisioningStepType: 'import',
          status: 'success',
          description: `Received User '${upn}' change of type (Add) from Microsoft Entra ID`,
          details: {},
        },
        {
          name: 'EntrySynchronizationScoping',
          provisioningStepType: 'scoping',
          status: status === 'skipped' ? 'skipped' : 'success',
          description:
            status === 'skipped'
              ? `User '${upn}' is not in scope (not assigned to the application).`
              : `User '${upn}' is in scope.`,
          details: {},
        },
        {
          name: 'EntryExportAdd',
          provisioningStepType: 'export',
          status: status === 'skipped' ? 'skipped' : status,
          description: failed
            ? `Failed to ${action} User '${upn}' in the application.`
            : `User '${upn}' was ${action === 'create' ? 'created' : `${action}d`} in the application.`,
          details: failed ? { ReportableIdentifier: upn } : {},
        },
      ],
      servicePrincipal: { id: cycle.servicePrincipal.id, displayName: cycle.servicePrincipal.displayName },
      sourceIdentity: { id: userId, displayName: person, identityType: 'User', details: { UserPrincipalName: upn } },
      sourceSystem: { id: hashId('system:entra'), displayName: 'Azure Active Directory', details: {} },
      targetIdentity: {
        id: failed ? '' : hashId(`target:${cycle.jobId}:${person}`),
        displayName: upn,
        identityType: 'urn:ietf:params:scim:schemas:core:2.0:User',
        details: {},
      },
      targetSystem: {
        id: hashId(`system:${cycle.jobId}`),
        displayName: cycle.servicePrincipal.displayName,
        details: { ApplicationId: cycle.servicePrincipal.id },
      },
      tenantId: cycle.tenantId,
    });
  }
  return entries.reverse();
}
