import assert from 'node:assert/strict';
import { jobInState } from '../../../src/emulator/jobStates';
import type { SynchronizationJob } from '../../../src/graph/types';
import { describeJobView, relativeTime, troubleshootingUrl } from '../../../src/views/jobView';
import { describeOnDemand } from '../../../src/views/onDemandView';

const now = Date.parse('2026-12-01T12:00:00Z');
const servicePrincipal = { id: 'sp-1', displayName: 'SCIM app' };
const jobIn = (state: Parameters<typeof jobInState>[0]['state'], variant = 0) =>
  jobInState({ state, templateId: 'scim', id: 'scim.1.2', now, variant }) as unknown as SynchronizationJob;
const view = (job: SynchronizationJob | undefined) =>
  describeJobView({ servicePrincipal, jobId: 'scim.1.2', job, now: new Date(now) });
const section = (model: ReturnType<typeof view>, label: string) =>
  Object.fromEntries(
    model.sections.find((part) => part.label === label)?.rows.map((row) => [row.label, row.value]) ?? [],
  );

describe('The job view model', () => {
  it('states a quarantine: reason, since, next attempt and the days until Entra disables the job', () => {
    const job = jobIn('quarantine');
    const model = view(job);
    assert.equal(model.state, 'Quarantine');
    assert.equal(model.headline.kind, 'error');
    const quarantine = section(model, 'Quarantine');
    assert.equal(quarantine.Reason, job.status.quarantine!.reason);
    assert.match(quarantine['Next attempt'], / UTC \((in|.* ago)/);
    const since = Date.parse(job.status.quarantine!.seriesBegan);
    const daysLeft = Math.floor((since + 28 * 86_400_000 - now) / 86_400_000);
    assert.match(quarantine['Disabled by Entra'], new RegExp(`\\(${daysLeft} days left\\)$`));
    assert.match(model.headline.text, new RegExp(`in ${daysLeft} days`));
    assert.ok(model.actions.includes('start'), 'Start lifts a quarantine');
  });

  it('offers no Start on an active job, and shows its executions, counts and steady state', () => {
    const model = view(jobIn('healthy'));
    assert.equal(model.state, 'Active');
    assert.ok(!model.actions.includes('start'));
    assert.ok(model.actions.includes('pause'));
    assert.equal(section(model, 'Last execution').Result, 'Succeeded');
    assert.match(section(model, 'Last execution').Counts, /^imported \d+, exported \d+/);
    assert.notEqual(section(model, 'Steady state')['Last reached'], 'never');
    assert.ok(model.sections.some((part) => part.label === 'Synchronized entries'));
  });

  it('says a deleted job is gone and offers nothing', () => {
    const model = view(undefined);
    assert.equal(model.state, 'Deleted');
    assert.deepEqual(model.actions, []);
    assert.deepEqual(model.sections, []);
  });

  it('offers only https troubleshooting links; other text stays text', () => {
    assert.equal(troubleshootingUrl('https://learn.microsoft.com/x'), 'https://learn.microsoft.com/x');
    assert.equal(troubleshootingUrl('javascript:alert(1)'), undefined);
    assert.equal(troubleshootingUrl('[click](http://evil.example)'), undefined);
    const job = jobIn('healthy');
    job.status.troubleshootingUrl = 'http://evil.example/';
    const model = view(job);
    assert.equal(model.troubleshootingUrl, undefined);
    assert.ok(!model.actions.includes('openTroubleshooting'));
    assert.equal(section(model, 'Troubleshooting')['Link (not https, not opened)'], 'http://evil.example/');
  });

  it('offers the SCIM traffic only when connected to the emulator, the one place that exposes it', () => {
    const job = jobIn('healthy');
    assert.ok(!view(job).actions.includes('showScimTraffic'));
    const onEmulator = describeJobView({
      servicePrincipal,
      jobId: 'scim.1.2',
      job,
      emulator: true,
      now: new Date(now),
    });
    assert.ok(onEmulator.actions.includes('showScimTraffic'));
  });

  it('says times relative to now', () => {
    assert.equal(relativeTime(new Date(now + 3 * 86_400_000), new Date(now)), 'in 3 days');
    assert.equal(relativeTime(new Date(now - 90_000), new Date(now)), '1 minute ago');
  });

  it("lists provision on demand's steps with their details", () => {
    const shown = describeOnDemand('User Adele Vance', {
      ok: true,
      raw: '{}',
      result: {
        status: 'Success',
        action: 'Create',
        steps: [
          {
            name: 'EntryImport',
            type: 'Import',
            status: 'Success',
            description: 'Retrieved the user',
            details: { objectId: 'u-1' },
          },
        ],
      },
    });
    assert.equal(shown.status, 'Success');
    assert.deepEqual(shown.steps[0].details, [{ label: 'objectId', value: 'u-1' }]);
    assert.equal(describeOnDemand('x', { ok: false, problem: 'not JSON', raw: '' }).summary, 'not JSON');
  });
});
