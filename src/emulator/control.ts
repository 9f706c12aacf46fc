// A client for the emulator's control API (/_emulator/...), for test hosts and scripts that run in another process.
// Kept free of server code so that importing it costs nothing.
import * as https from 'node:https';
import type { EmulatorHealth, FaultRule, RequestEntry } from './types';

export class EmulatorControl {
  private readonly base: URL;

  /** `caPem`: trust this CA for these requests only; without it Node's trust store (and NODE_EXTRA_CA_CERTS) applies. */
  constructor(
    url: string,
    private readonly caPem?: string,
  ) {
    this.base = new URL(url.endsWith('/') ? url : `${url}/`);
  }

  health(): Promise<EmulatorHealth> {
    return this.call<EmulatorHealth>('GET', 'health');
  }

  async addFault(rule: FaultRule): Promise<void> {
    await this.call('POST', 'faults', rule);
  }

  async faults(): Promise<FaultRule[]> {
    return (await this.call<{ value: FaultRule[] }>('GET', 'faults')).value;
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', 'faults');
  }

  async requests(): Promise<RequestEntry[]> {
    return (await this.call<{ value: RequestEntry[] }>('GET', 'requests')).value;
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', 'requests');
  }

  async deleteServicePrincipal(id: string): Promise<void> {
    await this.call('DELETE', `servicePrincipals/${encodeURIComponent(id)}`);
  }

  async reset(): Promise<void> {
    await this.call('POST', 'reset');
  }

  private call<T>(method: string, resource: string, body?: unknown): Promise<T> {
    const url = new URL(`_emulator/${resource}`, this.base);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<T>((resolve, reject) => {
      const request = https.request(
        url,
        { method, ca: this.caPem, headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {} },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = response.statusCode ?? 0;
            if (status < 200 || status >= 300) return reject(new Error(`Emulator control ${method} ${url.pathname} answered ${status}: ${text}`));
            resolve((text ? JSON.parse(text) : undefined) as T);
          });
        },
      );
      request.setTimeout(10_000, () => request.destroy(new Error(`Emulator control ${method} ${url.pathname} timed out`)));
      request.on('error', reject);
      request.end(payload);
    });
  }
}
