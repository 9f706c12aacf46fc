import assert from 'node:assert/strict';
import { sampleTenant, startEmulator, type RunningEmulator } from '../../../src/emulator';
import { createJob } from '../../../src/graph/createJob';
import { setSecrets } from '../../../src/graph/credentials';
import { searchGroups, searchUsers } from '../../../src/graph/directoryObjects';
import { GraphRequestError } from '../../../src/graph/errors';
import {
  OnDemandRateLimiter,
  OnDemandRateLimitError,
  parseOnDemandPair,
  provisionOnDemand,
} from '../../../src/graph/provisionOnDemand';
import { listServicePrincipals } from '../../../src/graph/servicePrincipals';
import { synchronizationPath } from '../../../src/graph/synchronization';
import type { ServicePrincipal } from '../../../src/graph/types';
import { wrongSecretToken } from '../../fixtures/secretValues';
import { sampleClient } from './sampleClient';

describe('Graph layer: provision on demand and the directory search behind it (against the emulator)', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let scimApp: ServicePrincipal;

  before(async () => {
    emulator = await startEmulator({ clock: 'manual' });
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

  async function jobWithRule(secretToken?: string) {
    const client = sampleClient(emulator);
    if (secretToken) {
      await setSecrets(client, scimApp.id, [
        { key: 'BaseAddress', value: sampleTenant.scimCredentials.BaseAddress },
        { key: 'SecretToken', value: secretToken },
      ]);
    }
    const outcome = await createJob(client, scimApp.id, 'scim');
    const jobId = outcome.kind === 'created' ? outcome.job!.id : assert.fail(outcome.kind);
    // Rule ids come from the schema's synchronizationRules (the template's, until a job schema is edited).
    const schema = await client.json<{ synchronizationRules: { id: string }[] }>({
      method: 'GET',
      path: `${synchronizationPath(scimApp.id)}/templates/scim/schema`,
    });
    return { client, jobId, ruleId: schema.synchronizationRules[0].id };
  }

  it('searches users and groups on the server with $search and ConsistencyLevel: eventual', async () => {
    const client = sampleClient(emulator);
    const adeles = await searchUsers(client, 'Adele');
    assert.ok(adeles.length >= 1);
    assert.ok(adeles.every((user) => /adele/i.test(user.displayName) && user.detail?.endsWith('@contoso.example')));
    assert.equal((await searchUsers(client, '', { top: 5 })).length, 5);
    assert.deepEqual(await searchUsers(client, 'nobody-by-this-name'), []);
    const pilots = await searchGroups(client, 'SCIM "Pilot');
    assert.deepEqual(
      pilots.map((group) => group.displayName),
      ['SCIM Pilot Users'],
    );
    const entry = emulator.requests.entries().find((candidate) => candidate.route === 'listGroups')!;
    assert.match(decodeURIComponent(entry.query), /\$search="displayName:SCIM Pilot"/);
  });

  it('provisions a user: the steps parsed from the double-encoded answer, then Skipped as redundant the second time', async () => {
    const { client, jobId, ruleId } = await jobWithRule(sampleTenant.scimCredentials.SecretToken);
    const [user] = await searchUsers(client, 'Adele');
    const first = await provisionOnDemand(client, scimApp.id, jobId, ruleId, [
      { objectId: user.id, objectTypeName: 'User' },
    ]);
    assert.equal(first.response.status, 200);
    assert.ok(first.parsed.ok);
    if (!first.parsed.ok) return;
    assert.equal(first.parsed.result.status, 'Success');
    assert.equal(first.parsed.result.reportableIdentifier, user.detail);
    assert.deepEqual(
      first.parsed.result.steps.map((step) => `${step.type}:${step.status}`),
      ['Import:Success', 'Scoping:Success', 'Matching:Success', 'Export:Success'],
    );
    assert.equal(first.parsed.result.steps[0].details.objectId, user.id);
    const second = await provisionOnDemand(client, scimApp.id, jobId, ruleId, [
      { objectId: user.id, objectTypeName: 'User' },
    ]);
    assert.ok(second.parsed.ok && second.parsed.result.status === 'Skipped');
    assert.ok(second.parsed.ok && second.parsed.result.steps.at(-1)!.details.SkipReason === 'RedundantExport');
  });

  it('explains wrong credentials in a failed step; refuses an unknown rule and a group over 5 members with 400', async () => {
    const { client, jobId, ruleId } = await jobWithRule(wrongSecretToken);
    const [group] = await searchGroups(client, 'SCIM Pilot');
    const failed = await provisionOnDemand(client, scimApp.id, jobId, ruleId, [
      { objectId: group.id, objectTypeName: 'Group' },
    ]);
    assert.ok(failed.parsed.ok);
    if (!failed.parsed.ok) return;
    assert.equal(failed.parsed.result.status, 'Failure');
    assert.equal(failed.parsed.result.errorCode, 'SystemForCrossDomainIdentityManagementInvalidCredentials');
    const failedStep = failed.parsed.result.steps.find((step) => step.status === 'Failure')!;
    assert.match(failedStep.description, /SecretToken/);
    assert.equal(failedStep.details.Credential, 'SecretToken');

    const unknownRule = await provisionOnDemand(client, scimApp.id, jobId, 'not-a-rule', [
      { objectId: group.id, objectTypeName: 'Group' },
    ]).catch((error: unknown) => error);
    assert.ok(unknownRule instanceof GraphRequestError && unknownRule.status === 400);
    assert.match(unknownRule.graphMessage ?? '', /not-a-rule/);
    const [everyone] = await searchGroups(client, 'All Employees');
    const tooBig = await provisionOnDemand(client, scimApp.id, jobId, ruleId, [
      { objectId: everyone.id, objectTypeName: 'Group' },
    ]).catch((error: unknown) => error);
    assert.ok(
      tooBig instanceof GraphRequestError && tooBig.status === 400 && /at most 5/.test(tooBig.graphMessage ?? ''),
    );
    await assert.rejects(
      provisionOnDemand(client, scimApp.id, jobId, ' ', [{ objectId: group.id, objectTypeName: 'Group' }]),
      RangeError,
      'an empty rule id is not sent',
    );
  });

  it('keeps to 5 requests per 10 s: Graph answers 429 with Retry-After, and the limiter says so before sending', async () => {
    const { client, jobId, ruleId } = await jobWithRule(sampleTenant.scimCredentials.SecretToken);
    const [user] = await searchUsers(client, 'Alex');
    const subjects = [{ objectId: user.id, objectTypeName: 'User' as const }];
    for (let i = 0; i < 5; i++) await provisionOnDemand(client, scimApp.id, jobId, ruleId, subjects);
    emulator.clock.advance(4_000);
    const throttled = await provisionOnDemand(client, scimApp.id, jobId, ruleId, subjects).catch(
      (error: unknown) => error,
    );
    assert.ok(throttled instanceof GraphRequestError);
    assert.deepEqual([throttled.status, throttled.code, throttled.retryAfterSeconds], [429, 'TooManyRequests', 6]);
    assert.equal(JSON.parse(throttled.exchange!.responseText!).error.innerError.status, '429');
    emulator.clock.advance(6_000);
    assert.equal(
      (await provisionOnDemand(client, scimApp.id, jobId, ruleId, subjects)).response.status,
      200,
      'the window has passed',
    );

    let now = 0;
    const limiter = new OnDemandRateLimiter(() => now);
    emulator.reset();
    const again = await jobWithRule(sampleTenant.scimCredentials.SecretToken);
    for (let i = 0; i < 5; i++)
      await provisionOnDemand(again.client, scimApp.id, again.jobId, again.ruleId, subjects, { limiter });
    const sentBefore = emulator.requests.count({ route: 'provisionOnDemand' });
    now = 2_500;
    const local = await provisionOnDemand(again.client, scimApp.id, again.jobId, again.ruleId, subjects, {
      limiter,
    }).catch((error: unknown) => error);
    assert.ok(local instanceof OnDemandRateLimitError);
    assert.equal(local.retryAfterSeconds, 8);
    assert.equal(emulator.requests.count({ route: 'provisionOnDemand' }), sentBefore, 'nothing sent');
    now = 10_000;
    assert.equal(limiter.waitSeconds(`${scimApp.id}/${again.jobId}`), 0);
  });

  it('parses what the reference documents, and keeps the raw text of an answer it cannot read', () => {
    const documented = parseOnDemandPair({
      key: JSON.stringify({ result: 'Skipped', details: { errorCode: 'RedundantExport' } }),
      value: JSON.stringify({
        provisioningSteps: [
          {
            name: 'EntryImport',
            type: 'Import',
            status: 'Success',
            description: 'Retrieved',
            timestamp: '2020-06-26T13:58:24.5494971Z',
            details: { n: 1 },
          },
        ],
      }),
    });
    assert.ok(documented.ok);
    assert.equal(documented.ok && documented.result.status, 'Skipped', 'from the key when statusInfo is absent');
    assert.equal(documented.ok && documented.result.steps[0].details.n, '1');
    const arrayWrapped = parseOnDemandPair({
      key: 'x',
      value: JSON.stringify([{ provisioningSteps: [], statusInfo: { status: 'Success' } }]),
    });
    assert.ok(arrayWrapped.ok && arrayWrapped.result.status === 'Success');
    const malformed = parseOnDemandPair({ key: 'k', value: '{"provisioningSteps":[' });
    assert.equal(malformed.ok, false);
    assert.equal(!malformed.ok && malformed.raw, '{"provisioningSteps":[');
    assert.match(!malformed.ok ? malformed.problem : '', /provisioningSteps/);
  });

  it('fails as Graph does: 503 from a fault, and a missing job is 404 UnknownError', async () => {
    const { client, jobId, ruleId } = await jobWithRule(sampleTenant.scimCredentials.SecretToken);
    const [user] = await searchUsers(client, 'Diego');
    emulator.faults.add({ route: 'provisionOnDemand', kind: 'unavailable', times: 1 });
    await assert.rejects(
      provisionOnDemand(client, scimApp.id, jobId, ruleId, [{ objectId: user.id, objectTypeName: 'User' }]),
      (error: unknown) => error instanceof GraphRequestError && error.status === 503,
    );
    const missing = await provisionOnDemand(client, scimApp.id, `${jobId}x`, ruleId, [
      { objectId: user.id, objectTypeName: 'User' },
    ]).catch((error: unknown) => error);
    assert.ok(missing instanceof GraphRequestError);
    assert.deepEqual([missing.status, missing.code], [404, 'UnknownError']);
  });
});
