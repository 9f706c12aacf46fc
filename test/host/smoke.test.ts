// Proves the test host itself: a real VS Code, our extension loaded from the working tree, and the emulator
// reachable over verified TLS with the settings and variables the drivers set up.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EmulatorControl } from '../../src/emulator/control';

const extensionId = 'graph-sync-explorer.graph-sync-explorer';

function requiredEnv(name: string): string {
  const value = process.env[name];
  assert.ok(value, `${name} is not set in the extension host: run the suite through test/harness (npm run test:host)`);
  return value;
}

describe('Test host', () => {
  it('is a real VS Code', () => {
    console.log(`vscode.version ${vscode.version} (${vscode.env.appName}, appHost ${vscode.env.appHost})`);
    assert.match(vscode.version, /^1\.\d+\.\d+(-insider)?$/);
  });

  it('is the host the driver started', () => {
    const host = requiredEnv('GRAPH_SYNC_TEST_HOST');
    if (host === 'code-server') {
      assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
      assert.equal(vscode.env.appHost, 'server-distro');
    } else {
      assert.equal(host, 'electron');
      assert.equal(vscode.env.uiKind, vscode.UIKind.Desktop);
      assert.equal(vscode.env.appHost, 'desktop');
    }
  });

  it('has our extension, loaded from the working tree, and activates it', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not installed`);
    // This bundle is <repo>/out/test/host/smoke.test.js; the extension under development is <repo>.
    assert.equal(extension.extensionPath, path.resolve(__dirname, '..', '..', '..'));
    await extension.activate();
    assert.equal(extension.isActive, true);
    const containers = extension.packageJSON.contributes.viewsContainers.activitybar as Array<{ id: string }>;
    assert.deepEqual(
      containers.map((container) => container.id),
      ['graphSync'],
    );
  });

  it('points the extension at the emulator through user settings', () => {
    const settings = vscode.workspace.getConfiguration('graphSync');
    assert.equal(settings.get('signInMethod'), 'sampleTenant');
    assert.equal(settings.get('sampleTenant.endpoint'), requiredEnv('GRAPH_SYNC_TEST_EMULATOR_URL'));
  });

  it('reaches the emulator over TLS pinned to its CA', async () => {
    const caPem = fs.readFileSync(requiredEnv('NODE_EXTRA_CA_CERTS'), 'utf8');
    assert.match(caPem, /-----BEGIN CERTIFICATE-----/);
    const health = await new EmulatorControl(requiredEnv('GRAPH_SYNC_TEST_EMULATOR_URL'), caPem).health();
    assert.ok(health);
  });

  it('trusts the emulator through NODE_EXTRA_CA_CERTS alone, as the extension does', async () => {
    const url = `${requiredEnv('GRAPH_SYNC_TEST_EMULATOR_URL')}/_emulator/health`;
    const status = await new Promise<number | undefined>((resolve, reject) => {
      https.get(url, (response) => resolve(response.resume().statusCode)).on('error', reject);
    });
    assert.equal(status, 200);
  });
});
