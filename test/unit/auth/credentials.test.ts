import assert from 'node:assert/strict';
import { createCredential, CredentialSettingsError } from '../../../src/auth/credentials';
import { IdentityCredential } from '../../../src/auth/identityCredential';
import { loopbackEndpoint, nationalClouds } from '../../../src/graph/clouds';

// The library as the credentials load it (import(), as in the extension), so that instanceof compares like with like.
const identity = () => import('@azure/identity');

describe('createCredential', () => {
  it("asks app-only credentials for the cloud's .default scope", async () => {
    const { credential, scopes, appOnly } = createCredential({
      method: 'clientSecret',
      endpoint: nationalClouds.USGovernmentDoD,
      tenant: 'contoso.us',
      clientId: 'c',
      clientSecret: 's',
    });
    assert.ok(
      credential instanceof IdentityCredential &&
        (await credential.credential()) instanceof (await identity()).ClientSecretCredential,
    );
    assert.deepEqual(scopes, ['https://dod-graph.microsoft.us/.default']);
    assert.equal(appOnly, true);
  });

  it('asks delegated credentials for the least permissions the extension needs', async () => {
    const { credential, scopes } = createCredential({
      method: 'deviceCode',
      endpoint: nationalClouds.Global,
      tenant: '',
      clientId: 'c',
    });
    assert.ok(
      credential instanceof IdentityCredential &&
        (await credential.credential()) instanceof (await identity()).DeviceCodeCredential,
    );
    assert.deepEqual(scopes, [
      'https://graph.microsoft.com/Application.Read.All',
      'https://graph.microsoft.com/Synchronization.ReadWrite.All',
    ]);
  });

  it('uses the Azure CLI with one resource scope', async () => {
    const { credential, scopes } = createCredential({
      method: 'azureCli',
      endpoint: nationalClouds.China,
      tenant: 'organizations',
      clientId: '',
    });
    assert.ok(
      credential instanceof IdentityCredential &&
        (await credential.credential()) instanceof (await identity()).AzureCliCredential,
    );
    assert.deepEqual(scopes, ['https://microsoftgraph.chinacloudapi.cn/.default']);
  });

  it('names the missing setting', () => {
    assert.throws(
      () =>
        createCredential({
          method: 'clientSecret',
          endpoint: nationalClouds.Global,
          tenant: 'organizations',
          clientId: 'c',
          clientSecret: 's',
        }),
      /graphSync\.tenant/,
    );
    // Delegated methods need no client id any more (publicClient.test.ts); app-only ones still name the setting.
    assert.throws(
      () =>
        createCredential({
          method: 'clientSecret',
          endpoint: nationalClouds.Global,
          tenant: 't',
          clientId: '',
          clientSecret: 's',
        }),
      /graphSync\.clientId/,
    );
    assert.throws(
      () => createCredential({ method: 'clientSecret', endpoint: nationalClouds.Global, tenant: 't', clientId: 'c' }),
      /Set Client Secret/,
    );
  });

  it('allows the sample tenant only on a loopback endpoint', () => {
    assert.throws(
      () =>
        createCredential({
          method: 'sampleTenant',
          endpoint: nationalClouds.Global,
          tenant: 't',
          clientId: 'c',
          clientSecret: 's',
        }),
      CredentialSettingsError,
    );
    const sample = createCredential({
      method: 'sampleTenant',
      endpoint: loopbackEndpoint('https://127.0.0.1:1'),
      tenant: 't',
      clientId: 'c',
      clientSecret: 's',
    });
    assert.deepEqual(sample.scopes, ['https://graph.microsoft.com/.default']);
  });
});
