// One timer per job view: reads the job again while the view is visible, less often while nothing changes
// (backoff), never sooner than Graph's Retry-After, and not at all while the view is hidden.

export interface RefreshOutcome {
  changed: boolean;
  retryAfterSeconds?: number;
}

export const refreshDelays = { firstMs: 10_000, maxMs: 160_000 } as const;

export class JobRefresher {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private delayMs: number = refreshDelays.firstMs;
  private running = false;

  constructor(
    private readonly read: () => Promise<RefreshOutcome>,
    private readonly wanted: () => boolean,
  ) {}

  /** Starts the timer when it is wanted and not already running; a change the user made starts it from the beginning. */
  schedule(reset = false): void {
    if (reset) {
      this.delayMs = refreshDelays.firstMs;
      this.stop();
    }
    if (this.timer || this.running || !this.wanted()) return;
    this.timer = setTimeout(() => void this.tick(), this.delayMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    this.running = true;
    try {
      const outcome = await this.read();
      this.delayMs = outcome.changed ? refreshDelays.firstMs : Math.min(this.delayMs * 2, refreshDelays.maxMs);
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
