import assert from 'node:assert/strict';
import { sampleTenant, startEmulator, type RunningEmulator } from '../../../src/emulator';
import { parseJson } from '../../../src/graph/client';
import { createJob } from '../../../src/graph/createJob';
import { setSecrets } from '../../../src/graph/credentials';
import { jobState, quarantineDeadline } from '../../../src/graph/jobState';
import { listServicePrincipals } from '../../../src/graph/servicePrincipals';
import { getJob, restartJob, runJobAction } from '../../../src/graph/synchronization';
import type { ServicePrincipal, SynchronizationJob } from '../../../src/graph/types';
import { validateResponse } from '../../../src/schema';
import { wrongSecretToken } from '../../fixtures/secretValues';
import { sampleClient } from './sampleClient';

const hour = 3_600_000;

describe("Graph layer: a job's life on the emulator's clock (start, first cycle, quarantine, restart)", function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let scimApp: ServicePrincipal;

  before(async () => {
    emulator = await startEmulator({ clock: 'manual', cycleSeconds: 20 });
    [scimApp] = (
      await listServicePrincipals(sampleClient(emulator), {
        search: 'SCIM app',
        onlyFromApplicationTemplates: true,
        pageSize: 5,
      })
    ).items;
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());
  // The seeded Salesforce job cycles too: count this job's cycles only.
  const cyclesOf = (id: string) => emulator.cycles.completed().filter((cycle) => cycle.jobId === id).length;

  async function newStartedJob(secretToken: string) {
    const client = sampleClient(emulator);
    await setSecrets(client, scimApp.id, [
      { key: 'BaseAddress', value: sampleTenant.scimCredentials.BaseAddress },
      { key: 'SecretToken', value: secretToken },
    ]);
    const outcome = await createJob(client, scimApp.id, 'scim');
    const id = outcome.kind === 'created' ? outcome.job!.id : assert.fail(outcome.kind);
    await runJobAction(client, scimApp.id, id, 'start');
    const read = async () => {
      const response = await getJob(client, scimApp.id, id);
      assert.deepEqual(
        validateResponse({ text: response.text, type: 'synchronizationJob', version: 'v1.0' }).findings.filter(
          (f) => f.severity === 'error',
        ),
        [],
      );
      return parseJson<SynchronizationJob>(response);
    };
    return { client, id, read };
  }

  it('start → NotRun → a cycle with wrong credentials → Quarantine, retried after 6 then 12 hours, disabled after 4 weeks', async () => {
    const { id, read } = await newStartedJob(wrongSecretToken);
    assert.equal(id, `scim.${emulator.tenantId.replace(/-/g, '')}.${scimApp.appId}`);
    let job = await read();
    assert.deepEqual([job.schedule.state, job.status.code], ['Active', 'NotRun']);

    const cycle = emulator.cycles.next(id);
    emulator.clock.advance(20_000);
    assert.equal((await cycle).statusCode, 'Quarantine');
    assert.equal(cyclesOf(id), 1);
    job = await read();
    assert.equal(jobState(job), 'Quarantine');
    assert.equal(job.schedule.state, 'Active');
    assert.equal(job.status.lastExecution!.state, 'Failed');
    assert.equal(job.status.lastExecution!.error!.code, 'SystemForCrossDomainIdentityManagementInvalidCredentials');
    const quarantine = job.status.quarantine!;
    assert.equal(quarantine.reason, 'EncounteredQuarantineException');
    assert.equal(quarantine.seriesCount, 1);
    assert.equal(Date.parse(quarantine.nextAttempt) - Date.parse(quarantine.currentBegan), 6 * hour);
    assert.equal(quarantine.seriesBegan, quarantine.currentBegan);
    assert.match(quarantine.currentBegan, /\.\d{7}Z$/, '7 fractional digits, as Graph sends');
    assert.equal(quarantineDeadline(quarantine, new Date(emulator.clock.now()))!.daysLeft, 28, 'disabled in 4 weeks');

    emulator.clock.advance(6 * hour - 1);
    assert.equal(cyclesOf(id), 1, 'no retry before nextAttempt');
    emulator.clock.advance(1);
    assert.equal(cyclesOf(id), 2);
    job = await read();
    assert.equal(job.status.quarantine!.seriesCount, 2);
    assert.equal(
      Date.parse(job.status.quarantine!.nextAttempt) - Date.parse(job.status.quarantine!.currentBegan),
      12 * hour,
    );
    assert.equal(job.status.quarantine!.seriesBegan, quarantine.seriesBegan);

    // Checked at the first retry 4 weeks after the series began.
    emulator.clock.advance(29 * 24 * hour);
    job = await read();
    assert.deepEqual(
      [job.schedule.state, job.status.code],
      ['Disabled', 'Quarantine'],
      'disabled after 4 weeks in quarantine',
    );
    const cyclesSoFar = cyclesOf(id);
    emulator.clock.advance(7 * 24 * hour);
    assert.equal(cyclesOf(id), cyclesSoFar, 'a disabled job runs no more cycles');
  });

  it('right credentials, then restart with QuarantineState → Active with executions, counts, progress and steady-state times', async () => {
    const { client, id, read } = await newStartedJob(wrongSecretToken);
    emulator.clock.advance(20_000);
    assert.equal((await read()).status.code, 'Quarantine');
    await setSecrets(client, scimApp.id, [{ key: 'SecretToken', value: sampleTenant.scimCredentials.SecretToken }]);
    await restartJob(client, scimApp.id, id, ['QuarantineState']);
    let job = await read();
    assert.equal(job.status.quarantine, null, 'restart with QuarantineState lifts it');
    emulator.clock.advance(20_000);
    job = await read();
    assert.deepEqual([job.schedule.state, job.status.code, jobState(job)], ['Active', 'Active', 'Active']);
    assert.equal(job.status.lastExecution!.state, 'Succeeded');
    assert.deepEqual(job.status.lastExecution!.error, { code: 'None', message: '', tenantActionable: false });
    assert.deepEqual(job.status.lastSuccessfulExecution, job.status.lastExecution);
    assert.ok(job.status.synchronizedEntryCountByType!.find((entry) => entry.key === 'user to User')!.value >= 20);
    assert.equal(job.status.progress![0].completedUnits, job.status.progress![0].totalUnits);
    assert.equal(job.status.steadyStateFirstAchievedTime, job.status.steadyStateLastAchievedTime);
    assert.equal(job.status.countSuccessiveCompleteFailures, 0);

    emulator.clock.advance(20_000);
    job = await read();
    assert.notEqual(
      job.status.steadyStateLastAchievedTime,
      job.status.steadyStateFirstAchievedTime,
      'the next cycle moves the last steady state',
    );

    await runJobAction(client, scimApp.id, id, 'pause');
    const cycles = cyclesOf(id);
    emulator.clock.advance(hour);
    assert.equal(cyclesOf(id), cycles, 'a paused job runs no cycles');
    assert.equal((await read()).status.code, 'Paused');
  });

  it('runs cycles on the real clock too, and a test can await them instead of sleeping', async () => {
    const real = await startEmulator({ cycleSeconds: 1 });
    try {
      const client = sampleClient(real);
      const outcome = await createJob(client, scimApp.id, 'scim');
      const id = outcome.kind === 'created' ? outcome.job!.id : assert.fail(outcome.kind);
      const cycle = real.cycles.next(id);
      await runJobAction(client, scimApp.id, id, 'start');
      assert.equal((await cycle).statusCode, 'Quarantine', 'no credentials saved');
    } finally {
      await real.close();
    }
  });
});
