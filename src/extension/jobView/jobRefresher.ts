// One timer per job view: reads the job again while the view is visible, less often while nothing changes
// (backoff), never sooner than Graph's Retry-After, and not at all while the view is hidden. While a cycle runs it
// reads every 10 s without backing off: each read is a GET of the job and one page of provisioning logs, and the
// logs (identity and access reports) allow 5 requests per 10 s per app and tenant (Graph throttling limits), so the
// view takes one of them and leaves the rest to the logs view; a real cycle's progress moves in seconds to minutes.

export interface RefreshOutcome {
  changed: boolean;
  retryAfterSeconds?: number;
  /** A cycle is running: read again at the steady running pace. */
  running?: boolean;
}

export const refreshDelays = { firstMs: 10_000, maxMs: 160_000, runningMs: 10_000 } as const;

/** The timer functions, replaceable so that a test runs the refresher on its own clock. */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class JobRefresher {
  private timer: unknown;
  private delayMs: number = refreshDelays.firstMs;
  private running = false;

  constructor(
    private readonly read: () => Promise<RefreshOutcome>,
    private readonly wanted: () => boolean,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Starts the timer when it is wanted and not already running; a change the user made starts it from the beginning. */
  schedule(reset = false): void {
    if (reset) {
      this.delayMs = refreshDelays.firstMs;
      this.stop();
    }
    if (this.timer !== undefined || this.running || !this.wanted()) return;
    this.timer = this.timers.set(() => void this.tick(), this.delayMs);
  }

  stop(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    this.running = true;
    try {
      const outcome = await this.read();
      this.delayMs = outcome.running
        ? refreshDelays.runningMs
        : outcome.changed
          ? refreshDelays.firstMs
          : Math.min(this.delayMs * 2, refreshDelays.maxMs);
      if (outcome.retryAfterSeconds !== undefined)
        this.delayMs = Math.max(this.delayMs, outcome.retryAfterSeconds * 1000);
    } catch {
      this.delayMs = Math.min(this.delayMs * 2, refreshDelays.maxMs);
    } finally {
      this.running = false;
    }
    this.schedule();
  }
}
