import * as assert from 'node:assert/strict';
import type { SynchronizationJob } from '../../../src/graph/types';
import { EntityStore, type StoreChange } from '../../../src/model/entityStore';

const job = (id: string, state: string, templateId = 'BoxOutDelta') =>
  ({ id, templateId, schedule: { state } }) as unknown as SynchronizationJob;

describe('EntityStore', () => {
  let clock: Date;
  let store: EntityStore;
  let changes: StoreChange[];

  beforeEach(() => {
    clock = new Date('2026-01-01T00:00:00Z');
    store = new EntityStore(() => clock);
    changes = [];
    store.onDidChange((change) => changes.push(change));
  });

  it('keeps a job list whole as Graph listed it, with the time it was read', () => {
    store.putJobs('sp1', [job('a', 'Active'), job('b', 'Disabled')]);
    assert.deepEqual(
      store.jobs('sp1')?.map((read) => read.value.id),
      ['a', 'b'],
    );
    assert.equal(store.job('sp1', 'a')?.readAt, clock);
    clock = new Date('2026-01-01T00:01:00Z');
    store.putJobs('sp1', [job('b', 'Active')]);
    assert.deepEqual(
      store.jobs('sp1')?.map((read) => read.value.id),
      ['b'],
      'a job not listed again is gone',
    );
    assert.equal(store.job('sp1', 'b')?.readAt, clock);
    assert.deepEqual(changes, [
      { entity: 'jobs', servicePrincipalId: 'sp1' },
      { entity: 'jobs', servicePrincipalId: 'sp1' },
    ]);
  });

  it('fires no change for a read that says what the last one said, but keeps its time', () => {
    store.putJobs('sp1', [job('a', 'Active')]);
    clock = new Date('2026-01-01T00:01:00Z');
    store.putJobs('sp1', [job('a', 'Active')]);
    store.putJob('sp1', job('a', 'Active'));
    assert.equal(store.job('sp1', 'a')?.readAt, clock);
    assert.equal(changes.length, 1);
    store.markJobStale('sp1', 'a');
    store.putJob('sp1', job('a', 'Active'));
    assert.equal(changes.length, 3, 'a stale job read again is a change (views drop the mark)');
  });

  it('tells apart never listed and listed empty', () => {
    assert.equal(store.jobs('sp1'), undefined);
    store.putJobs('sp1', []);
    assert.deepEqual(store.jobs('sp1'), []);
  });

  it('puts, marks stale and removes one job, firing one change each', () => {
    store.putJob('sp1', job('a', 'Disabled'));
    store.markJobStale('sp1', 'a');
    assert.equal(store.job('sp1', 'a')?.stale, true);
    store.markJobStale('sp1', 'a');
    store.putJob('sp1', job('a', 'Active'));
    assert.equal(store.job('sp1', 'a')?.stale, false);
    assert.equal((store.job('sp1', 'a')?.value.schedule as { state: string }).state, 'Active');
    store.removeJob('sp1', 'a');
    store.removeJob('sp1', 'a');
    assert.equal(store.job('sp1', 'a'), undefined);
    assert.deepEqual(
      changes.map((change) => (change.entity === 'job' ? `${change.jobId}:${change.removed}` : change.entity)),
      ['a:false', 'a:false', 'a:false', 'a:true'],
      'marking an already stale job and removing a missing one change nothing',
    );
  });

  it('keeps service principals and templates, and forgets everything on clear', () => {
    store.putServicePrincipals([{ id: 'sp1', appId: 'app', displayName: 'Box' } as never]);
    store.putTemplates('sp1', [{ id: 'BoxOutDelta' } as never]);
    store.putJob('sp1', job('a', 'Active'));
    assert.equal(store.servicePrincipal('sp1')?.value.displayName, 'Box');
    assert.equal(store.templates('sp1')?.value.length, 1);
    store.clear();
    assert.equal(store.servicePrincipal('sp1'), undefined);
    assert.equal(store.templates('sp1'), undefined);
    assert.equal(store.jobs('sp1'), undefined);
  });

  it('stops calling a listener once disposed', () => {
    const seen: StoreChange[] = [];
    const subscription = store.onDidChange((change) => seen.push(change));
    subscription.dispose();
    store.putJob('sp1', job('a', 'Active'));
    assert.deepEqual(seen, []);
  });
});
