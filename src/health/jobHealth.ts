// The health of one synchronization job, judged from the job alone (no extra requests): what is wrong, how bad, what
// to do. Shared by `graph-sync scan`, the Provisioning Health view and the job view ("days left" in quarantine).
import type { SynchronizationJob } from '../graph/types';

/** Worst first. `error` is what `graph-sync scan` fails a build for. */
export const severities = ['error', 'warning', 'note', 'ok'] as const;
export type Severity = (typeof severities)[number];

export type HealthFlag =
  'quarantine' | 'failing' | 'entryErrors' | 'stale' | 'legacyTemplate' | 'neverStarted' | 'disabled' | 'paused';

export interface HealthFinding {
  flag: HealthFlag;
  severity: Exclude<Severity, 'ok'>;
  /** What is wrong, in one sentence, without tenant text (callers add the app's name where they show it). */
  message: string;
  /** What to do about it. */
  action: string;
}

export interface QuarantineClock {
  reason: string;
  /** When the series of quarantines began (Entra counts the 4 weeks from here); ISO 8601. */
  since: string;
  daysInQuarantine: number;
  /** Whole days left before Entra disables the job; 0 or less: it may be disabled already. */
  daysUntilDisabled: number;
  /** When Entra disables the job if nothing changes; ISO 8601. */
  disablesAt: string;
  nextAttempt?: string;
  errorCode?: string;
}

export interface JobHealth {
  /** The worst finding's severity; 'ok' when there is none. */
  severity: Severity;
  /** Worst first. */
  findings: HealthFinding[];
  quarantine?: QuarantineClock;
}

export interface HealthThresholds {
  /**
   * An active job whose steady state was last reached longer ago than this is stale. Default 7 days: a healthy job
   * reaches steady state every cycle (40 minutes), so a week is ~250 missed cycles, far past noise yet well before
   * the 4-week quarantine limit.
   */
  staleAfterDays: number;
  /**
   * An active job that has been running longer than this without ever reaching steady state is stale. Default 3 days:
   * an initial cycle of a large directory takes hours to a day or two (Learn: "how long will it take to provision
   * users"); three days is past that for all but the largest tenants.
   */
  initialCycleDays: number;
}

export const defaultThresholds: HealthThresholds = { staleAfterDays: 7, initialCycleDays: 3 };

/** Entra disables a job after 4 weeks in quarantine (FACTS.md, Learn: application-provisioning-quarantine-status). */
export const quarantineLimitDays = 28;

/** Templates of the legacy non-gallery app; new apps use `scim` (FACTS.md template ids). */
const legacyTemplates = new Set(['customappsso']);

const dayMs = 24 * 60 * 60 * 1000;

/** A time Graph really reported: not absent, not .NET's MinValue (0001-01-01), parseable. */
export function timeOf(value: string | null | undefined): number | undefined {
  if (!value || value.startsWith('0001-01-01')) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

interface Execution {
  state?: string;
  timeBegan?: string;
  error?: { code?: string | null } | null;
}

/** Judges a job as of `now`. Pure: the same job and time always give the same answer. */
export function assessJobHealth(
  job: SynchronizationJob,
  now: Date,
  thresholds: HealthThresholds = defaultThresholds,
): JobHealth {
  const findings: HealthFinding[] = [];
  const { status, schedule } = job;
  const last = status.lastExecution as Execution | null | undefined;
  const quarantine = status.code === 'Quarantine' || status.quarantine ? quarantineClock(job, now) : undefined;
  if (quarantine) {
    const left = quarantine.daysUntilDisabled;
    findings.push({
      flag: 'quarantine',
      severity: 'error',
      message: `In quarantine (${quarantine.reason}) for ${quarantine.daysInQuarantine} days; ${
        left > 0 ? `Entra disables it in ${left} days` : 'Entra may have disabled it already'
      }.`,
      action:
        'Fix the cause (often the admin credentials: Test Connection), then restart the job with the QuarantineState scope.',
    });
  }
  const failures = status.countSuccessiveCompleteFailures ?? 0;
  if (failures > 0 || last?.state === 'Failed' || status.escrowsPruned) {
    const parts = [
      failures > 0 ? `${failures} complete failures in a row` : undefined,
      last?.state === 'Failed'
        ? `last run failed${last.error?.code && last.error.code !== 'None' ? ` (${last.error.code})` : ''}`
        : undefined,
      status.escrowsPruned ? 'escrows were pruned (changes that kept failing were dropped)' : undefined,
    ].filter(Boolean);
    findings.push({
      flag: 'failing',
      severity: 'error',
      message: `Failing: ${parts.join('; ')}.`,
      action:
        'Read the provisioning logs of the job for the error, fix it, then restart (Escrows scope to retry dropped changes).',
    });
  } else if (last?.state === 'EntryLevelErrors') {
    findings.push({
      flag: 'entryErrors',
      severity: 'warning',
      message: 'The last run had errors for some users or groups.',
      action: 'Filter the provisioning logs of the job by status failure.',
    });
  }
  const stale = staleness(job, now, thresholds);
  if (stale && !quarantine) findings.push({ flag: 'stale', severity: 'warning', ...stale });
  if (legacyTemplates.has(job.templateId)) {
    findings.push({
      flag: 'legacyTemplate',
      severity: 'note',
      message: `Uses the legacy template "${job.templateId}".`,
      action:
        'Plan a move to the current non-gallery SCIM app (template "scim"); the legacy template gets no new features.',
    });
  }
  if (!last && schedule.state !== 'Active') {
    findings.push({
      flag: 'neverStarted',
      severity: 'note',
      message: 'Never started.',
      action: 'Set the admin credentials and start the job, or delete it.',
    });
  } else if (schedule.state === 'Disabled' && !quarantine) {
    findings.push({
      flag: 'disabled',
      severity: 'warning',
      message: 'Disabled: it no longer provisions.',
      action: 'Start it again if it should run; Entra disables jobs left 4 weeks in quarantine.',
    });
  } else if (schedule.state === 'Paused' || status.code === 'Paused') {
    findings.push({
      flag: 'paused',
      severity: 'note',
      message: 'Paused.',
      action: 'Start it when it should provision again.',
    });
  }
  findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  return { severity: findings[0]?.severity ?? 'ok', findings, quarantine };
}

export const severityRank = (severity: Severity): number => severities.indexOf(severity);

function quarantineClock(job: SynchronizationJob, now: Date): QuarantineClock {
  const q = job.status.quarantine;
  const began = timeOf(q?.seriesBegan) ?? timeOf(q?.currentBegan) ?? now.getTime();
  const daysIn = Math.floor((now.getTime() - began) / dayMs);
  const disablesAt = began + quarantineLimitDays * dayMs;
  return {
    reason: q?.reason || 'Unknown',
    since: new Date(began).toISOString(),
    daysInQuarantine: Math.max(0, daysIn),
    daysUntilDisabled: Math.ceil((disablesAt - now.getTime()) / dayMs),
    disablesAt: new Date(disablesAt).toISOString(),
    nextAttempt: timeOf(q?.nextAttempt) === undefined ? undefined : q?.nextAttempt,
    errorCode: q?.error?.code ?? undefined,
  };
}

function staleness(
  job: SynchronizationJob,
  now: Date,
  thresholds: HealthThresholds,
): Pick<HealthFinding, 'message' | 'action'> | undefined {
  if (job.schedule.state !== 'Active') return undefined;
  const lastSteady = timeOf(job.status.steadyStateLastAchievedTime);
  const action = 'Open the job: check its progress and the provisioning logs; a restart clears a stuck cycle.';
  if (lastSteady !== undefined) {
    const days = Math.floor((now.getTime() - lastSteady) / dayMs);
    return days > thresholds.staleAfterDays
      ? { message: `Steady state last reached ${days} days ago.`, action }
      : undefined;
  }
  // Never in steady state: the initial cycle is still running (or keeps restarting); judge by when the run began.
  const began = timeOf((job.status.lastExecution as Execution | null)?.timeBegan);
  if (began === undefined) return undefined;
  const days = Math.floor((now.getTime() - began) / dayMs);
  return days > thresholds.initialCycleDays
    ? { message: `Steady state never reached; the current run began ${days} days ago.`, action }
    : undefined;
}
