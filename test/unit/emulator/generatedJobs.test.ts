import assert from 'node:assert/strict';
import { generatedState } from '../../../src/emulator/generator';
import { TenantStore } from '../../../src/emulator/tenantStore';
import { assessJobHealth } from '../../../src/health/jobHealth';
import type { SynchronizationJob } from '../../../src/graph/types';

const jobsOf = (store: TenantStore) =>
  store.servicePrincipals.flatMap((sp) => store.jobsOf(sp.id)) as unknown as SynchronizationJob[];

describe('emulator: generated jobs in varied states', () => {
  it('gives about half of the template service principals a job, in the mix a real tenant shows', () => {
    const now = Date.parse('2026-06-01T12:00:00Z');
    const store = new TenantStore('t', 5000);
    store.reset(now);
    const jobs = jobsOf(store);
    assert.ok(jobs.length > 1000 && jobs.length < 1500, `${jobs.length} jobs`);
    const flags = new Map<string, number>();
    for (const job of jobs)
      for (const finding of assessJobHealth(job, new Date(now)).findings)
        flags.set(finding.flag, (flags.get(finding.flag) ?? 0) + 1);
    for (const flag of [
      'quarantine',
      'failing',
      'entryErrors',
      'stale',
      'paused',
      'neverStarted',
      'disabled',
      'legacyTemplate',
    ]) {
      assert.ok((flags.get(flag) ?? 0) >= 5, `${flag}: ${flags.get(flag) ?? 0}`);
    }
    const healthy = jobs.filter((job) => assessJobHealth(job, new Date(now)).severity === 'ok').length;
    assert.ok(healthy > jobs.length / 2, `${healthy} healthy of ${jobs.length}`);
  });

  it('is the same for the same seed and time, different for another seed', () => {
    const at = Date.parse('2026-06-01T12:00:00Z');
    const a = new TenantStore('t', 500, 7);
    const b = new TenantStore('t', 500, 7);
    a.reset(at);
    b.reset(at);
    assert.deepEqual(jobsOf(a), jobsOf(b));
    const states = (seed: number) => Array.from({ length: 200 }, (_, i) => generatedState(seed, i + 1)).join();
    assert.notEqual(states(7), states(8));
  });

  it('dates generated quarantines from 1 to 35 days before the tenant clock, some past the 4-week limit', () => {
    const now = Date.parse('2026-06-01T12:00:00Z');
    const store = new TenantStore('t', 5000);
    store.reset(now);
    const clocks = jobsOf(store)
      .filter((job) => job.templateId === 'scim') // the sample tenant's own quarantined job dates from 2025
      .map((job) => assessJobHealth(job, new Date(now)).quarantine)
      .filter((clock) => clock !== undefined);
    assert.ok(clocks.every((clock) => clock.daysInQuarantine >= 1 && clock.daysInQuarantine <= 35));
    assert.ok(clocks.some((clock) => clock.daysUntilDisabled <= 0));
    assert.ok(clocks.some((clock) => clock.daysUntilDisabled > 14));
  });
});
