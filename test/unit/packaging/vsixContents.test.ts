import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listFiles, PackageManager } from '@vscode/vsce';

// The .vsix holds only what runs (or what the Marketplace page shows): vsce's own file list, the one `vsce package`
// zips, compared with the exact set of allowed paths. Needs a build (`node scripts/build.mjs`), as `npm test` does.
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

const required = [
  'package.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'media/activitybar.svg',
  'media/icon.png',
  'media/response.css',
  'media/logs.css',
  'media/scimTraffic.css',
  'dist/extension.js',
  'dist/webview.js',
  'dist/logsView.js',
  'dist/jobView.js',
  'dist/scimTrafficView.js',
  'dist/codicons/codicon.css',
  'dist/codicons/codicon.ttf',
  // Loaded by dist/extension.js on first use (scripts/build.mjs).
  'dist/sampleTenantEmulator.js',
  'dist/azureIdentity.js',
  'dist/undici.js',
];
// esbuild writes a bundle's licence comments beside it when it has any.
const allowedOptional = ['extension', 'sampleTenantEmulator', 'azureIdentity', 'undici'].map(
  (name) => `dist/${name}.js.LEGAL.txt`,
);

describe('the packaged extension (.vsix)', () => {
  it('is packaged without node_modules: the bundles carry their dependencies', () => {
    assert.equal(manifest.vsce?.dependencies, false);
  });

  it('contains exactly the files that run, the media and the docs', async function () {
    // vsce walks the whole folder (.vscode-test's code-server too) before applying .vscodeignore: on a busy machine
    // that outlasts mocha's default timeout, which guards against hangs here, not speed.
    this.timeout(180_000);
    assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'extension.js')), 'build first: node scripts/build.mjs');
    const files = (await listFiles({ cwd: repoRoot, packageManager: PackageManager.None })).map((file) =>
      file.split(path.sep).join('/'),
    );
    const unexpected = files.filter((file) => !required.includes(file) && !allowedOptional.includes(file));
    const missing = required.filter((file) => !files.includes(file));
    assert.deepEqual({ unexpected, missing }, { unexpected: [], missing: [] });
  });
});
