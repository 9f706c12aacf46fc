import assert from 'node:assert/strict';
import {
  JobRefresher,
  refreshDelays,
  type RefreshOutcome,
  type Timers,
} from '../../../src/extension/jobView/jobRefresher';

/** Timers that run only when the test says so, and remember the delays asked for. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  const delays: number[] = [];
  let next = 0;
  const timers: Timers = {
    set(run, ms) {
      delays.push(ms);
      pending.set(++next, run);
      return next;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  /** Runs the one pending timer and waits for the read it starts. */
  async function fire(): Promise<void> {
    assert.equal(pending.size, 1, 'exactly one timer is pending');
    const [[handle, run]] = [...pending];
    pending.delete(handle);
    run();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { timers, delays, pending, fire };
}

/** A visible view's refresher that reads `outcomes` in turn, each read fired by the manual clock; the reads made. */
async function readEach(outcomes: RefreshOutcome[], clock: ReturnType<typeof manualTimers>): Promise<number> {
  let reads = 0;
  new JobRefresher(
    async () => outcomes[reads++],
    () => true,
    clock.timers,
  ).schedule();
  for (let index = 0; index < outcomes.length; index++) await clock.fire();
  return reads;
}

describe('The job view refresher', () => {
  it('backs off while nothing changes, starts over on a change, and never reads before Retry-After', async () => {
    const clock = manualTimers();
    const outcomes: RefreshOutcome[] = [
      { changed: false },
      { changed: false },
      { changed: true },
      { changed: false, retryAfterSeconds: 120 },
    ];
    const reads = await readEach(outcomes, clock);
    assert.equal(reads, 4);
    const first = refreshDelays.firstMs;
    assert.deepEqual(clock.delays, [first, first * 2, first * 4, first, 120_000]);
  });

  it('reads at the running pace while a cycle runs, whether or not its progress moved, then backs off again', async () => {
    const clock = manualTimers();
    const outcomes: RefreshOutcome[] = [
      { changed: true, running: true },
      { changed: false, running: true },
      { changed: false, running: true, retryAfterSeconds: 30 },
      { changed: true, running: false },
      { changed: false },
    ];
    await readEach(outcomes, clock);
    const { firstMs, runningMs } = refreshDelays;
    assert.deepEqual(clock.delays, [firstMs, runningMs, runningMs, 30_000, firstMs, firstMs * 2]);
  });

  it('keeps one timer, and stops when the view is hidden', async () => {
    const clock = manualTimers();
    let visible = true;
    let reads = 0;
    const refresher = new JobRefresher(
      async () => {
        reads++;
        return { changed: false };
      },
      () => visible,
      clock.timers,
    );
    refresher.schedule();
    refresher.schedule();
    assert.equal(clock.pending.size, 1, 'a second schedule adds no timer');
    visible = false;
    refresher.stop();
    assert.equal(clock.pending.size, 0);
    refresher.schedule();
    assert.equal(clock.pending.size, 0, 'nothing is scheduled while hidden');
    assert.equal(reads, 0);
  });
});
