import assert from 'node:assert/strict';
import type { DeviceCodeInfo } from '@azure/identity';
import { createCredential } from '../../../src/auth/credentials';
import { graphCommandLineToolsClientId } from '../../../src/auth/publicClient';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { loopbackEndpoint, nationalClouds } from '../../../src/graph/clouds';

const claimsOf = (accessToken: string) =>
  JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8'));

describe('sign-in with no app registration', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());

  it('signs in by device code as Microsoft Graph Command Line Tools, consenting only the two delegated permissions', async () => {
    const prompts: DeviceCodeInfo[] = [];
    const { credential, scopes, appOnly } = createCredential({
      method: 'deviceCode',
      endpoint: loopbackEndpoint(emulator.url),
      tenant: emulator.tenantId,
      clientId: '',
      trustedCaPem: emulator.tls.caCertPem,
      onDeviceCode: (info) => prompts.push(info),
    });
    const token = await credential.getToken(scopes);
    assert.ok(token);
    const claims = claimsOf(token.token);
    // The emulator's authority issued a user's token to the public client, with the scopes it was asked to consent.
    assert.equal(claims.appid, graphCommandLineToolsClientId);
    assert.equal(claims.app_displayname, 'Microsoft Graph Command Line Tools');
    assert.equal(claims.idtyp, 'user');
    assert.deepEqual(claims.scp.split(' ').sort(), ['Application.Read.All', 'Synchronization.ReadWrite.All']);
    assert.equal(appOnly, false);
    assert.equal(prompts.length, 1);
    assert.equal(prompts[0].verificationUri, 'https://microsoft.com/devicelogin');
    assert.match(prompts[0].message, new RegExp(`enter the code ${prompts[0].userCode} `));
    assert.equal(emulator.requests.count({ route: 'deviceCode' }), 1);
  });

  it('uses graphSync.clientId instead when it is set', async () => {
    const { credential, scopes } = createCredential({
      method: 'deviceCode',
      endpoint: loopbackEndpoint(emulator.url),
      tenant: emulator.tenantId,
      clientId: '11111111-2222-3333-4444-555555555555',
      trustedCaPem: emulator.tls.caCertPem,
      onDeviceCode: () => undefined,
    });
    const token = await credential.getToken(scopes);
    assert.equal(claimsOf(token!.token).appid, '11111111-2222-3333-4444-555555555555');
  });

  it("names the public client to VS Code's Microsoft sign-in on the desktop", () => {
    const authentication = { getSession: async () => undefined };
    const { scopes } = createCredential({
      method: 'vscode',
      endpoint: nationalClouds.Global,
      tenant: '',
      clientId: '',
      authentication,
      uiKind: 'desktop',
    });
    assert.deepEqual(scopes, [
      'https://graph.microsoft.com/Application.Read.All',
      'https://graph.microsoft.com/Synchronization.ReadWrite.All',
      `VSCODE_CLIENT_ID:${graphCommandLineToolsClientId}`,
      'VSCODE_TENANT:organizations',
    ]);
  });

  it("signs in through the browser on a loopback redirect where VS Code's redirect is not the public client's (the web)", async () => {
    const { credential, scopes } = createCredential({
      method: 'vscode',
      endpoint: nationalClouds.Global,
      tenant: '',
      clientId: '',
      uiKind: 'web',
    });
    const { InteractiveBrowserCredential } = await import('@azure/identity');
    assert.ok(
      'credential' in credential &&
        (await (credential as { credential(): Promise<unknown> }).credential()) instanceof InteractiveBrowserCredential,
    );
    assert.deepEqual(scopes, [
      'https://graph.microsoft.com/Application.Read.All',
      'https://graph.microsoft.com/Synchronization.ReadWrite.All',
    ]);
  });
});
