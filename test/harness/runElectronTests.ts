// Runs the same extension-host suite in desktop VS Code through @vscode/test-electron, for machines that can
// download VS Code (this one cannot: use runHostTests.ts there). The emulator is wired exactly as for code-server.
//   npm run test:electron
// Env: GRAPH_SYNC_VSCODE_VERSION (default 'stable').
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { Cleanup } from './cleanup';
import { startWiredEmulator } from './emulator';
import { hostResultFileVariable, printHostSummary, type HostTestSummary } from './hostSummary';
import { hostTestsEntry, repoRoot } from './paths';
import { writeUserSettings } from './userSettings';

async function main(): Promise<number> {
  const cleanup = new Cleanup();
  cleanup.exitOnSignals();
  const resultFile = path.join(cleanup.tempDir('electron-result'), 'summary.json');
  try {
    const wired = await startWiredEmulator(cleanup);
    const userDataDir = cleanup.tempDir('electron-user-data');
    writeUserSettings(userDataDir, wired.settings);
    const exitCode = await runTests({
      version: process.env.GRAPH_SYNC_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: hostTestsEntry,
      // VS Code passes its own environment to the extension host, so the CA and the test variables reach it.
      extensionTestsEnv: { ...wired.env, GRAPH_SYNC_TEST_HOST: 'electron', [hostResultFileVariable]: resultFile },
      launchArgs: [
        cleanup.tempDir('electron-workspace'),
        '--user-data-dir',
        userDataDir,
        '--extensions-dir',
        cleanup.tempDir('electron-extensions'),
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
    return report(resultFile, exitCode);
  } catch (error) {
    // runTests rejects when VS Code exits non-zero (a failed test) or cannot be downloaded.
    console.error(`[electron] ${error instanceof Error ? error.message : String(error)}`);
    return report(resultFile, 1);
  } finally {
    await cleanup.run();
  }
}

function report(resultFile: string, exitCode: number): number {
  if (!fs.existsSync(resultFile)) {
    console.error('[electron] the suite reported no results');
    console.log('0 passed, 1 failed');
    return 1;
  }
  const summary = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as HostTestSummary;
  console.log(`[electron] VS Code ${summary.vscodeVersion}, exit code ${exitCode}`);
  printHostSummary(summary);
  return exitCode === 0 && summary.failures === 0 ? 0 : 1;
}

main().then((code) => process.exit(code));
