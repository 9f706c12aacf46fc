// A client for the emulator's control API (/_emulator/...), for test hosts and scripts that run in another process.
// Kept free of server code so that importing it costs nothing.
import * as https from 'node:https';
import type { ScimFault } from './scim/scimServer';
import type { CycleReport, EmulatorHealth, FaultRule, RequestEntry, RequestFilter, RequestStage } from './types';

export interface ClockState {
  mode: 'real' | 'manual';
  /** Emulator time, ISO 8601. */
  now: string;
  cycleSeconds: number;
}

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

  /** Resolves once the emulator has received (or applied) a matching request; waits as long as the caller's test allows. */
  waitForRequest(filter: RequestFilter, stage: RequestStage = 'received'): Promise<RequestEntry> {
    return this.call<RequestEntry>('POST', 'requests/wait', { filter, stage }, 0);
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', 'requests');
  }

  clock(): Promise<ClockState> {
    return this.call<ClockState>('GET', 'clock');
  }

  /** Moves the emulator's clock forward; the cycles and retries that fall due run before this resolves. */
  advanceClock(seconds: number): Promise<ClockState & { timersRun: number }> {
    return this.call('POST', 'clock/advance', { seconds });
  }

  async cycles(): Promise<CycleReport[]> {
    return (await this.call<{ value: CycleReport[] }>('GET', 'cycles')).value;
  }

  /** The sample SCIM server's users: what the jobs provisioned (404 when the emulator runs without it). */
  async scimUsers(): Promise<Record<string, unknown>[]> {
    return (await this.call<{ value: Record<string, unknown>[] }>('GET', 'scim/Users')).value;
  }

  /** Makes the sample SCIM server answer its next matching request(s) with an error (e.g. 429 with Retry-After). */
  async addScimFault(fault: ScimFault): Promise<void> {
    await this.call('POST', 'scim/faults', fault);
  }

  async deleteServicePrincipal(id: string): Promise<void> {
    await this.call('DELETE', `servicePrincipals/${encodeURIComponent(id)}`);
  }

  /** An administrator grants or revokes the sample app's AuditLog.Read.All (or `clientId`'s) until reset. */
  async grantProvisioningLogs(granted: boolean, clientId?: string): Promise<void> {
    await this.call('PUT', 'grants/provisioningLogs', { granted, clientId });
  }

  /** Adds `count` provisioning log entries (up to 100,000) to a job's logs until reset. */
  async seedProvisioningLogs(jobId: string, count: number): Promise<void> {
    await this.call('POST', 'provisioningLogs/seed', { jobId, count });
  }

  async reset(): Promise<void> {
    await this.call('POST', 'reset');
  }

  /** `timeoutMs` 0: no timeout of its own (a long poll). */
  private call<T>(method: string, resource: string, body?: unknown, timeoutMs = 10_000): Promise<T> {
    const url = new URL(`_emulator/${resource}`, this.base);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<T>((resolve, reject) => {
      const request = https.request(
        url,
        {
          method,
          ca: this.caPem,
          headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {},
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = response.statusCode ?? 0;
            if (status < 200 || status >= 300)
              return reject(new Error(`Emulator control ${method} ${url.pathname} answered ${status}: ${text}`));
            resolve((text ? JSON.parse(text) : undefined) as T);
          });
        },
      );
      if (timeoutMs > 0)
        request.setTimeout(timeoutMs, () =>
          request.destroy(new Error(`Emulator control ${method} ${url.pathname} timed out`)),
        );
      request.on('error', reject);
      request.end(payload);
    });
  }
}
