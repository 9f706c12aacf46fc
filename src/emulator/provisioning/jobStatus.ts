// A real cycle's outcome as Graph shows it on the job: status code, lastExecution counts, steady state, escrows,
// quarantine. Reasons are members of the quarantineReason enum (CSDL): EncounteredQuarantineException,
// EncounteredEscrowProportionThreshold, TooManyDeletes. The escrow threshold itself is not documented (Learn's
// quarantine page: "a majority or all of the calls made against the target system consistently fail"): more than
// half of the attempted entries, at least 5, is a guess.
import { graphTime } from '../clock';
import type { JobDocument, SynchronizationError, TaskExecution } from '../jobFactory';
import { invalidCredentialsError, quarantine } from '../jobActions';
import type { ProvisioningOutcome } from './engine';

const escrowMinimum = 5;

function execution(outcome: ProvisioningOutcome, now: number, error: SynchronizationError): TaskExecution {
  const entries = outcome.entries;
  const inScope = entries.filter((e) => e.steps.some((s) => s.type === 'Scoping' && s.status === 'success')).length;
  const exported = entries.filter((e) => e.status === 'success' && e.action !== 'other').length;
  const escrowed = entries.filter((e) => e.escrowed).length;
  const failed = outcome.failure !== undefined;
  return {
    activityIdentifier: null,
    countEntitled: inScope,
    countEntitledForProvisioning: inScope,
    countEscrowed: escrowed,
    countEscrowedRaw: escrowed,
    countExported: exported,
    countExports: exported,
    countImported: entries.length,
    countImportedDeltas: entries.length,
    countImportedReferenceDeltas: 0,
    error,
    state: failed
      ? 'Failed'
      : escrowed > 0 || entries.some((e) => e.status === 'failure')
        ? 'EntryLevelErrors'
        : 'Succeeded',
    timeBegan: graphTime(now - Math.max(1, Math.round(outcome.elapsedMs))),
    timeEnded: graphTime(now),
  };
}

const noError: SynchronizationError = { code: 'None', message: '', tenantActionable: false };

/**
 * The job's synchronizationProgress while a cycle runs (CSDL: completedUnits and totalUnits Int64,
 * progressObservationDateTime, units): one item for the whole cycle, counted in source objects. The reference
 * documents neither the units nor how many items there are: 'Objects' and one item are guesses.
 */
export function applyProgress(job: JobDocument, processed: number, total: number, now: number): void {
  job.status.progress = [
    { completedUnits: processed, totalUnits: total, units: 'Objects', progressObservationDateTime: graphTime(now) },
  ];
}

/** Writes the outcome onto the job, as a cycle that ended at `now`. */
export function applyOutcome(job: JobDocument, outcome: ProvisioningOutcome, now: number): void {
  const status = job.status;
  // A cycle that ended, even failed, has no more to process (guess): its progress is complete.
  applyProgress(job, outcome.entries.length, outcome.entries.length, now);
  if (outcome.failure) {
    const error: SynchronizationError = outcome.failure.credentials
      ? invalidCredentialsError
      : { code: outcome.failure.code, message: outcome.failure.message, tenantActionable: true };
    status.lastExecution = execution(outcome, now, error);
    status.countSuccessiveCompleteFailures += 1;
    quarantine(job, now, error, 'EncounteredQuarantineException');
    return;
  }
  const done = execution(outcome, now, noError);
  status.lastExecution = done;
  status.countSuccessiveCompleteFailures = 0;
  const attempted = outcome.entries.filter((e) => e.status !== 'skipped').length;
  const escrowed = done.countEscrowed;
  if (outcome.tooManyDeletes) {
    const { count, threshold } = outcome.tooManyDeletes;
    const message = `The job would delete or disable ${count} objects, more than the accidental-deletion threshold of ${threshold}. Review the changes, then restart the job with ForceDeletes or raise the threshold.`;
    return quarantine(job, now, { code: 'TooManyDeletes', message, tenantActionable: true }, 'TooManyDeletes');
  }
  if (escrowed >= escrowMinimum && escrowed * 2 > attempted) {
    const message = `${escrowed} of ${attempted} entries failed (escrowed) in this cycle. See the provisioning logs for each error.`;
    const error = { code: 'EscrowProportionThresholdExceeded', message, tenantActionable: true };
    return quarantine(job, now, error, 'EncounteredEscrowProportionThreshold');
  }
  status.code = 'Active';
  status.quarantine = null;
  status.lastSuccessfulExecution = done;
  if (done.countExported > 0) status.lastSuccessfulExecutionWithExports = done;
  const byType = new Map<string, number>();
  for (const entry of outcome.entries)
    if (entry.targetId && entry.status !== 'failure' && entry.action !== 'delete') {
      const key = `${entry.kind.toLowerCase()} to ${entry.kind}`;
      byType.set(key, (byType.get(key) ?? 0) + 1);
    }
  status.synchronizedEntryCountByType = [...byType].map(([key, value]) => ({ key, value }));
  // Steady state: a cycle with nothing left to export or retry (guess at Graph's rule).
  if (done.countExported === 0 && escrowed === 0) {
    if (status.steadyStateFirstAchievedTime.startsWith('0001-')) status.steadyStateFirstAchievedTime = graphTime(now);
    status.steadyStateLastAchievedTime = graphTime(now);
  }
}
