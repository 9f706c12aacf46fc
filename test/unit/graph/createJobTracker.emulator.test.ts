import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { createJob } from '../../../src/graph/createJob';
import { CreateInFlightError, CreateJobTracker, type CreateJobKey } from '../../../src/graph/createJobTracker';
import { listServicePrincipals } from '../../../src/graph/servicePrincipals';
import { listJobs } from '../../../src/graph/synchronization';
import type { ServicePrincipal } from '../../../src/graph/types';
import { sampleClient } from './sampleClient';

describe('CreateJobTracker: one create per service principal and template (against the emulator)', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let box: ServicePrincipal;
  let key: CreateJobKey;

  before(async () => {
    emulator = await startEmulator();
    [box] = (
      await listServicePrincipals(sampleClient(emulator), {
        search: 'Box',
        onlyFromApplicationTemplates: true,
        pageSize: 5,
      })
    ).items;
    key = { servicePrincipalId: box.id, templateId: 'BoxOutDelta' };
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('sends one POST for two concurrent creates; the second is refused before it calls create', async () => {
    const tracker = new CreateJobTracker();
    const client = sampleClient(emulator);
    let calls = 0;
    const create = () => {
      calls += 1;
      return createJob(client, box.id, 'BoxOutDelta');
    };
    const [first, second] = await Promise.allSettled([tracker.run(key, create), tracker.run(key, create)]);
    assert.equal(first.status === 'fulfilled' && first.value.kind, 'created');
    assert.ok(second.status === 'rejected' && second.reason instanceof CreateInFlightError);
    assert.deepEqual((second as PromiseRejectedResult).reason.key, key);
    assert.equal(calls, 1);
    assert.equal(emulator.requests.count({ route: 'createJob' }), 1);
    assert.equal(tracker.isInFlight(key), false, 'free again once the create ended');
  });

  it('keeps creates for other templates and service principals apart, and frees a key after a failure', async () => {
    const tracker = new CreateJobTracker();
    let release!: () => void;
    const running = tracker.run(key, () => new Promise<void>((resolve) => (release = resolve)));
    assert.equal(tracker.isInFlight(key), true);
    assert.equal(tracker.isInFlight({ ...key, templateId: 'other' }), false);
    assert.equal(tracker.isInFlight({ ...key, servicePrincipalId: 'other' }), false);
    release();
    await running;
    await assert.rejects(
      tracker.run(key, () => Promise.reject(new Error('boom'))),
      /boom/,
    );
    assert.equal(tracker.isInFlight(key), false);
  });

  it('remembers a create that was not visible yet and finds its job once Graph lists it', async () => {
    const tracker = new CreateJobTracker();
    const client = sampleClient(emulator);
    emulator.faults.add({ route: 'createJob', kind: 'gatewayTimeout', when: 'after', times: 1 });
    emulator.faults.add({ route: 'listJobs', kind: 'notFoundAfterCreate', durationMs: 600_000 });
    const outcome = await tracker.run(key, () => createJob(client, box.id, 'BoxOutDelta'));
    assert.equal(outcome.kind, 'notVisibleYet');
    if (outcome.kind !== 'notVisibleYet') return;
    tracker.remember({ key, sentAt: outcome.sentAt, knownJobIds: outcome.knownJobIds });
    assert.deepEqual(tracker.pending(key)?.knownJobIds, outcome.knownJobIds);
    assert.deepEqual(tracker.appearedSince(key, await listJobs(client, box.id)), [], 'still not listed');

    emulator.faults.clear();
    const appeared = tracker.appearedSince(key, await listJobs(client, box.id));
    assert.equal(appeared.length, 1);
    assert.equal(appeared[0].templateId, 'BoxOutDelta');
    assert.equal(emulator.requests.count({ route: 'createJob' }), 1);
    tracker.forget(key);
    assert.equal(tracker.pending(key), undefined);
    assert.deepEqual(
      tracker.appearedSince(key, await listJobs(client, box.id)),
      [],
      'nothing pending, nothing to report',
    );
  });
});
