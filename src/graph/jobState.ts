import type { SynchronizationJob, SynchronizationQuarantine } from './types';

/**
 * One word for what a job is doing, as the tree shows it. Quarantine lives in `status.code`; Disabled only in
 * `schedule.state` (a new job reports status code Paused while its schedule is Disabled).
 */
export type JobState = 'Active' | 'Paused' | 'Disabled' | 'Quarantine';

export function jobState(job: Pick<SynchronizationJob, 'schedule' | 'status'>): JobState {
  if (job.status?.code === 'Quarantine') return 'Quarantine';
  const state = job.schedule?.state;
  return state === 'Active' || state === 'Paused' ? state : 'Disabled';
}

/** Start also lifts a quarantine; starting an active job would do nothing. */
export const canStart = (state: JobState) => state !== 'Active';
export const canPause = (state: JobState) => state === 'Active' || state === 'Quarantine';

/** ISO 8601 durations as people say them: PT40M → "40 minutes"; .NET's TimeSpan.MaxValue means "never". */
export function describeInterval(interval: string | undefined): string | undefined {
  if (!interval) return undefined;
  if (interval.startsWith('P10675199D')) return 'never';
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(interval);
  if (!match) return interval;
  const units: [string | undefined, string][] = [
    [match[1], 'day'],
    [match[2], 'hour'],
    [match[3], 'minute'],
    [match[4], 'second'],
  ];
  const parts = units
    .filter(([value]) => value && Number(value) > 0)
    .map(([value, unit]) => `${Number(value)} ${unit}${Number(value) === 1 ? '' : 's'}`);
  return parts.length ? parts.join(' ') : interval;
}

/** Entra disables a job that has been in quarantine for 4 weeks (Learn: application-provisioning-quarantine-status). */
export const quarantineDisableAfterDays = 28;

export interface QuarantineDeadline {
  /** When the series of quarantines began (seriesBegan): the 4 weeks count from here. */
  since: Date;
  nextAttempt: Date;
  /** When Entra disables the job if it is still in quarantine. */
  disabledAt: Date;
  /** Whole days until then, at least 0. */
  daysLeft: number;
}

/** What the job view says about a quarantine; undefined when the dates cannot be read. */
export function quarantineDeadline(
  quarantine: Pick<SynchronizationQuarantine, 'seriesBegan' | 'nextAttempt'>,
  now: Date = new Date(),
): QuarantineDeadline | undefined {
  const since = new Date(quarantine.seriesBegan);
  const nextAttempt = new Date(quarantine.nextAttempt);
  if (Number.isNaN(since.getTime()) || Number.isNaN(nextAttempt.getTime()) || since.getUTCFullYear() <= 1)
    return undefined;
  const disabledAt = new Date(since.getTime() + quarantineDisableAfterDays * 86_400_000);
  const daysLeft = Math.max(0, Math.floor((disabledAt.getTime() - now.getTime()) / 86_400_000));
  return { since, nextAttempt, disabledAt, daysLeft };
}
