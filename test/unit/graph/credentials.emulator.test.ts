import assert from 'node:assert/strict';
import { sampleTenant, startEmulator, type RunningEmulator } from '../../../src/emulator';
import { credentialFields, setSecrets, settingsEntries, validateCredentials } from '../../../src/graph/credentials';
import { GraphRequestError } from '../../../src/graph/errors';
import type { RequestTrace } from '../../../src/graph/middleware';
import { requestSnippets } from '../../../src/graph/requestSnippets';
import { listServicePrincipals } from '../../../src/graph/servicePrincipals';
import { listTemplates, synchronizationPath } from '../../../src/graph/synchronization';
import type { ServicePrincipal } from '../../../src/graph/types';
import { secretValues, wrongSecretToken } from '../../fixtures/secretValues';
import { sampleClient } from './sampleClient';

const right = [
  { key: 'BaseAddress', value: sampleTenant.scimCredentials.BaseAddress },
  { key: 'SecretToken', value: sampleTenant.scimCredentials.SecretToken },
];

const wrong = [right[0], { key: 'SecretToken', value: wrongSecretToken }];

describe('Graph layer: admin credentials (against the emulator)', function () {
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
    assert.equal(scimApp.displayName, 'SCIM app');
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  it("reads the credential fields from the template's ConfigurationFields, with the SCIM fallback", async () => {
    const [template] = await listTemplates(sampleClient(emulator), scimApp.id);
    assert.equal(
      template.applicationId,
      scimApp.applicationTemplateId,
      'a template names the gallery application template',
    );
    assert.deepEqual(credentialFields(template), {
      source: 'template',
      fields: [
        { name: 'BaseAddress', secret: false, required: true },
        { name: 'SecretToken', secret: true, required: true },
      ],
    });
    const fallback = credentialFields({ metadata: [] });
    assert.equal(fallback.source, 'fallback');
    assert.deepEqual(
      fallback.fields.map((field) => field.name),
      ['BaseAddress', 'SecretToken'],
    );
    const names = credentialFields({ metadata: [{ key: 'configurationFields', value: '["TenantUrl","ApiToken"]' }] });
    assert.deepEqual(names.fields, [
      { name: 'TenantUrl', secret: false, required: true },
      { name: 'ApiToken', secret: true, required: true },
    ]);
    const broken = credentialFields({ metadata: [{ key: 'ConfigurationFields', value: '{oops' }] });
    assert.equal(broken.source, 'fallback');
    assert.match(broken.problem ?? '', /could not be read/);
  });

  it('saves secrets (204), which Graph then lists masked, and refuses to send an empty list', async () => {
    const client = sampleClient(emulator);
    const saved = await setSecrets(client, scimApp.id, [
      ...right,
      ...settingsEntries({ syncAll: false, notificationEmail: 'ops@contoso.example', deleteThreshold: 500 }),
    ]);
    assert.equal(saved.status, 204);
    const listed = await client.json<{ value: { key: string; value: string }[] }>({
      method: 'GET',
      path: `${synchronizationPath(scimApp.id)}/secrets`,
    });
    assert.deepEqual(
      listed.value,
      ['BaseAddress', 'SecretToken', 'SyncAll', 'SyncNotificationSettings'].map((key) => ({ key, value: '*' })),
    );
    await assert.rejects(setSecrets(client, scimApp.id, []), RangeError);
    assert.equal(emulator.requests.count({ route: 'putSecrets' }), 1, 'the empty list was not sent');
  });

  it('tests the connection on a template before a job exists, and on a job with the saved credentials', async () => {
    const client = sampleClient(emulator);
    const failed = await validateCredentials(client, scimApp.id, { templateId: 'scim' }, wrong);
    assert.equal(failed.valid, false);
    if (failed.valid) return;
    assert.equal(failed.failedCredential, 'SecretToken');
    assert.equal(failed.error.status, 400);
    assert.match(failed.error.graphMessage ?? '', /SecretToken/);
    assert.ok(failed.error.requestId);
    assert.equal((await validateCredentials(client, scimApp.id, { templateId: 'scim' }, right)).valid, true);
    const badAddress = await validateCredentials(client, scimApp.id, { templateId: 'scim' }, [
      { key: 'BaseAddress', value: 'https://elsewhere.example/scim' },
      right[1],
    ]);
    assert.equal(!badAddress.valid && badAddress.failedCredential, 'BaseAddress');

    const job = await client.json<{ id: string }>({
      method: 'POST',
      path: `${synchronizationPath(scimApp.id)}/jobs`,
      body: { templateId: 'scim' },
    });
    const nothingSaved = await validateCredentials(client, scimApp.id, { jobId: job.id }, 'saved');
    assert.equal(!nothingSaved.valid && nothingSaved.failedCredential, 'BaseAddress');
    await setSecrets(client, scimApp.id, right);
    assert.equal((await validateCredentials(client, scimApp.id, { jobId: job.id }, 'saved')).valid, true);
  });

  it('throws what is not a verdict on the credentials: 401 naming the permission, 429 with Retry-After, 503', async () => {
    const reader = sampleClient(emulator, { app: emulator.credentialsWithoutSynchronization });
    const denied = await setSecrets(reader, scimApp.id, right).catch((error: unknown) => error);
    assert.ok(denied instanceof GraphRequestError);
    assert.deepEqual([denied.status, denied.code], [401, 'UnknownError']);
    assert.match(denied.hint, /This call needs Synchronization\.ReadWrite\.All/);

    const client = sampleClient(emulator);
    emulator.requests.clear();
    emulator.faults.add({ route: 'putSecrets', kind: 'throttle', times: 1, retryAfterSeconds: 7 });
    const throttled = await setSecrets(client, scimApp.id, right).catch((error: unknown) => error);
    assert.ok(throttled instanceof GraphRequestError);
    assert.deepEqual([throttled.status, throttled.retryAfterSeconds], [429, 7]);
    const envelope = JSON.parse(throttled.exchange?.responseText ?? '{}').error;
    assert.deepEqual(
      [envelope.message, envelope.innerError.code, envelope.innerError.status],
      ['Please retry again later.', '429', '429'],
    );
    assert.equal(emulator.requests.count({ route: 'putSecrets' }), 1, 'a PUT is not retried');

    emulator.faults.add({ route: 'validateCredentials', kind: 'unavailable', times: 1 });
    await assert.rejects(
      validateCredentials(client, scimApp.id, { templateId: 'scim' }, right),
      (error: unknown) => error instanceof GraphRequestError && error.status === 503,
    );
  });

  it("never lets a secret value reach a trace, an exchange, a request snippet, an error or the emulator's log", async () => {
    const traces: RequestTrace[] = [];
    const client = sampleClient(emulator, { traces });
    const written: string[] = [];
    const keep = (exchange: Parameters<typeof requestSnippets>[0] | undefined) => {
      if (!exchange) return;
      written.push(JSON.stringify(exchange), ...Object.values(requestSnippets(exchange)));
    };
    keep((await setSecrets(client, scimApp.id, wrong)).exchange);
    const failed = await validateCredentials(client, scimApp.id, { templateId: 'scim' }, wrong);
    if (!failed.valid) {
      keep(failed.error.exchange);
      written.push(failed.error.message, failed.error.hint, failed.error.graphMessage ?? '');
    }
    const passed = await validateCredentials(client, scimApp.id, { templateId: 'scim' }, right);
    if (passed.valid) keep(passed.response.exchange);
    written.push(JSON.stringify(traces), JSON.stringify(emulator.requests.entries()));
    const everything = written.join('\n');
    assert.ok(everything.includes('<redacted>'), 'the bodies are recorded, redacted');
    for (const secret of secretValues) assert.ok(!everything.includes(secret), `a secret leaked: ${secret}`);
  });
});
