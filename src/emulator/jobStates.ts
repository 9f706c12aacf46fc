// Jobs in each state a tenant's jobs are found in (healthy, quarantined, failing, stale, paused, never started,
// disabled), with a history that matches the state. Shapes follow the captured jobs in FACTS.md ("Jobs as real tenants
// return them"); the mix and the ages are the generator's choice.
import { execution, newJob, type JobDocument, type SynchronizationError } from './jobFactory';

export const generatedJobStates = [
  'healthy',
  'quarantine',
  'failing',
  'entryErrors',
  'stale',
  'paused',
  'neverStarted',
  'disabled',
] as const;
export type GeneratedJobState = (typeof generatedJobStates)[number];

/** FACTS.md: synchronizationQuarantine.reason values. */
const quarantineReasons = [
  'EncounteredQuarantineException',
  'EncounteredBaseEscrowThreshold',
  'EncounteredTotalEscrowThreshold',
  'TooManyDeletes',
  'EncounteredEscrowProportionThreshold',
];

/** FACTS.md: a job started without valid credentials (AWS capture); the other codes are guesses at app-specific ones. */
const errors: SynchronizationError[] = [
  {
    code: 'SystemForCrossDomainIdentityManagementInvalidCredentials',
    message: 'The SCIM endpoint rejected the secret token (HTTP 401).',
    tenantActionable: true,
  },
  {
    code: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
    message: 'The SCIM endpoint answered with an unexpected response (HTTP 500).',
    tenantActionable: true,
  },
  { code: 'HttpTimeout', message: 'The application did not answer within 60 seconds.', tenantActionable: false },
];

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;
const iso = (ms: number) => new Date(ms).toISOString();

export interface JobStateSpec {
  state: GeneratedJobState;
  templateId: string;
  id: string;
  /** The tenant's "now": every time in the job lies before it. */
  now: number;
  /** Picks the reason, age and counts within the state; any non-negative integer. */
  variant: number;
}

/** A job document in the given state, deterministic for the same spec. */
export function jobInState({ state, templateId, id, now, variant }: JobStateSpec): JobDocument {
  const job = newJob(templateId, id);
  if (state === 'neverStarted') return job;
  const error = errors[variant % errors.length];
  const ranAt = (
    agoMs: number,
    result: 'Succeeded' | 'Failed' | 'EntryLevelErrors',
    failure: SynchronizationError | null = null,
  ) =>
    execution(
      result,
      iso(now - agoMs),
      iso(now - agoMs + 3 * 60 * 1000),
      result === 'Failed' ? 0 : 5 + (variant % 20),
      failure,
    );
  // Every job that ever ran reached steady state once, a few weeks before the tenant's now.
  const steadySince = now - (20 + (variant % 40)) * dayMs;
  const lastGood = ranAt(40 * 60 * 1000, 'Succeeded');
  job.schedule.state = 'Active';
  job.status.code = 'Active';
  job.status.steadyStateFirstAchievedTime = iso(steadySince);
  job.status.steadyStateLastAchievedTime = lastGood.timeEnded;
  job.status.lastExecution = lastGood;
  job.status.lastSuccessfulExecution = lastGood;
  job.status.lastSuccessfulExecutionWithExports = lastGood;
  job.status.synchronizedEntryCountByType = [
    { key: 'user to User', value: 50 + (variant % 5000) },
    { key: 'group to Group', value: variant % 40 },
  ];
  switch (state) {
    case 'quarantine': {
      // 1 to 35 days: some well inside the 4 weeks, some about to be disabled, a few past it.
      const seriesBegan = now - (1 + (variant % 35)) * dayMs;
      const currentBegan = Math.max(seriesBegan, now - 6 * hourMs);
      job.status.code = 'Quarantine';
      job.status.countSuccessiveCompleteFailures = 3 + (variant % 10);
      job.status.lastExecution = execution('Failed', iso(currentBegan - 60 * 1000), iso(currentBegan), 0, error);
      job.status.steadyStateLastAchievedTime = iso(seriesBegan);
      job.status.quarantine = {
        currentBegan: iso(currentBegan),
        error,
        nextAttempt: iso(currentBegan + 12 * hourMs),
        reason: quarantineReasons[variant % quarantineReasons.length],
        seriesBegan: iso(seriesBegan),
        seriesCount: 1 + (variant % 8),
      };
      return job;
    }
    case 'failing':
      job.status.countSuccessiveCompleteFailures = 1 + (variant % 3);
      job.status.escrowsPruned = variant % 4 === 0;
      job.status.lastExecution = ranAt(40 * 60 * 1000, 'Failed', error);
      job.status.lastSuccessfulExecution = ranAt((2 + (variant % 3)) * hourMs, 'Succeeded');
      job.status.steadyStateLastAchievedTime = job.status.lastSuccessfulExecution.timeEnded;
      return job;
    case 'entryErrors':
      job.status.lastExecution = ranAt(40 * 60 * 1000, 'EntryLevelErrors', { ...error, tenantActionable: true });
      return job;
    case 'stale': {
      // Steady state last reached 10 to 59 days ago although the job still runs.
      const lastSteady = now - (10 + (variant % 50)) * dayMs;
      job.status.steadyStateFirstAchievedTime = iso(Math.min(steadySince, lastSteady));
      job.status.steadyStateLastAchievedTime = iso(lastSteady);
      job.status.lastSuccessfulExecution = execution('Succeeded', iso(lastSteady - 5 * 60 * 1000), iso(lastSteady), 3);
      return job;
    }
    case 'paused':
      job.schedule.state = 'Paused';
      job.status.code = 'Paused';
      return job;
    case 'disabled':
      // Stopped a month ago (guess at the shape: schedule Disabled, status Paused, as a new job has them).
      job.schedule.state = 'Disabled';
      job.status.code = 'Paused';
      job.status.lastExecution = ranAt(30 * dayMs, 'Succeeded');
      job.status.steadyStateLastAchievedTime = job.status.lastExecution.timeEnded;
      return job;
    case 'healthy':
      return job;
  }
}
