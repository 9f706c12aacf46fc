// The counts of a job's running cycle for its view: created, updated and failed so far, from the provisioning logs
// (src/logs/runningCycle.ts says why there), and once more when the cycle ends. A view's own refresh never prompts
// for the logs permission: without it the view says what is missing instead of the counts.
import { GraphRequestError } from '../../graph/errors';
import { needsLogPermission, provisioningLogPermissions } from '../../graph/provisioningLogs';
import type { SynchronizationJob } from '../../graph/types';
import { RunningCycleTally, runningProgress, type CycleCounts } from '../../logs/runningCycle';
import type { JobViewInput } from '../../views/jobView';
import type { ConnectionManager } from '../connection';

/** Pages read when a cycle ends, to count what the running reads had not reached (one page each while it runs). */
const finalPages = 4;

export class CycleCounter {
  private tally?: RunningCycleTally;
  /** lastExecution.timeEnded when the counted cycle was seen running: a new value means it ended. */
  private after?: string | null;
  private counts?: CycleCounts | string;
  private finished = false;

  constructor(private readonly connection: ConnectionManager) {}

  /** What the view shows; undefined until the view has seen a cycle running. */
  get shown(): JobViewInput['cycleCounts'] {
    return this.counts === undefined ? undefined : { counts: this.counts, finished: this.finished };
  }

  /** After the job was read: counts its running cycle's new log entries, or the last ones of a cycle that ended. */
  async update(job: SynchronizationJob | undefined): Promise<void> {
    if (!job) return;
    const after = job.status?.lastExecution?.timeEnded ?? null;
    if (runningProgress(job.status)) {
      if (!this.tally || this.after !== after) {
        this.tally = new RunningCycleTally(job.id, after);
        this.after = after;
        this.finished = false;
        this.counts = undefined;
      }
    } else if (!this.tally || this.finished || this.after === after) return;
    else this.finished = true;
    const tally = this.tally;
    try {
      const client = await this.connection.clientWithPermissions([provisioningLogPermissions[0]], { prompt: false });
      const options = { version: this.connection.apiVersion };
      this.counts = { ...(await tally.read(client, options)) };
      for (let page = 1; this.finished && !tally.complete && page < finalPages; page++)
        this.counts = { ...(await tally.read(client, options)) };
    } catch (error) {
      if (error instanceof GraphRequestError && error.kind === 'cancelled') throw error;
      this.counts = needsLogPermission(error)
        ? `created, updated and failed need ${provisioningLogPermissions.join(' or ')}: open the provisioning logs once to grant it`
        : `created, updated and failed not read (${error instanceof GraphRequestError ? `${error.status ?? error.kind}` : 'no token for the logs'})`;
    }
  }
}
