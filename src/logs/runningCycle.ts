// A job's cycle while it runs, as Graph lets a client see it. The job's status has only synchronizationProgress
// (CSDL: completedUnits, totalUnits, units, progressObservationDateTime), no counts of what the running cycle created,
// updated or failed: lastExecution's counts arrive when the cycle ends. Those counts come from the provisioning logs
// (provisioningObjectSummary: provisioningAction, provisioningStatusInfo.status, activityDateTime; Graph reference
// "List provisioningObjectSummary"), as entries dated after the last execution ended: the running cycle's so far.
// Real logs lag behind the cycle (Learn: provisioning logs are not real time), so the counts may trail the progress.
import type { CallOptions, GraphClient } from '../graph/client';
import { listProvisioningLogs, type ProvisioningObjectSummary } from '../graph/provisioningLogs';
import type { SynchronizationStatus } from '../graph/types';

export interface CycleProgress {
  processed: number;
  total: number;
  /** ISO time Graph observed it. */
  observedAt: string;
}

export interface CycleCounts {
  created: number;
  updated: number;
  failed: number;
}

/**
 * The progress of the cycle running now: an item with fewer completed units than total; undefined when none runs.
 * Guess: the reference does not say what progress holds between cycles (the emulator leaves it complete).
 */
export function runningProgress(
  status: Pick<SynchronizationStatus, 'progress'> | undefined,
): CycleProgress | undefined {
  const running = (status?.progress ?? []).find((item) => item.completedUnits < item.totalUnits);
  return running
    ? { processed: running.completedUnits, total: running.totalUnits, observedAt: running.progressObservationDateTime }
    : undefined;
}

/** One page per read: the identity and access reports allow 5 requests per 10 s per app and tenant (Graph throttling limits). */
const pageSize = 1000;

/**
 * Counts the running cycle's log entries, a page at a time, each entry once: a read asks only for entries at or
 * after the newest one counted (or the rest of an unfinished page chain), so a long cycle costs one page per read.
 */
export class RunningCycleTally {
  readonly counts: CycleCounts = { created: 0, updated: 0, failed: 0 };
  private readonly counted = new Set<string>();
  private readonly afterMs: number;
  private newest: number;
  private nextLink?: string;
  /** The newest entry of the page chain being read: `newest` moves there when the chain ends. */
  private chainNewest = -Infinity;

  constructor(
    readonly jobId: string,
    /** When the job's last execution ended (lastExecution.timeEnded): later entries are the running cycle's. */
    after: string | null | undefined,
  ) {
    const parsed = after ? Date.parse(after) : NaN;
    this.afterMs = Number.isNaN(parsed) ? -Infinity : parsed;
    this.newest = this.afterMs;
  }

  /** False while a page chain is not read to its end. */
  get complete(): boolean {
    return this.nextLink === undefined;
  }

  /** Reads the next page of entries and counts the new ones. Throws the Graph error (e.g. 403 without the logs permission). */
  async read(client: GraphClient, options: CallOptions = {}): Promise<CycleCounts> {
    const since = Number.isFinite(this.newest) ? new Date(this.newest) : undefined;
    const page = await listProvisioningLogs(
      client,
      { jobId: this.jobId, since },
      this.nextLink ? { nextLink: this.nextLink } : { top: pageSize },
      options,
    );
    for (const entry of page.items) this.count(entry);
    this.nextLink = page.nextLink;
    if (!this.nextLink) {
      this.newest = Math.max(this.newest, this.chainNewest);
      this.chainNewest = -Infinity;
    }
    return this.counts;
  }

  private count(entry: ProvisioningObjectSummary): void {
    const at = Date.parse(entry.activityDateTime);
    if (!(at > this.afterMs) || this.counted.has(entry.id)) return;
    this.counted.add(entry.id);
    this.chainNewest = Math.max(this.chainNewest, at);
    const status = entry.provisioningStatusInfo?.status;
    if (status === 'failure') this.counts.failed++;
    else if (status === 'skipped') return;
    else if (entry.provisioningAction === 'create') this.counts.created++;
    else if (entry.provisioningAction === 'update') this.counts.updated++;
  }
}

/** "Cycle running: 10 of 13 objects processed; created 10, updated 0, failed 0". */
export function describeRunningCycle(progress: CycleProgress, counts: CycleCounts | string): string {
  const processed = `Cycle running: ${progress.processed} of ${progress.total} objects processed`;
  return typeof counts === 'string'
    ? `${processed}; ${counts}`
    : `${processed}; created ${counts.created}, updated ${counts.updated}, failed ${counts.failed}`;
}
