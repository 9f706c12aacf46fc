import type { RunningEmulator } from '../../../src/emulator';
import { launchBrowser } from '../../harness/browser';
import { Cleanup } from '../../harness/cleanup';
import { createProfile, installExtension, startCodeServer } from '../../harness/codeServer';
import { startWiredEmulator } from '../../harness/emulator';
import { packageExtension } from './vsix';
import { Workbench } from './workbench';

/** One workbench for all UI scenarios: the packaged extension installed into code-server, the emulator as tenant. */
export interface UiSession {
  workbench: Workbench;
  emulator: RunningEmulator;
  cleanup: Cleanup;
}

const log = (message: string) => console.log(`  [ui] ${message}`);

/**
 * Packages the extension as a .vsix, installs it into a throwaway code-server profile and opens the workbench.
 * No smoke-test driver here: notifications and modal dialogs behave as a user sees them.
 */
export async function startUiSession(): Promise<UiSession> {
  const cleanup = new Cleanup();
  cleanup.exitOnSignals();
  try {
    const wired = await startWiredEmulator(cleanup);
    const vsix = await packageExtension(cleanup.tempDir('vsix'));
    log(`packaged the extension in ${vsix.milliseconds} ms`);
    const profile = createProfile(cleanup, wired.settings, { ...wired.env, GRAPH_SYNC_TEST_HOST: 'code-server' });
    await installExtension(profile, vsix.file);
    const server = await startCodeServer(profile, cleanup, false);
    const { page } = await launchBrowser(cleanup);
    const started = Date.now();
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(profile.workspaceDir)}`);
    const workbench = new Workbench(page);
    await workbench.waitUntilLoaded();
    log(`workbench loaded in ${Date.now() - started} ms (code-server ${server.origin}, emulator ${wired.emulator.url})`);
    return { workbench, emulator: wired.emulator, cleanup };
  } catch (error) {
    await cleanup.run();
    throw error;
  }
}
