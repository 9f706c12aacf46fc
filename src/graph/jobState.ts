import type { SynchronizationJob } from './types';

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
  const parts = units.filter(([value]) => value && Number(value) > 0).map(([value, unit]) => `${Number(value)} ${unit}${Number(value) === 1 ? '' : 's'}`);
  return parts.length ? parts.join(' ') : interval;
}
