import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { parseJson } from '../../../src/graph/client';
import { createJob } from '../../../src/graph/createJob';
import { GraphRequestError } from '../../../src/graph/errors';
import { jobState } from '../../../src/graph/jobState';
import { listServicePrincipals } from '../../../src/graph/servicePrincipals';
import {
  deleteJob,
  getJob,
  getSynchronization,
  listJobs,
  restartJob,
  runJobAction,
} from '../../../src/graph/synchronization';
import type { ServicePrincipal, SynchronizationJob } from '../../../src/graph/types';
import { roundTrips, sampleClient } from './sampleClient';

describe('Graph layer: templates and jobs (against the emulator)', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let box: ServicePrincipal;

  before(async () => {
    // Manual clock: no cycle runs while a test looks at a job's state.
    emulator = await startEmulator({ clock: 'manual' });
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

  it('expands a service principal in one round trip: templates and jobs in one $batch', async () => {
    const client = sampleClient(emulator);
    const { templates, jobs } = await getSynchronization(client, box.id);
    assert.ok(templates.ok && jobs.ok);
    assert.ok(templates.value.some((t) => t.id === 'BoxOutDelta' && t.default));
    assert.ok(
      templates.value.every((t) => !('schema' in t)),
      'the inline schema is left out with $select',
    );
    assert.equal(roundTrips(emulator), 1);
    assert.equal(emulator.requests.count({ inBatch: true }), 2);
  });

  it('walks a job through create, start, pause, restart and delete', async () => {
    const client = sampleClient(emulator);
    const outcome = await createJob(client, box.id, 'BoxOutDelta');
    assert.equal(outcome.kind, 'created');
    const job = outcome.kind === 'created' ? outcome.job! : assert.fail();
    assert.equal(outcome.response.status, 201);
    assert.equal(jobState(job), 'Disabled');
    const state = async () => jobState(parseJson<SynchronizationJob>(await getJob(client, box.id, job.id)));
    await runJobAction(client, box.id, job.id, 'start');
    assert.equal(await state(), 'Active');
    await runJobAction(client, box.id, job.id, 'pause');
    assert.equal(await state(), 'Paused');
    await restartJob(client, box.id, job.id, ['Watermark', 'Escrows']);
    assert.equal(await state(), 'Active');
    await deleteJob(client, box.id, job.id);
    assert.deepEqual(
      (await listJobs(client, box.id)).filter((j) => j.id === job.id),
      [],
    );
  });

  it("refuses a template that is not one of the service principal's, and creates nothing", async () => {
    const client = sampleClient(emulator);
    const before = await listJobs(client, box.id);
    const outcome = await createJob(client, box.id, 'NotATemplate');
    assert.equal(outcome.kind, 'notCreated');
    if (outcome.kind !== 'notCreated') return;
    assert.equal(outcome.error.status, 400);
    assert.ok(outcome.error.requestId && outcome.error.clientRequestId && outcome.error.date);
    assert.equal((await listJobs(client, box.id)).length, before.length);
  });

  it('waits out the 404 of a job Graph has not caught up with yet', async () => {
    const client = sampleClient(emulator);
    emulator.faults.add({ route: 'getJob', kind: 'notFoundAfterCreate', durationMs: 1500 });
    const outcome = await createJob(client, box.id, 'BoxOutDelta');
    const job = outcome.kind === 'created' ? outcome.job! : assert.fail(outcome.kind);
    await assert.rejects(getJob(client, box.id, job.id), (e: GraphRequestError) => e.status === 404);
    const response = await getJob(client, box.id, job.id, { eventualConsistencyRetries: 3 });
    assert.equal(parseJson<SynchronizationJob>(response).id, job.id);
  });

  it('explains the 401 UnknownError of an app without synchronization permissions', async () => {
    const client = sampleClient(emulator, { app: emulator.credentialsWithoutSynchronization });
    const { templates, jobs } = await getSynchronization(client, box.id);
    for (const part of [templates, jobs]) {
      assert.ok(!part.ok);
      assert.equal(part.error.status, 401);
      assert.equal(part.error.code, 'UnknownError');
      assert.match(part.error.hint, /Synchronization\.ReadWrite\.All/);
    }
  });

  it('sends an explicit Accept-Language and never records the token', async () => {
    const response = await getJob(sampleClient(emulator), box.id, 'missing').catch((e: GraphRequestError) => e);
    const exchange = (response as GraphRequestError).exchange!;
    assert.equal(exchange.requestHeaders['accept-language'], 'en-US');
    assert.ok(!Object.keys(exchange.requestHeaders).some((name) => name.toLowerCase() === 'authorization'));
    assert.ok(exchange.requestHeaders['client-request-id']);
  });
});
