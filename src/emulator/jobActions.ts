// How start, pause, restart and a synchronization cycle change a job, as far as anyone can observe through Graph.
// The one place for a job's transitions; jobCycles.ts only decides when a cycle runs.
import { graphTime } from './clock';
import { badRequest, parseJsonBody } from './errors';
import type { JobDocument, Quarantine, SynchronizationError, TaskExecution } from './jobFactory';

/** Members of synchronizationJobRestartScope (a flags enum: comma-separated on the wire). */
const restartScopes = ['None', 'ConnectorDataStore', 'Escrows', 'Watermark', 'QuarantineState', 'Full', 'ForceDeletes'];

const hour = 3_600_000;
/** Quarantine retries after about 6, 12, then every 24 hours (Learn: application-provisioning-quarantine-status). */
export const quarantineRetryDelaysMs = [6 * hour, 12 * hour, 24 * hour] as const;
/** A job in quarantine for 4 weeks is disabled (same page). */
export const quarantineDisableAfterMs = 28 * 24 * hour;

/** Right after start a job that never ran reports NotRun (cross-tenant capture, FACTS.md); one that ran, Active. */
const codeAfterStart = (job: JobDocument) => (job.status.lastExecution ? 'Active' : 'NotRun');

export function startJob(job: JobDocument): void {
  // Start also lifts a quarantine (Graph reference: synchronizationJob start).
  job.schedule.state = 'Active';
  job.status.quarantine = null;
  job.status.code = codeAfterStart(job);
}

export function pauseJob(job: JobDocument): void {
  job.schedule.state = 'Paused';
  job.status.code = 'Paused';
}

/** Reads the restart body `{"criteria":{"resetScope":"Watermark, Escrows"}}`; every part is optional. */
export function restartScopesOf(body: string): string[] {
  if (body.trim() === '') return [];
  const criteria = (parseJsonBody(body) as { criteria?: unknown } | null)?.criteria;
  if (criteria === undefined || criteria === null) return [];
  const resetScope = (criteria as { resetScope?: unknown }).resetScope;
  if (resetScope === undefined || resetScope === null) return [];
  if (typeof resetScope !== 'string')
    throw badRequest(
      "The parameter 'criteria' in the request payload is not a valid synchronizationJobRestartCriteria.",
    );
  const scopes = resetScope
    .split(',')
    .map((scope) => scope.trim())
    .filter(Boolean);
  const unknown = scopes.find((scope) => !restartScopes.includes(scope));
  if (unknown !== undefined)
    throw badRequest(
      `The value '${unknown}' is not valid for the flags enum microsoft.graph.synchronizationJobRestartScope.`,
    );
  return scopes;
}

export function restartJob(job: JobDocument, scopes: string[]): void {
  // Restart with QuarantineState lifts a quarantine (FACTS.md, "Jobs as real tenants return them").
  const clearsQuarantine = scopes.includes('QuarantineState') || scopes.includes('Full');
  if (clearsQuarantine) job.status.quarantine = null;
  if (scopes.includes('Escrows') || scopes.includes('Full')) job.status.escrowsPruned = true;
  job.schedule.state = 'Active';
  job.status.code = job.status.quarantine ? 'Quarantine' : codeAfterStart(job);
}

export interface CycleInput {
  /** Emulator time the cycle ends at. */
  now: number;
  /** Whether the saved credentials open the app: decides success or quarantine. */
  credentialsValid: boolean;
  /** Entries in scope, by type ('user to User'…). */
  entries: { key: string; value: number }[];
}

// The error AWS jobs show without valid credentials (FACTS.md); the message is a guess in the service's style.
export const invalidCredentialsError: SynchronizationError = {
  code: 'SystemForCrossDomainIdentityManagementInvalidCredentials',
  message:
    'The provisioning service could not authenticate to the application with the saved admin credentials (BaseAddress, SecretToken). Check them with Test Connection, then restart the job.',
  tenantActionable: true,
};
// Real successful executions carry error code "None" with an empty message (FACTS.md).
const noError: SynchronizationError = { code: 'None', message: '', tenantActionable: false };

function execution(input: CycleInput, state: TaskExecution['state'], error: SynchronizationError): TaskExecution {
  const total = input.entries.reduce((sum, entry) => sum + entry.value, 0);
  const failed = state === 'Failed';
  return {
    activityIdentifier: null,
    countEntitled: total,
    countEntitledForProvisioning: failed ? 0 : total,
    countEscrowed: failed ? total : 0,
    countEscrowedRaw: failed ? total : 0,
    countExported: failed ? 0 : total,
    countExports: failed ? 0 : total,
    countImported: total,
    countImportedDeltas: failed ? 0 : total,
    countImportedReferenceDeltas: 0,
    error,
    state,
    // A cycle of the sample tenant takes a few seconds; guess.
    timeBegan: graphTime(input.now - 4_000),
    timeEnded: graphTime(input.now),
  };
}

/** One synchronization cycle: Active with filled executions and counts, or quarantine (and, after 4 weeks, disabled). */
export function runCycle(job: JobDocument, input: CycleInput): void {
  const status = job.status;
  if (input.credentialsValid) {
    const done = execution(input, 'Succeeded', noError);
    const total = input.entries.reduce((sum, entry) => sum + entry.value, 0);
    status.code = 'Active';
    status.lastExecution = done;
    status.lastSuccessfulExecution = done;
    status.lastSuccessfulExecutionWithExports = done;
    status.countSuccessiveCompleteFailures = 0;
    status.quarantine = null;
    status.synchronizedEntryCountByType = input.entries.map((entry) => ({ ...entry }));
    // units: guess (the reference leaves it undocumented).
    status.progress = [
      { completedUnits: total, totalUnits: total, units: 'Objects', progressObservationDateTime: graphTime(input.now) },
    ];
    if (status.steadyStateFirstAchievedTime.startsWith('0001-'))
      status.steadyStateFirstAchievedTime = graphTime(input.now);
    status.steadyStateLastAchievedTime = graphTime(input.now);
    return;
  }
  status.lastExecution = execution(input, 'Failed', invalidCredentialsError);
  status.countSuccessiveCompleteFailures += 1;
  quarantine(job, input.now, invalidCredentialsError, 'EncounteredQuarantineException');
}

/** Puts the job in quarantine (or keeps it there, next retry later); after 4 weeks its schedule is disabled. */
export function quarantine(job: JobDocument, now: number, error: SynchronizationError, reason: string): void {
  job.status.code = 'Quarantine';
  job.status.quarantine = nextQuarantine(job.status.quarantine, now, error, reason);
  if (now - Date.parse(job.status.quarantine.seriesBegan) >= quarantineDisableAfterMs) job.schedule.state = 'Disabled';
}

function nextQuarantine(
  current: Quarantine | null,
  now: number,
  error: SynchronizationError,
  reason: string,
): Quarantine {
  const seriesCount = (current?.seriesCount ?? 0) + 1;
  const wait = quarantineRetryDelaysMs[Math.min(seriesCount, quarantineRetryDelaysMs.length) - 1];
  return {
    currentBegan: graphTime(now),
    error,
    nextAttempt: graphTime(now + wait),
    reason,
    seriesBegan: current?.seriesBegan ?? graphTime(now),
    seriesCount,
  };
}
