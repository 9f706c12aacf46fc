import assert from 'node:assert/strict';
import { jobInState, type GeneratedJobState } from '../../../src/emulator/jobStates';
import { assessJobHealth } from '../../../src/health/jobHealth';
import type { ScanRow } from '../../../src/health/scan';
import { flagSummary, ScanResults } from '../../../src/health/scanGroups';
import type { ServicePrincipal, SynchronizationJob } from '../../../src/graph/types';

const now = Date.parse('2026-03-10T12:00:00Z');
const sp = (displayName: string) =>
  ({ id: `id-${displayName}`, appId: `app-${displayName}`, displayName }) as ServicePrincipal;
const row = (
  servicePrincipal: ServicePrincipal,
  state: GeneratedJobState,
  templateId = 'scim',
  variant = 0,
): ScanRow => {
  const job = jobInState({ state, templateId, id: `${templateId}.${servicePrincipal.id}`, now, variant });
  return {
    servicePrincipal,
    job: job as unknown as SynchronizationJob,
    health: assessJobHealth(job as unknown as SynchronizationJob, new Date(now)),
  };
};

describe('scan results as the health view lists them', () => {
  it('puts the worst service principal first, whatever order the batches came in, and its worst job first', () => {
    const results = new ScanResults();
    const [a, b, c] = [sp('Alpha'), sp('Beta'), sp('Gamma')];
    results.add([row(a, 'healthy'), row(b, 'neverStarted')]);
    results.add([row(c, 'healthy', 'scim'), row(c, 'quarantine', 'Slack', 9)]);
    const groups = results.groups();
    assert.deepEqual(
      groups.map((g) => g.servicePrincipal.displayName),
      ['Gamma', 'Beta', 'Alpha'],
    );
    assert.equal(groups[0].severity, 'error');
    assert.equal(groups[0].rows[0].job.templateId, 'Slack');
    assert.deepEqual(results.counts(), { error: 1, warning: 0, note: 1, ok: 2 });
  });

  it('summarises a quarantine with its reason, since when and the days left', () => {
    const quarantined = row(sp('Slack'), 'quarantine', 'Slack', 9);
    const summary = flagSummary(quarantined.health);
    assert.match(summary, /^quarantine \(.+\) since \d{4}-\d{2}-\d{2}, 18 days until disabled/);
    assert.equal(flagSummary(row(sp('Ok'), 'healthy').health), 'OK');
  });
});

describe('scan results after a scanned job changes elsewhere', () => {
  it('moves a job whose quarantine was lifted down, and drops a deleted one', () => {
    const results = new ScanResults();
    const [slack, box] = [sp('Slack'), sp('Box')];
    const quarantined = row(slack, 'quarantine', 'Slack', 9);
    results.add([quarantined, row(box, 'neverStarted', 'Box')]);
    assert.equal(results.groups()[0].servicePrincipal.displayName, 'Slack');
    results.update(slack.id, quarantined.job.id, {
      ...row(slack, 'healthy', 'Slack'),
      job: { ...quarantined.job, ...row(slack, 'healthy', 'Slack').job, id: quarantined.job.id },
    });
    assert.deepEqual(
      results.groups().map((g) => g.servicePrincipal.displayName),
      ['Box', 'Slack'],
    );
    results.update(slack.id, quarantined.job.id, undefined);
    assert.deepEqual(
      results.groups().map((g) => g.servicePrincipal.displayName),
      ['Box'],
    );
  });
});
