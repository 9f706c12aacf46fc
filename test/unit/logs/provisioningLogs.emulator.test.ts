import assert from 'node:assert/strict';
import { EmulatorControl, startEmulator, type RunningEmulator } from '../../../src/emulator';
import type { GraphClient } from '../../../src/graph/client';
import { GraphRequestError } from '../../../src/graph/errors';
import {
  allProvisioningLogs,
  listProvisioningLogs,
  needsLogPermission,
  provisioningLogFilter,
  type ProvisioningObjectSummary,
} from '../../../src/graph/provisioningLogs';
import { raw, tokenFor } from '../emulator/support';
import { sampleClient } from '../graph/sampleClient';

describe('provisioning logs (GET /auditLogs/provisioning against the emulator)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let all: ProvisioningObjectSummary[];

  before(async () => {
    emulator = await startEmulator({ servicePrincipalCount: 300 });
    all = [];
    for await (const page of allProvisioningLogs(sampleClient(emulator), {}, 1000)) all.push(...page);
  });
  after(() => emulator.close());

  it('serves entries shaped like provisioningObjectSummary, newest first, on v1.0 and beta', async () => {
    assert.ok(all.length > 100, `${all.length} entries`);
    const entry = all[0];
    for (const key of [
      'id',
      'activityDateTime',
      'changeId',
      'cycleId',
      'durationInMilliseconds',
      'initiatedBy',
      'jobId',
      'modifiedProperties',
      'provisioningAction',
      'provisioningStatusInfo',
      'provisioningSteps',
      'servicePrincipal',
      'sourceIdentity',
      'sourceSystem',
      'targetIdentity',
      'targetSystem',
    ]) {
      assert.ok(key in entry, key);
    }
    const times = all.map((e) => e.activityDateTime);
    assert.deepEqual(times, [...times].sort().reverse());
    const beta = await listProvisioningLogs(sampleClient(emulator), {}, { top: 5 }, { version: 'beta' });
    assert.deepEqual(
      beta.items.map((e) => e.id),
      all.slice(0, 5).map((e) => e.id),
    );
  });

  it('filters by job, service principal, status, action and time, as Graph $filter does', async () => {
    const client = sampleClient(emulator);
    const failed = all.find((e) => e.provisioningStatusInfo?.status === 'failure')!;
    const byJob = await listProvisioningLogs(client, { jobId: failed.jobId! }, { top: 1000 });
    assert.deepEqual(
      byJob.items.map((e) => e.id),
      all.filter((e) => e.jobId === failed.jobId).map((e) => e.id),
    );
    const bySp = await listProvisioningLogs(
      client,
      { servicePrincipalId: failed.servicePrincipal!.id! },
      { top: 1000 },
    );
    assert.ok(bySp.items.length > 0 && bySp.items.every((e) => e.servicePrincipal?.id === failed.servicePrincipal!.id));
    const failures = await listProvisioningLogs(
      client,
      { statuses: ['failure', 'skipped'], actions: ['create', 'update'] },
      { top: 1000 },
    );
    assert.deepEqual(
      failures.items.map((e) => e.id),
      all
        .filter(
          (e) =>
            ['failure', 'skipped'].includes(e.provisioningStatusInfo!.status) &&
            ['create', 'update'].includes(e.provisioningAction),
        )
        .map((e) => e.id),
    );
    const since = new Date(all[20].activityDateTime);
    const until = new Date(all[5].activityDateTime);
    const window = await listProvisioningLogs(client, { since, until }, { top: 1000 });
    assert.deepEqual(
      window.items.map((e) => e.id),
      all
        .filter((e) => e.activityDateTime >= all[20].activityDateTime && e.activityDateTime <= all[5].activityDateTime)
        .map((e) => e.id),
    );
    assert.equal(provisioningLogFilter({ jobId: "o'brien" }), "jobId eq 'o''brien'");
  });

  it('pages with $top and absolute nextLinks that keep the filter', async () => {
    const client = sampleClient(emulator);
    const first = await listProvisioningLogs(client, { statuses: ['success'] }, { top: 7 });
    assert.equal(first.items.length, 7);
    assert.match(first.nextLink!, /^https:\/\/127\.0\.0\.1:\d+\/v1\.0\/auditLogs\/provisioning\?\$skiptoken=/);
    const second = await listProvisioningLogs(client, {}, { nextLink: first.nextLink });
    const expected = all.filter((e) => e.provisioningStatusInfo?.status === 'success').slice(7, 14);
    assert.deepEqual(
      second.items.map((e) => e.id),
      expected.map((e) => e.id),
    );
  });

  it('refuses a token without AuditLog.Read.All with 403, and the error names the permission', async () => {
    const client = sampleClient(emulator, { app: emulator.credentialsWithoutSynchronization });
    const error = await listProvisioningLogs(client, {}).catch((e: unknown) => e);
    assert.ok(error instanceof GraphRequestError);
    assert.equal(error.status, 403);
    assert.equal(error.code, 'Authorization_RequestDenied');
    assert.ok(needsLogPermission(error));
    assert.match(error.hint, /AuditLog\.Read\.All or ProvisioningLog\.Read\.All/);
  });

  it('answers 403 to the sample app once an administrator revokes its AuditLog.Read.All, until granted again', async () => {
    const control = new EmulatorControl(emulator.url, emulator.tls.caCertPem);
    const client = sampleClient(emulator);
    await control.grantProvisioningLogs(false);
    try {
      const error = await listProvisioningLogs(client, {}).catch((e: unknown) => e);
      assert.ok(error instanceof GraphRequestError && needsLogPermission(error), String(error));
      assert.ok(error.requestId, 'the refusal carries its request-id');
    } finally {
      await control.grantProvisioningLogs(true);
    }
    assert.equal((await listProvisioningLogs(client, {}, { top: 1 })).items.length, 1);
  });

  it("adds tens of thousands of entries to one job's logs on request, shaped as a run's, until reset", async () => {
    const control = new EmulatorControl(emulator.url, emulator.tls.caCertPem);
    const client = sampleClient(emulator);
    const jobId = all[0].jobId!;
    const had = await countAll(client, jobId);
    await control.seedProvisioningLogs(jobId, 20_000);
    try {
      assert.equal(await countAll(client, jobId), had + 20_000);
      const [newest] = (await listProvisioningLogs(client, { jobId }, { top: 1 })).items;
      for (const key of Object.keys(all[0])) assert.ok(key in newest, key);
      await assert.rejects(control.seedProvisioningLogs('no-such-job', 5), /404/);
      await assert.rejects(control.seedProvisioningLogs(jobId, 1_000_000), /400/);
    } finally {
      emulator.reset();
    }
    assert.equal(await countAll(client, jobId), had);
  });

  it('answers 400 for a filter it does not support and a bad $top', async () => {
    const token = await tokenFor(emulator);
    const bad = await raw(
      emulator,
      `/v1.0/auditLogs/provisioning?$filter=${encodeURIComponent("userPrincipalName eq 'x'")}`,
      { token },
    );
    assert.equal(bad.status, 400);
    const top = await raw(emulator, '/v1.0/auditLogs/provisioning?$top=0', { token });
    assert.equal(top.status, 400);
  });
});

async function countAll(client: GraphClient, jobId: string): Promise<number> {
  let count = 0;
  for await (const page of allProvisioningLogs(client, { jobId }, 1000)) count += page.length;
  return count;
}
