import assert from 'node:assert/strict';
import { jobInState, type GeneratedJobState } from '../../../src/emulator/jobStates';
import { assessJobHealth } from '../../../src/health/jobHealth';
import type { SynchronizationJob } from '../../../src/graph/types';

const now = Date.parse('2026-03-10T12:00:00Z');
const job = (state: GeneratedJobState, variant = 0, templateId = 'scim') =>
  jobInState({ state, templateId, id: `${templateId}.x`, now, variant }) as unknown as SynchronizationJob;
const flags = (j: SynchronizationJob, at = now) => assessJobHealth(j, new Date(at)).findings.map((f) => f.flag);

describe('job health', () => {
  it('counts the days a quarantine has left before Entra disables the job at 4 weeks', () => {
    const quarantined = job('quarantine', 9); // 10 days in quarantine
    const health = assessJobHealth(quarantined, new Date(now));
    assert.equal(health.severity, 'error');
    assert.equal(health.findings[0].flag, 'quarantine');
    assert.equal(health.quarantine?.daysInQuarantine, 10);
    assert.equal(health.quarantine?.daysUntilDisabled, 18);
    assert.equal(health.quarantine?.since, new Date(now - 10 * 86_400_000).toISOString());
    assert.match(health.findings[0].message, /in 18 days/);
    assert.match(health.findings[0].action, /QuarantineState/);
    const later = assessJobHealth(quarantined, new Date(now + 20 * 86_400_000));
    assert.equal(later.quarantine?.daysUntilDisabled, -2);
    assert.match(later.findings[0].message, /may have disabled it already/);
  });

  it('flags failing jobs by successive failures, a failed last run or pruned escrows', () => {
    assert.deepEqual(flags(job('failing', 1)), ['failing']);
    const pruned = job('healthy');
    pruned.status.escrowsPruned = true;
    const health = assessJobHealth(pruned, new Date(now));
    assert.deepEqual(
      health.findings.map((f) => f.flag),
      ['failing'],
    );
    assert.match(health.findings[0].message, /escrows were pruned/);
    assert.deepEqual(flags(job('entryErrors')), ['entryErrors']);
  });

  it('calls a running job stale when steady state was last reached over a week ago, or never in 3 days', () => {
    assert.deepEqual(flags(job('stale', 0)), ['stale']); // 10 days
    const fresh = job('healthy');
    assert.deepEqual(flags(fresh), []);
    assert.deepEqual(flags(fresh, now + 8 * 86_400_000), ['stale']);
    const initial = job('healthy');
    initial.status.steadyStateFirstAchievedTime = '0001-01-01T00:00:00Z';
    initial.status.steadyStateLastAchievedTime = '0001-01-01T00:00:00Z';
    assert.deepEqual(flags(initial, now + 2 * 86_400_000), []);
    assert.deepEqual(flags(initial, now + 4 * 86_400_000), ['stale']);
  });

  it('notes never started, paused, disabled and legacy customappsso jobs, worst first', () => {
    assert.deepEqual(flags(job('neverStarted')), ['neverStarted']);
    assert.deepEqual(flags(job('paused')), ['paused']);
    assert.deepEqual(flags(job('disabled')), ['disabled']);
    assert.deepEqual(flags(job('healthy', 0, 'customappsso')), ['legacyTemplate']);
    assert.deepEqual(flags(job('quarantine', 3, 'customappsso')), ['quarantine', 'failing', 'legacyTemplate']);
    assert.equal(assessJobHealth(job('healthy'), new Date(now)).severity, 'ok');
    assert.equal(assessJobHealth(job('paused'), new Date(now)).severity, 'note');
  });
});
