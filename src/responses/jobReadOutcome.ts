// What the response view says first about a job it read: the job's health when something is wrong (a quarantine with
// its 4-week clock, a failing job), so a quarantined job never looks like a plain "200 OK"; else that it was read.
import { canStart, jobState } from '../graph/jobState';
import type { SynchronizationJob } from '../graph/types';
import { assessJobHealth } from '../health/jobHealth';
import type { ResponseViewModel } from '../webview/protocol';

type Outcome = ResponseViewModel['outcome'];

const day = (iso: string) => iso.slice(0, 10);

/** `read` is the status line ("200 OK: job read"); it follows the health, which comes first. */
export function jobReadOutcome(job: SynchronizationJob | undefined, read: string, now: Date): Outcome {
  if (!job?.status || !job.schedule) return { kind: 'success', summary: read };
  const health = assessJobHealth(job, now);
  const first = health.findings[0];
  const clock = health.quarantine;
  if (clock && first) {
    const why = job.status.quarantine?.error?.message || clock.errorCode;
    const disabled =
      clock.daysUntilDisabled > 0
        ? `Entra disables the job in ${clock.daysUntilDisabled} day${clock.daysUntilDisabled === 1 ? '' : 's'} (${day(clock.disablesAt)}) if it stays so`
        : 'it has been so for more than 4 weeks: Entra may have disabled it already';
    return {
      kind: 'error',
      summary: `Quarantined since ${day(clock.since)} (${clock.reason}${why ? `: ${why}` : ''}); ${disabled}. ${read}.`,
      hint: first.action,
    };
  }
  if (first && (first.severity === 'error' || first.severity === 'warning'))
    return { kind: 'warning', summary: `${first.message} ${read}.`, hint: first.action };
  return { kind: 'success', summary: read };
}

/**
 * Whether the view offers Start: only when the state is known and starting would change something, and not for a
 * quarantined job: Start lifts the quarantine (Graph reference: synchronizationJob start), but with the cause unfixed
 * the next cycle quarantines it again; the outcome says what to do instead.
 */
export function offersStart(job: Pick<SynchronizationJob, 'schedule' | 'status'> | undefined): boolean {
  if (!job) return false;
  const state = jobState(job);
  return canStart(state) && state !== 'Quarantine';
}
