// A real cycle as it runs (issue 13, "the job view shows the cycle as it runs"): the job's progress and the cycle's
// provisioning log entries appear per object while the engine works, and the view's counts come from those entries.
// The cycle is held mid-way deterministically: the SCIM server answers the first PATCH (the first group's members,
// after every user) with 429 Retry-After, and the engine waits for it on the emulator's manual clock.
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { seedJobs } from '../../../src/emulator/sampleTenant';
import { sampleUsers } from '../../../src/emulator/sampleDirectory';
import { getJob } from '../../../src/graph/synchronization';
import { RunningCycleTally, runningProgress } from '../../../src/logs/runningCycle';
import { sampleClient } from '../graph/sampleClient';

const seeded = seedJobs.find((job) => job.templateId === 'SfOutDelta')!;
const inScope = sampleUsers.filter((user) => user.department !== null);

describe('emulator: a real cycle shows its progress and log entries while it runs', function () {
  this.timeout(90_000);
  let emulator: RunningEmulator;
  before(async () => (emulator = await startEmulator({ clock: 'manual', scimServer: true })));
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  const readJob = async (): Promise<any> =>
    JSON.parse((await getJob(sampleClient(emulator), seeded.servicePrincipalId, seeded.id)).text);

  it('updates status.progress per object, serves the entries so far, and completes both when the cycle ends', async () => {
    const client = sampleClient(emulator);
    const before = await readJob();
    assert.equal(runningProgress(before.status), undefined, 'no cycle runs yet');
    const tally = new RunningCycleTally(seeded.id, before.status.lastExecution?.timeEnded);
    await tally.read(client);
    assert.deepEqual(tally.counts, { created: 0, updated: 0, failed: 0 }, 'the seeded runs are not counted');

    emulator.scim!.faults.add({ status: 429, retryAfter: 60, method: 'PATCH' });
    const throttled = emulator.cycles.nextThrottle(seeded.id);
    const done = emulator.cycles.next(seeded.id);
    emulator.clock.advance(emulator.clock.cycleSeconds * 1000);
    await throttled;

    const running = await readJob();
    const progress = runningProgress(running.status);
    assert.ok(progress, 'the job shows a running cycle');
    assert.ok(progress.processed >= sampleUsers.length, 'every user is processed before the first group PATCH');
    assert.ok(progress.processed < progress.total);
    assert.equal(running.status.progress[0].units, 'Objects');
    assert.equal(running.status.lastExecution.timeEnded, before.status.lastExecution.timeEnded, 'not ended yet');
    await tally.read(client);
    assert.deepEqual(tally.counts, { created: inScope.length, updated: 0, failed: 0 });
    assert.equal(emulator.scim!.users().length, inScope.length);

    emulator.clock.advance(60_000);
    const report = await done;
    assert.equal(report.state, 'Succeeded');
    const ended = await readJob();
    assert.equal(runningProgress(ended.status), undefined, 'the progress is complete');
    assert.deepEqual(
      [ended.status.progress[0].completedUnits, ended.status.progress[0].totalUnits],
      [progress.total, progress.total],
    );
    await tally.read(client);
    // The groups with members were created (and their members added) after the wait.
    const groups = emulator.scim!.groups().length;
    assert.deepEqual(tally.counts, { created: inScope.length + groups, updated: 0, failed: 0 });
    assert.equal(ended.status.lastExecution.countExported, inScope.length + groups);

    // The next cycle's entries come after this one ended: a tally from its lastExecution counts none of this one's.
    const next = new RunningCycleTally(seeded.id, ended.status.lastExecution.timeEnded);
    await next.read(client);
    assert.deepEqual(next.counts, { created: 0, updated: 0, failed: 0 });
  });

  it('counts a failed entry of the running cycle as failed', async () => {
    const before = await readJob();
    emulator.scim!.faults.add({ status: 500, method: 'POST' });
    emulator.scim!.faults.add({ status: 429, retryAfter: 60, method: 'PATCH' });
    const throttled = emulator.cycles.nextThrottle(seeded.id);
    const done = emulator.cycles.next(seeded.id);
    emulator.clock.advance(emulator.clock.cycleSeconds * 1000);
    await throttled;
    const tally = new RunningCycleTally(seeded.id, before.status.lastExecution?.timeEnded);
    await tally.read(sampleClient(emulator));
    assert.deepEqual(tally.counts, { created: inScope.length - 1, updated: 0, failed: 1 });
    emulator.clock.advance(60_000);
    await done;
  });
});
