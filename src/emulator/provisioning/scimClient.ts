// The provisioning service's side of a SCIM conversation: one request at a time to the app's BaseAddress, with the
// bearer SecretToken, recorded (bearer masked) for the job's "SCIM traffic". Only loopback endpoints are ever called.
// Facts (Learn, "Tutorial: Develop and plan provisioning for a SCIM endpoint in Microsoft Entra ID", and
// "Known issues for application provisioning"): requests carry `Authorization: Bearer <SecretToken>` and
// `Content-Type: application/scim+json`; a 429 is retried after its Retry-After; 5xx failures are retried in a later
// cycle (escrow). How many 429s in a row the service accepts before it gives up is not documented: 3 is a guess.
import * as http from 'node:http';
import * as https from 'node:https';
import type { EmulatorClock } from '../clock';
import { graphTime } from '../clock';

export const scimContentType = 'application/scim+json';
const maxThrottleRetries = 3;

export interface ScimExchange {
  at: string;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: unknown;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody?: unknown;
  /** Milliseconds spent waiting for the answer (wall clock). */
  durationMs: number;
}

export interface ScimAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** A BaseAddress the engine refuses to call (not loopback, or not a URL): the cycle records this error. */
export class RefusedEndpoint extends Error {}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The BaseAddress as a URL, if the engine may call it: http(s) on this machine only (the emulator never calls out). */
export function loopbackBase(baseAddress: string): URL {
  let url: URL;
  try {
    url = new URL(baseAddress);
  } catch {
    throw new RefusedEndpoint(`The BaseAddress '${baseAddress}' is not a URL.`);
  }
  if (!/^https?:$/.test(url.protocol) || !loopbackHosts.has(url.hostname))
    throw new RefusedEndpoint(
      `The emulator only provisions to SCIM endpoints on this machine (127.0.0.1, localhost, [::1]); it refused to call '${url.origin}'.`,
    );
  return url;
}

/**
 * node:http with one keep-alive pool per process (connections are reused across requests and cycles, as fetch's
 * global pool did): fetch cost about 3 times as much per request on loopback, where a cycle spends most of its time.
 */
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

function exchange(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<{ status: number; headers: Record<string, string>; text: string }> {
  const protocol = new URL(url).protocol as keyof typeof agents;
  return new Promise((resolve, reject) => {
    const request = (protocol === 'https:' ? https : http).request(
      url,
      { method, headers, agent: agents[protocol] },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const received: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers))
            if (value !== undefined) received[name] = Array.isArray(value) ? value.join(', ') : value;
          resolve({
            status: response.statusCode ?? 0,
            headers: received,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

export class ScimClient {
  readonly traffic: ScimExchange[] = [];
  /** Total wall-clock time spent waiting for the SCIM server (for the bench). */
  waitedMs = 0;
  private readonly base: string;

  constructor(
    baseAddress: string,
    private readonly secretToken: string,
    private readonly clock: EmulatorClock,
    /** Keep every exchange (a cycle's traffic record); false for the bench's 10,000 users. */
    private readonly record = true,
    /** Told when a 429 makes the client wait (emulator time it retries at): tests advance the clock then. */
    private readonly onThrottled?: (retryAt: number) => void,
  ) {
    this.base = loopbackBase(baseAddress).href.replace(/\/+$/, '');
  }

  async send(method: string, path: string, body?: unknown): Promise<ScimAnswer> {
    for (let attempt = 0; ; attempt++) {
      const answer = await this.once(method, path, body);
      const retryAfter = Number(answer.headers['retry-after'] ?? '1');
      if (answer.status !== 429 || attempt >= maxThrottleRetries) return answer;
      // Retry-After is honoured on the emulator's clock, so tests advance time instead of sleeping.
      const retryAt = this.clock.now() + Math.max(1, retryAfter) * 1000;
      await new Promise<void>((resolve) => {
        this.clock.schedule(retryAt, resolve);
        this.onThrottled?.(retryAt);
      });
    }
  }

  private async once(method: string, path: string, body?: unknown): Promise<ScimAnswer> {
    const url = `${this.base}${path}`;
    const headers: Record<string, string> = { Accept: scimContentType, Authorization: `Bearer ${this.secretToken}` };
    if (body !== undefined) headers['Content-Type'] = scimContentType;
    const began = performance.now();
    const at = graphTime(this.clock.now());
    let status: number;
    let text: string;
    let responseHeaders: Record<string, string> = {};
    try {
      const answer = await exchange(url, method, headers, body === undefined ? undefined : JSON.stringify(body));
      ({ status, text, headers: responseHeaders } = answer);
    } catch (error) {
      // No answer at all (connection refused…): like a 5xx, retried next cycle. 503 stands for it here (guess).
      status = 503;
      text = JSON.stringify({ detail: `No answer from ${url}: ${(error as Error).message}` });
    }
    const durationMs = performance.now() - began;
    this.waitedMs += durationMs;
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: kept as text.
    }
    if (this.record)
      this.traffic.push({
        at,
        method,
        url,
        requestHeaders: { ...headers, Authorization: 'Bearer ****' },
        requestBody: body,
        status,
        responseHeaders,
        responseBody: parsed,
        durationMs: Math.round(durationMs),
      });
    return { status, body: parsed, headers: responseHeaders };
  }
}
