import assert from 'node:assert/strict';
import { sampleTenant } from '../../../src/emulator';
import { EmulatorControl } from '../../../src/emulator/control';
import { raw, sampleTenantFixture } from './support';

describe('emulator: the workflow after create (secrets, validateCredentials, cycles on the clock) and captured shapes', function () {
  this.timeout(20_000);
  const sample = sampleTenantFixture();
  const scimApp = async () =>
    (
      await raw(sample.emulator, `/v1.0/servicePrincipals?$filter=${encodeURIComponent("displayName eq 'SCIM app'")}`, {
        token: sample.token,
      })
    ).json.value[0];
  const sync = (spId: string, path: string, method = 'GET', body?: unknown) =>
    raw(sample.emulator, `/v1.0/servicePrincipals/${spId}/synchronization${path}`, {
      method,
      token: sample.token,
      body,
    });

  it('answers without a client-request-id with one equal to its request-id, and echoes one that is sent', async () => {
    const plain = await raw(sample.emulator, '/v1.0/servicePrincipals?$top=1', { token: sample.token });
    assert.equal(plain.headers['client-request-id'], plain.headers['request-id']);
    const sent = await raw(sample.emulator, '/v1.0/servicePrincipals?$top=1', {
      token: sample.token,
      headers: { 'client-request-id': 'mine' },
    });
    assert.equal(sent.headers['client-request-id'], 'mine');
  });

  it('filters service principals with $search="displayName:…" (ConsistencyLevel: eventual) and counts them as text/plain', async () => {
    const eventual = { ConsistencyLevel: 'eventual' };
    const found = await raw(
      sample.emulator,
      `/v1.0/servicePrincipals?$search=${encodeURIComponent('"displayName:Office"')}`,
      { token: sample.token, headers: eventual },
    );
    assert.deepEqual(
      found.json.value.map((sp: { displayName: string }) => sp.displayName),
      ['Office 365 Exchange Online', 'Office 365 SharePoint Online'],
    );
    const refused = await raw(
      sample.emulator,
      `/v1.0/servicePrincipals?$search=${encodeURIComponent('"displayName:Office"')}`,
      { token: sample.token },
    );
    assert.deepEqual([refused.status, refused.json.error.code], [400, 'Request_BadRequest']);
    const count = await raw(
      sample.emulator,
      `/v1.0/servicePrincipals/$count?$search=${encodeURIComponent('"displayName:Office"')}`,
      { token: sample.token, headers: eventual },
    );
    assert.equal(count.status, 200);
    assert.match(count.headers['content-type'], /^text\/plain/);
    assert.equal(count.text, '2');
    assert.equal((await raw(sample.emulator, '/v1.0/servicePrincipals/$count', { token: sample.token })).status, 400);
  });

  it('lists users and groups with $top, $select, startswith and paging, and needs ConsistencyLevel for $search', async () => {
    const first = await raw(sample.emulator, '/v1.0/users?$top=10&$select=displayName', { token: sample.token });
    assert.equal(first.json.value.length, 10);
    assert.deepEqual(Object.keys(first.json.value[0]), ['id', 'displayName']);
    const second = await raw(sample.emulator, first.json['@odata.nextLink'], { token: sample.token });
    assert.equal(second.json.value.length, 10);
    assert.notEqual(second.json.value[0].id, first.json.value[0].id);
    const prefixed = await raw(
      sample.emulator,
      `/v1.0/groups?$filter=${encodeURIComponent("startswith(displayName,'sc')")}`,
      { token: sample.token },
    );
    assert.deepEqual(
      prefixed.json.value.map((group: { displayName: string }) => group.displayName),
      ['SCIM Pilot Users'],
    );
    const search = `/v1.0/users?$search=${encodeURIComponent('"displayName:megan"')}`;
    assert.equal((await raw(sample.emulator, search, { token: sample.token })).status, 400);
    const found = await raw(sample.emulator, search, {
      token: sample.token,
      headers: { ConsistencyLevel: 'eventual' },
    });
    assert.ok(
      found.json.value.length > 0 &&
        found.json.value.every((user: { displayName: string }) => user.displayName.startsWith('Megan')),
    );
  });

  it('stores secrets per service principal, masks them, and refuses an empty payload (400, a guess)', async () => {
    const sp = await scimApp();
    assert.equal(
      (await sync(sp.id, '/secrets', 'PUT', { value: [{ key: 'BaseAddress', value: 'https://127.0.0.1/scim' }] }))
        .status,
      204,
    );
    assert.deepEqual((await sync(sp.id, '/secrets')).json.value, [{ key: 'BaseAddress', value: '*' }]);
    assert.deepEqual((await sync(sample.box, '/secrets')).json.value, [], 'per service principal');
    for (const empty of ['', {}, { value: [] }])
      assert.equal((await sync(sp.id, '/secrets', 'PUT', empty)).status, 400, JSON.stringify(empty));
    assert.equal((await sync(sp.id, '/secrets', 'PUT', { value: [{ key: 'SecretToken', value: 5 }] })).status, 400);
  });

  it('validates credentials in both forms: 204, or 400 naming the credential in error.target', async () => {
    const sp = await scimApp();
    const { BaseAddress, SecretToken } = sampleTenant.scimCredentials;
    const credentials = (token: string) => [
      { key: 'BaseAddress', value: BaseAddress },
      { key: 'SecretToken', value: token },
    ];
    const wrong = await sync(sp.id, '/jobs/validateCredentials', 'POST', {
      templateId: 'scim',
      useSavedCredentials: false,
      credentials: credentials('nope'),
    });
    assert.deepEqual([wrong.status, wrong.json.error.target], [400, 'SecretToken']);
    assert.ok(!wrong.text.includes('nope'), 'the rejected value is not echoed');
    assert.equal(
      (
        await sync(sp.id, '/jobs/validateCredentials', 'POST', {
          templateId: 'scim',
          credentials: credentials(SecretToken),
        })
      ).status,
      204,
    );
    assert.equal(
      (await sync(sp.id, '/jobs/validateCredentials', 'POST', { credentials: credentials(SecretToken) })).status,
      400,
      'templateId is needed',
    );
    const job = (await sync(sp.id, '/jobs', 'POST', { templateId: 'scim' })).json;
    assert.equal(
      (
        await sync(sp.id, `/jobs/${job.id}/validateCredentials`, 'POST', {
          useSavedCredentials: false,
          credentials: credentials(SecretToken),
        })
      ).status,
      204,
    );
    const saved = await sync(sp.id, `/jobs/${job.id}/validateCredentials`, 'POST', { useSavedCredentials: true });
    assert.deepEqual([saved.status, saved.json.error.target], [400, 'BaseAddress'], 'nothing saved yet');
  });

  it('moves its clock and runs cycles through the control API', async () => {
    const control = new EmulatorControl(sample.emulator.url, sample.emulator.tls.caCertPem);
    const sp = await scimApp();
    const job = (await sync(sp.id, '/jobs', 'POST', { templateId: 'scim' })).json;
    await sync(sp.id, `/jobs/${job.id}/start`, 'POST');
    const before = await control.clock();
    assert.equal(before.mode, 'manual');
    const after = await control.advanceClock(before.cycleSeconds);
    assert.equal(Date.parse(after.now) - Date.parse(before.now), before.cycleSeconds * 1000);
    const cycles = (await control.cycles()).filter((cycle) => cycle.jobId === job.id);
    assert.deepEqual(
      cycles.map((cycle) => [cycle.state, cycle.statusCode]),
      [['Failed', 'Quarantine']],
    );
    assert.equal((await sync(sp.id, `/jobs/${job.id}`)).json.status.code, 'Quarantine');
    await assert.rejects(control.advanceClock(-1), /400/);
  });
});
