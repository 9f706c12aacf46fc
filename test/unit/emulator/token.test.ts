import assert from 'node:assert/strict';
import { tokenAccount, tokenExpiry } from '../../../src/auth/tokenClaims';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { credentialFor, raw, tokenFor } from './support';

describe('emulator: token endpoint and Graph authentication', function () {
  this.timeout(20_000);
  let emulator: RunningEmulator;

  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  const tokenRequest = (form: Record<string, string>, tenant = emulator.tenantId) =>
    raw(emulator, `/${tenant}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  const clientCredentials = (overrides: Record<string, string> = {}) => ({
    grant_type: 'client_credentials',
    client_id: emulator.credentials.clientId,
    client_secret: emulator.credentials.clientSecret,
    scope: 'https://graph.microsoft.com/.default',
    ...overrides,
  });

  it('issues a token to @azure/identity ClientSecretCredential, a JWT whose exp and app the project can read', async () => {
    const before = Date.now();
    const token = await credentialFor(emulator).getToken('https://graph.microsoft.com/.default');
    const expiry = tokenExpiry(token.token)!;
    assert.ok(expiry > before + 3500_000 && expiry <= Date.now() + 3600_000, `exp ${new Date(expiry).toISOString()}`);
    assert.equal(tokenAccount(token.token), 'Graph Sync Explorer sample app');
    const claims = JSON.parse(Buffer.from(token.token.split('.')[1], 'base64url').toString('utf8'));
    assert.deepEqual([claims.tid, claims.appid], [emulator.tenantId, emulator.credentials.clientId]);
    assert.deepEqual(
      emulator.requests.entries().map((entry) => entry.route),
      ['openidConfiguration', 'token'],
    );
  });

  it('publishes OpenID configuration whose issuer and endpoints are on this server', async () => {
    const { status, json } = await raw(emulator, `/${emulator.tenantId}/v2.0/.well-known/openid-configuration`);
    assert.equal(status, 200);
    assert.equal(json.issuer, `${emulator.url}/${emulator.tenantId}/v2.0`);
    for (const key of ['token_endpoint', 'authorization_endpoint', 'jwks_uri'])
      assert.ok(json[key].startsWith(`${emulator.url}/`), key);
  });

  it("accepts the emulator's own .default scope too", async () => {
    const { status, json } = await tokenRequest(clientCredentials({ scope: `${emulator.url}/.default` }));
    assert.equal(status, 200);
    assert.equal(json.token_type, 'Bearer');
    assert.equal(json.expires_in, 3600);
  });

  it('refuses a wrong secret with 401 invalid_client AADSTS7000215', async () => {
    const { status, json } = await tokenRequest(clientCredentials({ client_secret: 'wrong' }));
    assert.equal(status, 401);
    assert.equal(json.error, 'invalid_client');
    assert.match(json.error_description, /^AADSTS7000215:/);
    assert.deepEqual(json.error_codes, [7000215]);
  });

  it('refuses an unknown tenant with 400 AADSTS90002, an unknown app, a wrong grant and a wrong scope', async () => {
    const tenant = await tokenRequest(clientCredentials(), '11111111-1111-1111-1111-111111111111');
    assert.equal(tenant.status, 400);
    assert.match(tenant.json.error_description, /^AADSTS90002:/);
    assert.equal((await tokenRequest(clientCredentials({ client_id: 'nobody' }))).json.error, 'unauthorized_client');
    assert.equal(
      (await tokenRequest(clientCredentials({ grant_type: 'password' }))).json.error,
      'unsupported_grant_type',
    );
    assert.equal(
      (await tokenRequest(clientCredentials({ scope: 'https://graph.microsoft.com/User.Read' }))).json.error,
      'invalid_scope',
    );
    await assert.rejects(
      credentialFor(emulator, { ...emulator.credentials, clientSecret: 'wrong' }).getToken(
        'https://graph.microsoft.com/.default',
      ),
    );
  });

  it('answers Graph requests without or with an unknown bearer token with 401 InvalidAuthenticationToken', async () => {
    const missing = await raw(emulator, '/v1.0/servicePrincipals');
    assert.equal(missing.status, 401);
    assert.equal(missing.json.error.code, 'InvalidAuthenticationToken');
    assert.equal(missing.json.error.message, 'Access token is empty.');
    const unknown = await raw(emulator, '/v1.0/servicePrincipals', { token: 'eyJ0eXAiOiJKV1QifQ.e30.forged' });
    assert.equal(unknown.status, 401);
    assert.equal(unknown.json.error.code, 'InvalidAuthenticationToken');
    assert.equal((await raw(emulator, '/v1.0/servicePrincipals', { token: await tokenFor(emulator) })).status, 200);
  });

  it('rejects a token past its lifetime as expired', async () => {
    // Lifetime 0: expired as soon as issued, so no sleep has to outlast it.
    const shortLived = await startEmulator({ tokenLifetimeSeconds: 0, tls: emulator.tls });
    try {
      const { json } = await raw(shortLived, `/${shortLived.tenantId}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...clientCredentials() }).toString(),
      });
      assert.equal(json.expires_in, 0);
      const expired = await raw(shortLived, '/v1.0/servicePrincipals', { token: json.access_token });
      assert.equal(expired.status, 401);
      assert.equal(expired.json.error.message, 'Lifetime validation failed, the token is expired.');
    } finally {
      await shortLived.close();
    }
  });

  it('answers synchronization routes with 401 UnknownError and an empty message for an app without the permission', async () => {
    const token = await tokenFor(emulator, emulator.credentialsWithoutSynchronization);
    const list = await raw(emulator, '/v1.0/servicePrincipals?$top=1', { token });
    assert.equal(list.status, 200, 'other routes work');
    const templates = await raw(
      emulator,
      `/v1.0/servicePrincipals/${list.json.value[0].id}/synchronization/templates`,
      { token },
    );
    assert.equal(templates.status, 401);
    assert.deepEqual([templates.json.error.code, templates.json.error.message], ['UnknownError', '']);
  });
});
