import assert from 'node:assert/strict';
import { startEmulator, type FaultRule, type RunningEmulator } from '../../../src/emulator';
import { createJob, type CreateJobOutcome } from '../../../src/graph/createJob';
import { listServicePrincipals } from '../../../src/graph/servicePrincipals';
import { listJobs } from '../../../src/graph/synchronization';
import type { ServicePrincipal } from '../../../src/graph/types';
import { sampleClient } from './sampleClient';

describe('Graph layer: creating a job under injected faults (against the emulator)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let box: ServicePrincipal;
  const jobsFromTemplate = async () =>
    (await listJobs(sampleClient(emulator), box.id)).filter((job) => job.templateId === 'BoxOutDelta');

  before(async () => {
    emulator = await startEmulator();
    [box] = (
      await listServicePrincipals(sampleClient(emulator), {
        search: 'Box',
        onlyFromApplicationTemplates: true,
        pageSize: 5,
      })
    ).items;
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('is never retried: one POST even when Graph is throttling', async () => {
    emulator.faults.add({ route: 'createJob', kind: 'throttle', retryAfterSeconds: 0.1 });
    const outcome = await createJob(sampleClient(emulator), box.id, 'BoxOutDelta');
    assert.equal(outcome.kind, 'notVisibleYet', 'a 429 is read back, not taken as a refusal');
    assert.equal(emulator.requests.count({ route: 'createJob' }), 1);
  });

  // What each failure leaves behind, and what the outcome must say about it.
  const faults: { rule: FaultRule; expect: CreateJobOutcome['kind']; jobs: number }[] = [
    { rule: { route: 'createJob', kind: 'unavailable', when: 'before' }, expect: 'notVisibleYet', jobs: 0 },
    { rule: { route: 'createJob', kind: 'unavailable', when: 'after' }, expect: 'createdDespiteError', jobs: 1 },
    { rule: { route: 'createJob', kind: 'gatewayTimeout', when: 'before' }, expect: 'notVisibleYet', jobs: 0 },
    { rule: { route: 'createJob', kind: 'gatewayTimeout', when: 'after' }, expect: 'createdDespiteError', jobs: 1 },
    { rule: { route: 'createJob', kind: 'reset', when: 'before' }, expect: 'notVisibleYet', jobs: 0 },
    { rule: { route: 'createJob', kind: 'reset', when: 'after' }, expect: 'createdDespiteError', jobs: 1 },
    { rule: { route: 'createJob', kind: 'hang', when: 'before' }, expect: 'notVisibleYet', jobs: 0 },
    { rule: { route: 'createJob', kind: 'hang', when: 'after' }, expect: 'createdDespiteError', jobs: 1 },
    { rule: { route: 'createJob', kind: 'throttle', when: 'before' }, expect: 'notVisibleYet', jobs: 0 },
    { rule: { route: 'createJob', kind: 'throttle', when: 'after' }, expect: 'createdDespiteError', jobs: 1 },
    { rule: { route: 'createJob', kind: 'malformedJson' }, expect: 'created', jobs: 1 },
    { rule: { route: 'createJob', kind: 'latency', latencyMs: 200 }, expect: 'created', jobs: 1 },
    { rule: { route: 'createJob', kind: 'expireTokens' }, expect: 'notCreated', jobs: 0 },
  ];
  for (const { rule, expect, jobs } of faults) {
    it(`says ${expect} after ${rule.kind}${rule.when ? ` (${rule.when})` : ''}, and creates at most one job`, async () => {
      const before = (await jobsFromTemplate()).length;
      emulator.faults.add({ ...rule, times: 1 });
      const outcome = await createJob(sampleClient(emulator, { timeoutMs: 1000 }), box.id, 'BoxOutDelta');
      assert.equal(outcome.kind, expect);
      assert.equal((await jobsFromTemplate()).length - before, jobs, 'what the outcome says is what happened');
      assert.equal(emulator.requests.count({ route: 'createJob' }), 1, 'exactly one POST');
    });
  }

  it('says notVisibleYet, not notCreated, when a slow create times out: Graph may still be making the job', async () => {
    // The create takes far longer than the client waits (the emulator holds it; the timer does not outlive close()).
    emulator.faults.add({ route: 'createJob', kind: 'latency', latencyMs: 600_000, times: 1 });
    const knownBefore = (await listJobs(sampleClient(emulator), box.id)).map((job) => job.id);
    const outcome = await createJob(sampleClient(emulator, { timeoutMs: 500 }), box.id, 'BoxOutDelta');
    assert.equal(outcome.kind, 'notVisibleYet');
    if (outcome.kind !== 'notVisibleYet') return;
    assert.equal(outcome.error.kind, 'timeout');
    assert.deepEqual(outcome.knownJobIds.sort(), knownBefore.sort());
    const sent = emulator.requests.entries().find((entry) => entry.route === 'createJob')!;
    assert.ok(
      outcome.sentAt.getTime() <= Date.parse(sent.at),
      'sentAt is when the request left, before the emulator got it',
    );
    assert.equal(emulator.requests.count({ route: 'createJob' }), 1);
  });

  it('says notVisibleYet when the job is made but not listed yet, and the job shows up afterwards', async () => {
    emulator.faults.add({ route: 'createJob', kind: 'gatewayTimeout', when: 'after', times: 1 });
    emulator.faults.add({ route: 'listJobs', kind: 'notFoundAfterCreate', durationMs: 600_000 });
    const outcome = await createJob(sampleClient(emulator), box.id, 'BoxOutDelta');
    assert.equal(outcome.kind, 'notVisibleYet');
    emulator.faults.clear();
    const appeared = (await jobsFromTemplate()).filter(
      (job) => outcome.kind === 'notVisibleYet' && !outcome.knownJobIds.includes(job.id),
    );
    assert.equal(appeared.length, 1, 'the job the outcome did not rule out');
  });

  it('compares with a list read just before the POST, so a job made meanwhile is not claimed', async () => {
    const client = sampleClient(emulator);
    // Someone else creates a job from the same template while this user reads a confirmation dialog.
    await createJob(client, box.id, 'BoxOutDelta');
    emulator.faults.add({ route: 'createJob', kind: 'unavailable', when: 'before', times: 1 });
    const outcome = await createJob(client, box.id, 'BoxOutDelta');
    assert.equal(outcome.kind, 'notVisibleYet', "the other user's job is not claimed as this one");
  });

  it('says so when several new jobs from the template appear, rather than claiming one', async () => {
    const client = sampleClient(emulator);
    emulator.faults.add({ route: 'createJob', kind: 'hang', when: 'after', times: 1 });
    const abort = new AbortController();
    const creating = createJob(client, box.id, 'BoxOutDelta', { signal: abort.signal });
    await emulator.requests.waitFor({ route: 'createJob' }, 'applied');
    // Someone else's create lands before the list is read back.
    await createJob(client, box.id, 'BoxOutDelta');
    abort.abort();
    const outcome = await creating;
    assert.equal(outcome.kind, 'severalNewJobs');
    if (outcome.kind === 'severalNewJobs') assert.equal(outcome.jobs.length, 2);
  });

  it('says unknown when the job list cannot be read after an ambiguous failure', async () => {
    emulator.faults.add({ route: 'createJob', kind: 'unavailable', when: 'after', times: 1 });
    // The read before the POST succeeds; every read after it fails.
    void emulator.requests
      .waitFor({ route: 'createJob' })
      .then(() => emulator.faults.add({ route: 'listJobs', kind: 'unavailable', retryAfterSeconds: 0 }));
    const outcome = await createJob(sampleClient(emulator), box.id, 'BoxOutDelta');
    assert.equal(outcome.kind, 'unknown');
    assert.equal(emulator.requests.count({ route: 'createJob' }), 1);
  });

  it('finds the job when the user cancels after the request was sent', async () => {
    emulator.faults.add({ route: 'createJob', kind: 'hang', when: 'after', times: 1 });
    const abort = new AbortController();
    // Cancel once the emulator has applied the request: no guess about how long the POST takes to arrive.
    void emulator.requests.waitFor({ route: 'createJob' }, 'applied').then(() => abort.abort());
    const outcome = await createJob(sampleClient(emulator), box.id, 'BoxOutDelta', { signal: abort.signal });
    assert.equal(outcome.kind, 'createdDespiteError');
    if (outcome.kind === 'createdDespiteError') assert.equal(outcome.error.kind, 'cancelled');
  });
});
