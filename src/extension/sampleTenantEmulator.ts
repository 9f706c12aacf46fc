import * as fs from 'node:fs/promises';
import type * as vscode from 'vscode';
import type { RunningEmulator } from '../emulator';
import { sampleTenant } from '../emulator/sampleTenant';
import { loopbackEndpoint } from '../graph/clouds';

export interface SampleTenantConnection {
  url: string;
  tenantId: string;
  credentials: { clientId: string; clientSecret: string };
  /** Pinned for this extension's own connections: the in-process emulator's CA, or the NODE_EXTRA_CA_CERTS file. */
  trustedCaPem?: string;
}

/**
 * The sample tenant: the project's Graph emulator, started inside the extension host on a free loopback port, or an
 * emulator that is already running (setting graphSync.sampleTenant.endpoint, e.g. `npm run emulator`).
 */
export class SampleTenant {
  private running?: Promise<RunningEmulator>;

  async start(externalEndpoint: string, log: vscode.LogOutputChannel): Promise<SampleTenantConnection> {
    if (externalEndpoint) {
      await this.stop();
      const url = loopbackEndpoint(externalEndpoint).graphUrl;
      // The sample tenant's identity is fixed, so an emulator started elsewhere needs no handshake. Its CA is the file
      // NODE_EXTRA_CA_CERTS names; it is pinned explicitly because VS Code's own fetch does not read that variable.
      const caFile = process.env.NODE_EXTRA_CA_CERTS;
      const trustedCaPem = caFile ? await fs.readFile(caFile, 'utf8').catch(() => undefined) : undefined;
      return { url, tenantId: sampleTenant.tenantId, credentials: sampleTenant.credentials, trustedCaPem };
    }
    if (!this.running) {
      // The emulator is its own bundle (dist/sampleTenantEmulator.js), loaded only when the sample tenant is used.
      // Its sample SCIM app is a real SCIM server, so a job pointed at it provisions for real.
      this.running = import('../emulator').then(({ startEmulator }) => startEmulator({ scimServer: true }));
      this.running.then(
        (emulator) =>
          log.info(
            `Started the sample tenant emulator at ${emulator.url}; its SCIM app serves ${emulator.scim?.baseAddress}.`,
          ),
        () => (this.running = undefined),
      );
    }
    const emulator = await this.running;
    return {
      url: emulator.url,
      tenantId: emulator.tenantId,
      credentials: emulator.credentials,
      trustedCaPem: emulator.tls.caCertPem,
    };
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await (await running?.catch(() => undefined))?.close();
  }
}
