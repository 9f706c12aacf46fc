import assert from 'node:assert/strict';
import {
  VsCodeSessionCredential,
  vscodeSessionScopes,
  type AuthenticationApi,
} from '../../../src/auth/vscodeSessionCredential';
import { nationalClouds } from '../../../src/graph/clouds';

const jwt = (payload: object) =>
  ['{"alg":"none"}', JSON.stringify(payload), ''].map((part) => Buffer.from(part).toString('base64url')).join('.');

/** Records the calls VS Code's authentication API would receive. */
class FakeAuthentication implements AuthenticationApi {
  calls: { providerId: string; scopes: readonly string[]; options: object }[] = [];
  constructor(private session: { accessToken: string; account: { id: string; label: string } } | undefined) {}
  async getSession(providerId: string, scopes: readonly string[], options: object) {
    this.calls.push({ providerId, scopes, options });
    return this.session;
  }
}

describe('VS Code session credential', () => {
  it("asks for Graph scopes of the chosen cloud, the user's app and tenant", () => {
    assert.deepEqual(vscodeSessionScopes(nationalClouds.China, 'app-id', 'contoso.cn'), [
      'https://microsoftgraph.chinacloudapi.cn/Application.Read.All',
      'https://microsoftgraph.chinacloudapi.cn/Synchronization.ReadWrite.All',
      'VSCODE_CLIENT_ID:app-id',
      'VSCODE_TENANT:contoso.cn',
    ]);
    assert.equal(vscodeSessionScopes(nationalClouds.Global, 'a', '').at(-1), 'VSCODE_TENANT:organizations');
  });

  it('returns the session token with the expiry from its exp claim, silently', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const auth = new FakeAuthentication({
      accessToken: jwt({ exp }),
      account: { id: '1', label: 'alice@contoso.com' },
    });
    const credential = new VsCodeSessionCredential(auth, 'microsoft-sovereign-cloud', ['s1']);
    const token = await credential.getToken('ignored');
    assert.equal(token.expiresOnTimestamp, exp * 1000);
    assert.deepEqual(auth.calls, [
      { providerId: 'microsoft-sovereign-cloud', scopes: ['s1'], options: { silent: true } },
    ]);
  });

  it('says how to sign in when there is no session', async () => {
    const credential = new VsCodeSessionCredential(new FakeAuthentication(undefined), 'microsoft', ['s1']);
    await assert.rejects(credential.getToken('x'), /Graph Sync: Sign In/);
    await assert.rejects(credential.signIn(), /cancelled/);
  });
});
