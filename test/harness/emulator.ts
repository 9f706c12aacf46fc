import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator';
import type { Cleanup } from './cleanup';

/** The Graph emulator as a VS Code test host sees it: its CA in a file, the variables and the user settings to use it. */
export interface WiredEmulator {
  emulator: RunningEmulator;
  caFile: string;
  /** For the process that starts VS Code; reaches the extension host. */
  env: Record<string, string>;
  /** User settings that point the extension at the emulator. */
  settings: Record<string, unknown>;
}

/**
 * Starts the emulator on a free loopback port. VS Code trusts it through NODE_EXTRA_CA_CERTS (Node reads that file
 * when the extension host starts), so TLS stays verified end to end. Its clock is manual: a started job stays NotRun
 * until a test advances the clock (EmulatorControl.advanceClock), so no cycle changes a job behind a test's back.
 */
export async function startWiredEmulator(
  cleanup: Cleanup,
  options: EmulatorOptions = { port: 0, clock: 'manual', scimServer: true },
): Promise<WiredEmulator> {
  const emulator = await startEmulator(options);
  cleanup.add('close the emulator', () => emulator.close());
  const caFile = path.join(cleanup.tempDir('emulator-ca'), 'emulator-ca.pem');
  fs.writeFileSync(caFile, emulator.tls.caCertPem);
  return {
    emulator,
    caFile,
    env: { NODE_EXTRA_CA_CERTS: caFile, GRAPH_SYNC_TEST_EMULATOR_URL: emulator.url },
    settings: { 'graphSync.signInMethod': 'sampleTenant', 'graphSync.sampleTenant.endpoint': emulator.url },
  };
}
