// The emulator's time: job cycles, quarantine retries and the provisionOnDemand rate limit all read this clock, so
// that tests can move time forward instead of sleeping. 'real' follows the wall clock (timers fire by themselves);
// 'manual' stands still until advanced. Both can be advanced: advancing runs every timer that falls due, in order,
// each at its own due time.

export type ClockMode = 'real' | 'manual';

interface Timer {
  at: number;
  seq: number;
  run: () => void;
}

/** Graph's timestamps carry 7 fractional digits (.NET ticks): `2025-01-15T06:00:41.1230000Z`. */
export const graphTime = (ms: number) => new Date(ms).toISOString().replace(/Z$/, '0000Z');

export class EmulatorClock {
  private offset = 0;
  private readonly frozenAt: number;
  private timers: Timer[] = [];
  private seq = 0;
  private handle?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    readonly mode: ClockMode = 'real',
    start = Date.now(),
  ) {
    this.frozenAt = start;
  }

  /** Milliseconds since the epoch, emulator time. */
  now(): number {
    return (this.mode === 'manual' ? this.frozenAt : Date.now()) + this.offset;
  }

  /** Runs `run` once the clock reaches `at`; returns a function that cancels it. */
  schedule(at: number, run: () => void): () => void {
    const timer: Timer = { at, seq: this.seq++, run };
    this.timers.push(timer);
    this.arm();
    return () => {
      this.timers = this.timers.filter((candidate) => candidate !== timer);
      this.arm();
    };
  }

  /** Moves time forward, running every timer that falls due on the way; returns how many ran. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError('The clock only moves forward: give a non-negative number of milliseconds.');
    const target = this.now() + ms;
    let ran = 0;
    for (let next = this.earliest(); next && next.at <= target; next = this.earliest()) {
      // Each timer runs at its own due time, so that what it schedules is relative to that time.
      this.offset += Math.max(0, next.at - this.now());
      this.timers = this.timers.filter((timer) => timer !== next);
      next.run();
      ran++;
    }
    this.offset += Math.max(0, target - this.now());
    this.arm();
    return ran;
  }

  /** Back to the start time (manual) or the wall clock (real), with no timers. */
  reset(): void {
    this.offset = 0;
    this.timers = [];
    this.arm();
  }

  /** No more timers fire (the emulator is closing). */
  stop(): void {
    this.stopped = true;
    this.timers = [];
    clearTimeout(this.handle);
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.timers)
      if (!best || timer.at < best.at || (timer.at === best.at && timer.seq < best.seq)) best = timer;
    return best;
  }

  /** Real mode: one Node timer for the earliest due timer. */
  private arm(): void {
    clearTimeout(this.handle);
    this.handle = undefined;
    const next = this.earliest();
    if (this.mode !== 'real' || this.stopped || !next) return;
    // Node's timers overflow past ~24.8 days; a far timer re-arms when this one fires.
    const wait = Math.min(Math.max(0, next.at - this.now()), 2 ** 31 - 1);
    this.handle = setTimeout(() => this.advance(0), wait);
    this.handle.unref();
  }
}
