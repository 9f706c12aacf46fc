import assert from 'node:assert/strict';
import { cloudIds, loopbackEndpoint, nationalClouds, provisioningPortalUrl } from '../../../src/graph/clouds';

describe('national clouds', () => {
  it('pairs each cloud with its own Graph and login hosts', () => {
    assert.deepEqual(
      cloudIds.map((id) => [id, nationalClouds[id].graphUrl, nationalClouds[id].authorityHost]),
      [
        ['Global', 'https://graph.microsoft.com', 'https://login.microsoftonline.com'],
        ['USGovernment', 'https://graph.microsoft.us', 'https://login.microsoftonline.us'],
        ['USGovernmentDoD', 'https://dod-graph.microsoft.us', 'https://login.microsoftonline.us'],
        ['China', 'https://microsoftgraph.chinacloudapi.cn', 'https://login.chinacloudapi.cn'],
      ],
    );
  });

  it('signs in to sovereign clouds with the sovereign VS Code provider and its environment', () => {
    assert.equal(nationalClouds.Global.vscodeProvider, 'microsoft');
    assert.equal(nationalClouds.China.vscodeProvider, 'microsoft-sovereign-cloud');
    assert.equal(nationalClouds.China.sovereignEnvironment, 'ChinaCloud');
    assert.equal(nationalClouds.USGovernmentDoD.sovereignEnvironment, 'USGovernment');
  });

  it('accepts an https loopback emulator and uses its origin for Graph and sign-in', () => {
    const endpoint = loopbackEndpoint('https://127.0.0.1:8443/v1.0');
    assert.equal(endpoint.graphUrl, 'https://127.0.0.1:8443');
    assert.equal(endpoint.authorityHost, 'https://127.0.0.1:8443');
    assert.equal(endpoint.isLoopback, true);
    assert.equal(loopbackEndpoint('https://localhost:9000').graphUrl, 'https://localhost:9000');
  });

  it('refuses custom endpoints that are not https on this machine', () => {
    for (const url of [
      'http://127.0.0.1:8443',
      'https://graph.example.com',
      'https://10.0.0.5:8443',
      'https://127.0.0.1.evil.example',
      'nonsense',
    ]) {
      assert.throws(() => loopbackEndpoint(url), /on this machine|not a URL/, url);
    }
  });

  it("links to the provisioning page in the cloud's own portal", () => {
    const url = provisioningPortalUrl(nationalClouds.USGovernment, 'sp id', 'app-1');
    assert.equal(
      url,
      'https://portal.azure.us/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Provisioning/objectId/sp%20id/appId/app-1',
    );
  });
});
