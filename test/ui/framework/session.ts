import type { EmulatorOptions, RunningEmulator } from '../../../src/emulator';
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

export interface PackagedWorkbench {
  emulator: RunningEmulator;
  /** The workbench with the profile's workspace open. */
  url: string;
}

/**
 * The packaged extension (.vsix) installed into a throwaway code-server profile whose settings point at a fresh
 * emulator, served on loopback. No smoke-test driver: notifications and modal dialogs behave as a user sees them.
 * Used by the UI scenarios and by `npm run sample`.
 */
export async function servePackagedWorkbench(
  cleanup: Cleanup,
  env: NodeJS.ProcessEnv = {},
  emulatorOptions?: EmulatorOptions,
): Promise<PackagedWorkbench> {
  const wired = await startWiredEmulator(cleanup, emulatorOptions);
  const vsix = await packageExtension(cleanup.tempDir('vsix'));
  log(`packaged the extension in ${vsix.milliseconds} ms`);
  const profile = createProfile(cleanup, wired.settings, { ...wired.env, ...env });
  await installExtension(profile, vsix.file);
  const server = await startCodeServer(profile, cleanup, false);
  return { emulator: wired.emulator, url: `${server.origin}/?folder=${encodeURIComponent(profile.workspaceDir)}` };
}

/** Serves the packaged workbench and opens it in Chromium. */
export async function startUiSession(): Promise<UiSession> {
  const cleanup = new Cleanup();
  cleanup.exitOnSignals();
  try {
    const served = await servePackagedWorkbench(cleanup, { GRAPH_SYNC_TEST_HOST: 'code-server' });
    const { page } = await launchBrowser(cleanup);
    const started = Date.now();
    await page.goto(served.url);
    const workbench = new Workbench(page);
    await workbench.waitUntilLoaded();
    log(`workbench loaded in ${Date.now() - started} ms (${served.url}, emulator ${served.emulator.url})`);
    return { workbench, emulator: served.emulator, cleanup };
  } catch (error) {
    await cleanup.run();
    throw error;
  }
}
