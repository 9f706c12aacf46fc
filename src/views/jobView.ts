// The job view's model, from the job as the store holds it: what Graph last said about the job, in sections of
// plain rows, and the actions that can succeed in its state. No vscode: tested in Node.
import { canPause, canStart, describeInterval, jobState, quarantineDeadline } from '../graph/jobState';
import type { SynchronizationJob, SynchronizationTaskExecution } from '../graph/types';
import { describeRunningCycle, runningProgress, type CycleCounts } from '../logs/runningCycle';
import type { JobViewAction, JobViewCycle, JobViewModel, JobViewRow, JobViewSection } from '../webview/jobViewModel';

export interface JobViewInput {
  servicePrincipal: { id: string; displayName: string };
  jobId: string;
  /** The job as last read; undefined when it was deleted (or never read). */
  job?: SynchronizationJob;
  removed?: boolean;
  readAt?: Date;
  stale?: boolean;
  connection?: JobViewModel['connection'];
  onDemand?: JobViewModel['onDemand'];
  /** The cycle's provisioning log entries the view has counted (or why it could not), and whether it saw it end. */
  cycleCounts?: { counts: CycleCounts | string; finished: boolean };
  /** Connected to the local emulator, whose SCIM traffic the view can show (real Graph does not expose it). */
  emulator?: boolean;
  now: Date;
}

/** 2026-12-01 15:56 UTC; Graph's "never" (year 1) and unreadable dates as "never". */
export function formatTime(value: string | null | undefined): string {
  const time = value ? new Date(value) : undefined;
  if (!time || Number.isNaN(time.getTime()) || time.getUTCFullYear() <= 1) return 'never';
  return `${time.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** "in 3 days", "5 minutes ago": the distance between two times in the largest whole unit. */
export function relativeTime(to: Date, now: Date): string {
  const seconds = Math.round((to.getTime() - now.getTime()) / 1000);
  const units: [number, string][] = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  const [size, unit] = units.find(([length]) => Math.abs(seconds) >= length) ?? [1, 'second'];
  const count = Math.floor(Math.abs(seconds) / size);
  const amount = `${count} ${unit}${count === 1 ? '' : 's'}`;
  return seconds >= 0 ? `in ${amount}` : `${amount} ago`;
}

function executionRows(execution: SynchronizationTaskExecution | null | undefined): JobViewRow[] {
  if (!execution) return [{ label: 'Run', value: 'none yet' }];
  const rows: JobViewRow[] = [
    { label: 'Result', value: execution.state },
    { label: 'Began', value: formatTime(execution.timeBegan) },
    { label: 'Ended', value: formatTime(execution.timeEnded) },
    {
      label: 'Counts',
      value: `imported ${execution.countImported}, exported ${execution.countExported}, escrowed ${execution.countEscrowed}, entitled ${execution.countEntitled}`,
    },
  ];
  // Graph says "no error" as code "None" with an empty message (FACTS.md, real bodies).
  const error = execution.error;
  if ((error?.code && error.code !== 'None') || error?.message)
    rows.push({ label: 'Error', value: [error.code, error.message].filter(Boolean).join(': ') });
  return rows;
}

/** Only an https URL is offered to open; anything else from the tenant is shown as text, never followed. */
export function troubleshootingUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

function actionsFor(state: ReturnType<typeof jobState>, url: string | undefined, emulator: boolean): JobViewAction[] {
  const actions: (JobViewAction | false)[] = [
    canStart(state) && 'start',
    canPause(state) && 'pause',
    'restart',
    'setCredentials',
    'testConnection',
    'provisionOnDemand',
    emulator && 'showScimTraffic',
    'showJson',
    'refresh',
    url !== undefined && 'openTroubleshooting',
  ];
  return actions.filter((action): action is JobViewAction => action !== false);
}

/** The running cycle, or the one the view counted until it ended (then with lastExecution's counts). */
function describeCycle(job: SynchronizationJob, cycleCounts: JobViewInput['cycleCounts']): JobViewCycle | undefined {
  const progress = runningProgress(job.status);
  if (progress) {
    const counts = cycleCounts?.counts ?? 'counting the provisioning log entries…';
    const { processed, total } = progress;
    return { running: true, processed, total, text: describeRunningCycle(progress, counts) };
  }
  const last = job.status?.lastExecution;
  if (!cycleCounts?.finished || !last) return undefined;
  const total = job.status.progress?.[0]?.totalUnits ?? last.countImported;
  const { counts } = cycleCounts;
  const logged =
    typeof counts === 'string'
      ? counts
      : `created ${counts.created}, updated ${counts.updated}, failed ${counts.failed}`;
  return {
    running: false,
    processed: total,
    total,
    text: `Cycle finished (${last.state}): ${total} objects processed; ${logged}; exported ${last.countExported}, escrowed ${last.countEscrowed}`,
  };
}

export function describeJobView(input: JobViewInput): JobViewModel {
  const { servicePrincipal, jobId, job, now } = input;
  const base = {
    title: `Job ${job?.templateId ?? jobId} of ${servicePrincipal.displayName}`,
    servicePrincipalId: servicePrincipal.id,
    servicePrincipalName: servicePrincipal.displayName,
    jobId,
    connection: input.connection,
    onDemand: input.onDemand,
    readAt: input.readAt?.toISOString(),
    stale: input.stale ?? false,
  };
  if (!job || input.removed)
    return {
      ...base,
      state: 'Deleted',
      headline: {
        kind: 'warning',
        text: `Job ${jobId} no longer exists: it was deleted.`,
        hint: 'Create a job from a template of the service principal to provision again.',
      },
      sections: [],
      // Nothing can succeed on a deleted job; its service principal's credentials still exist.
      actions: [],
    };
  const state = jobState(job);
  const status = job.status;
  const url = troubleshootingUrl(status?.troubleshootingUrl);
  const sections: JobViewSection[] = [
    {
      label: 'Schedule',
      rows: [
        { label: 'State', value: job.schedule?.state ?? 'unknown' },
        { label: 'Interval', value: describeInterval(job.schedule?.interval) ?? 'unknown' },
        { label: 'Status code', value: status?.code ?? 'unknown' },
        { label: 'Successive complete failures', value: String(status?.countSuccessiveCompleteFailures ?? 0) },
      ],
    },
  ];
  const quarantine = status?.quarantine;
  let headline: JobViewModel['headline'] = { kind: 'info', text: `${state}.` };
  if (quarantine) {
    const deadline = quarantineDeadline(quarantine, now);
    const rows: JobViewRow[] = [
      { label: 'Reason', value: quarantine.reason },
      { label: 'Since', value: formatTime(quarantine.seriesBegan) },
      {
        label: 'Next attempt',
        value: deadline
          ? `${formatTime(quarantine.nextAttempt)} (${relativeTime(deadline.nextAttempt, now)})`
          : formatTime(quarantine.nextAttempt),
      },
      { label: 'Quarantines in this series', value: String(quarantine.seriesCount) },
    ];
    if (quarantine.error?.code || quarantine.error?.message)
      rows.push({
        label: 'Error',
        value: [quarantine.error.code, quarantine.error.message].filter(Boolean).join(': '),
      });
    if (deadline)
      rows.push({
        label: 'Disabled by Entra',
        value: `${formatTime(deadline.disabledAt.toISOString())} (${deadline.daysLeft} days left)`,
      });
    sections.push({ label: 'Quarantine', rows });
    headline = {
      kind: 'error',
      text: `In quarantine (${quarantine.reason})${deadline ? `: Entra disables the job in ${deadline.daysLeft} days` : ''}.`,
      hint: 'Fix the cause (often the admin credentials: Set Credentials…, then Test Connection), then Restart with QuarantineState or Start.',
    };
  } else if (state === 'Active')
    headline = { kind: 'success', text: `Active: runs every ${describeInterval(job.schedule?.interval) ?? '?'}.` };
  else if (state === 'Disabled')
    headline = { kind: 'info', text: 'Disabled: set the credentials, test the connection, then Start.' };
  sections.push({ label: 'Last execution', rows: executionRows(status?.lastExecution) });
  sections.push({ label: 'Last successful execution', rows: executionRows(status?.lastSuccessfulExecution) });
  const progress = status?.progress ?? [];
  if (progress.length)
    sections.push({
      label: 'Progress',
      rows: progress.map((item) => ({
        label: item.units ?? 'units',
        value: `${item.completedUnits} of ${item.totalUnits} (observed ${formatTime(item.progressObservationDateTime)})`,
      })),
    });
  sections.push({
    label: 'Steady state',
    rows: [
      { label: 'First reached', value: formatTime(status?.steadyStateFirstAchievedTime) },
      { label: 'Last reached', value: formatTime(status?.steadyStateLastAchievedTime) },
    ],
  });
  const counts = status?.synchronizedEntryCountByType ?? [];
  sections.push({
    label: 'Synchronized entries',
    rows: counts.length
      ? counts.map(({ key, value }) => ({ label: key, value: String(value) }))
      : [{ label: 'All', value: '0' }],
  });
  if (status?.troubleshootingUrl && !url)
    sections.push({
      label: 'Troubleshooting',
      rows: [{ label: 'Link (not https, not opened)', value: status.troubleshootingUrl }],
    });
  const cycle = describeCycle(job, input.cycleCounts);
  return {
    ...base,
    state,
    headline,
    sections,
    cycle,
    troubleshootingUrl: url,
    actions: actionsFor(state, url, input.emulator ?? false),
  };
}
