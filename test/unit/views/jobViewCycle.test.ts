// The job view's running cycle and provision on demand's SCIM exchanges, from what the emulator really answers.
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { jobInState } from '../../../src/emulator/jobStates';
import { sampleUsers } from '../../../src/emulator/sampleDirectory';
import { sampleTenant, seedJobs } from '../../../src/emulator/sampleTenant';
import { provisionOnDemand } from '../../../src/graph/provisionOnDemand';
import type { SynchronizationJob } from '../../../src/graph/types';
import { describeJobView } from '../../../src/views/jobView';
import { describeOnDemand } from '../../../src/views/onDemandView';
import { sampleClient } from '../graph/sampleClient';

const now = Date.parse('2026-12-01T12:00:00Z');
const servicePrincipal = { id: 'sp-1', displayName: 'SCIM app' };

function activeJob(progress: { completedUnits: number; totalUnits: number }[]): SynchronizationJob {
  const job = jobInState({
    state: 'healthy',
    templateId: 'scim',
    id: 'scim.1.2',
    now,
    variant: 0,
  }) as unknown as SynchronizationJob;
  job.status.progress = progress.map((item) => ({
    ...item,
    units: 'Objects',
    progressObservationDateTime: new Date(now).toISOString(),
  }));
  return job;
}
const view = (job: SynchronizationJob, cycleCounts?: Parameters<typeof describeJobView>[0]['cycleCounts']) =>
  describeJobView({ servicePrincipal, jobId: job.id, job, cycleCounts, now: new Date(now) });

describe('The job view: the cycle as it runs', () => {
  it('shows a running cycle with its progress and the counts read so far', () => {
    const job = activeJob([{ completedUnits: 10, totalUnits: 13 }]);
    const model = view(job, { counts: { created: 9, updated: 0, failed: 1 }, finished: false });
    assert.deepEqual(model.cycle, {
      running: true,
      processed: 10,
      total: 13,
      text: 'Cycle running: 10 of 13 objects processed; created 9, updated 0, failed 1',
    });
    const counting = view(job).cycle;
    assert.equal(counting?.text, 'Cycle running: 10 of 13 objects processed; counting the provisioning log entries…');
    const refused = view(job, { counts: 'created, updated and failed need AuditLog.Read.All', finished: false });
    assert.match(refused.cycle!.text, /processed; created, updated and failed need AuditLog\.Read\.All$/);
  });

  it('shows no cycle when none runs, and the finished one with lastExecution once the view saw it end', () => {
    const job = activeJob([{ completedUnits: 13, totalUnits: 13 }]);
    assert.equal(view(job).cycle, undefined);
    job.status.lastExecution!.error = { code: 'None', message: '', tenantActionable: false };
    const rows = view(job).sections.find((part) => part.label === 'Last execution')!.rows;
    assert.ok(!rows.some((row) => row.label === 'Error'), 'Graph\'s "None" is no error');
    const finished = view(job, { counts: { created: 13, updated: 0, failed: 0 }, finished: true }).cycle;
    assert.equal(finished?.running, false);
    const last = job.status.lastExecution!;
    assert.equal(
      finished?.text,
      `Cycle finished (${last.state}): 13 objects processed; created 13, updated 0, failed 0; exported ${last.countExported}, escrowed ${last.countEscrowed}`,
    );
  });
});

describe("The job view: provision on demand's SCIM requests and responses (emulator)", function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  before(async () => (emulator = await startEmulator({ clock: 'manual', scimServer: true })));
  after(() => emulator.close());

  it('shows each step with its SCIM request (method, path, body) and response (status, body), no bearer token', async () => {
    const seeded = seedJobs.find((job) => job.templateId === 'SfOutDelta')!;
    const user = sampleUsers.find((candidate) => candidate.department !== null)!;
    const subjects = [{ objectId: user.id, objectTypeName: 'User' as const }];
    const run = await provisionOnDemand(
      sampleClient(emulator),
      seeded.servicePrincipalId,
      seeded.id,
      'SfOutDelta',
      subjects,
    );
    assert.ok(!run.response.text.includes(sampleTenant.scimCredentials.SecretToken), 'the answer carries no token');
    const shown = describeOnDemand('User', run.parsed);
    const matching = shown.steps.find((step) => step.type === 'Matching')!;
    // One query per matching attribute, in priority order, until one finds the user (none does: a new user).
    assert.ok(matching.exchanges.length >= 1 && matching.exchanges.every((e) => e.request.method === 'GET'));
    const [get] = matching.exchanges;
    assert.equal(get.request.method, 'GET');
    assert.match(get.request.path, new RegExp(`/scim/Users\\?filter=userName eq "${user.userPrincipalName}"$`));
    assert.equal(get.request.body, '');
    assert.equal(get.response.status, '200');
    assert.equal(JSON.parse(get.response.body).totalResults, 0);
    const [post] = shown.steps.find((step) => step.type === 'Export')!.exchanges;
    assert.deepEqual([post.request.method, post.response.status], ['POST', '201']);
    assert.equal(JSON.parse(post.request.body).userName, user.userPrincipalName);
    assert.match(post.request.body, /^\{\n {2}"schemas"/, 'bodies are indented for reading');
    assert.equal(JSON.parse(post.response.body).userName, user.userPrincipalName);
    assert.ok(
      shown.steps.every((step) => step.details.every((row) => !/^SCIM(Request|Response)$/.test(row.label))),
      'the exchanges are not repeated as rows',
    );
  });
});
