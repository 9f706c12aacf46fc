// The sample SCIM app: a real SCIM 2.0 server on 127.0.0.1 (HTTP), started with the emulator, where the sample
// tenant's jobs provision to. Protocol by SCIMMY (scimProtocol.ts); this file is the HTTP seam: bearer check,
// routes, faults tests inject (e.g. a 429 with Retry-After), and a log of what it answered.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import SCIMMY from 'scimmy';
import { ScimData, scimResources, type ScimRecord } from './scimProtocol';

export const scimPath = '/scim';
const contentType = 'application/scim+json';

export interface ScimFault {
  status: number;
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
  /** How many requests it answers; 1 when absent. */
  times?: number;
  method?: string;
}

export interface ScimServerRequest {
  method: string;
  path: string;
  status: number;
}

export interface RunningScimServer {
  /** http://127.0.0.1:PORT/scim: the BaseAddress to save as the job's credential. */
  baseAddress: string;
  token: string;
  users(): ScimRecord[];
  groups(): ScimRecord[];
  faults: { add(fault: ScimFault): void; clear(): void };
  requests(): ScimServerRequest[];
  /** Resolves once the server has answered a matching request (tests wait on this, never on time). */
  waitFor(match: (request: ScimServerRequest) => boolean): Promise<ScimServerRequest>;
  /** Forgets every user, group, fault and logged request. */
  reset(): void;
  close(): Promise<void>;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const errorBody = (status: number, detail: string, scimType?: string) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
  status: String(status),
  ...(scimType ? { scimType } : {}),
  detail,
});

async function answer(
  data: ScimData,
  method: string,
  url: URL,
  body: string,
): Promise<{ status: number; body?: unknown }> {
  const { Users, Groups } = scimResources();
  const match = new RegExp(`^${scimPath}/(Users|Groups)(?:/([^/]+))?/?$`).exec(url.pathname);
  if (!match) return { status: 404, body: errorBody(404, `No SCIM resource at ${url.pathname}`) };
  const Resource = match[1] === 'Users' ? Users : Groups;
  const id = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
  const query = url.searchParams;
  const number = (name: string) => (query.has(name) ? Number(query.get(name)) : undefined);
  const json = () => (body ? (JSON.parse(body) as Record<string, unknown>) : {});
  try {
    switch (method) {
      case 'GET': {
        const config = {
          filter: query.get('filter') ?? undefined,
          startIndex: number('startIndex'),
          count: number('count'),
        };
        return { status: 200, body: await new Resource(id, config).read(data) };
      }
      case 'POST':
        if (id !== undefined) break;
        return { status: 201, body: await new Resource().write(json(), data) };
      case 'PUT':
        if (id === undefined) break;
        return { status: 200, body: await new Resource(id).write(json(), data) };
      case 'PATCH': {
        if (id === undefined) break;
        const patched = await new Resource(id).patch(json() as never, data);
        // SCIMMY answers no resource when nothing changed: RFC 7644 §3.5.2 allows 204 then.
        return patched ? { status: 200, body: patched } : { status: 204 };
      }
      case 'DELETE':
        if (id === undefined) break;
        await new Resource(id).dispose(data);
        return { status: 204 };
    }
    return { status: 405, body: errorBody(405, `${method} is not supported on ${url.pathname}`) };
  } catch (error) {
    if (error instanceof SyntaxError) return { status: 400, body: errorBody(400, error.message, 'invalidSyntax') };
    const message = new SCIMMY.Messages.ErrorResponse(error as Error);
    return { status: Number(message.status), body: message };
  }
}

export async function startScimServer(options: {
  token: string;
  now?: () => number;
  port?: number;
}): Promise<RunningScimServer> {
  const data = new ScimData(options.now ?? Date.now);
  let faults: ScimFault[] = [];
  let log: ScimServerRequest[] = [];
  let waiters: { match: (r: ScimServerRequest) => boolean; resolve: (r: ScimServerRequest) => void }[] = [];

  const note = (entry: ScimServerRequest) => {
    log.push(entry);
    const ready = waiters.filter((waiter) => waiter.match(entry));
    waiters = waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve(entry);
  };

  const server = http.createServer((request, response) => {
    void (async () => {
      const method = request.method ?? 'GET';
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const body = await readBody(request);
      const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
        note({ method, path: `${url.pathname}${url.search}`, status });
        response.writeHead(status, payload === undefined ? headers : { 'Content-Type': contentType, ...headers });
        response.end(payload === undefined ? undefined : JSON.stringify(payload));
      };
      if (request.headers.authorization !== `Bearer ${options.token}`)
        return send(401, errorBody(401, 'The bearer token is missing or not valid.'));
      const fault = faults.find((candidate) => !candidate.method || candidate.method === method);
      if (fault) {
        fault.times = (fault.times ?? 1) - 1;
        if (fault.times <= 0) faults = faults.filter((candidate) => candidate !== fault);
        const headers: Record<string, string> =
          fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
        return send(fault.status, errorBody(fault.status, `Fault injected by the test: ${fault.status}.`), headers);
      }
      const result = await answer(data, method, url, body);
      send(result.status, result.body);
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    baseAddress: `http://127.0.0.1:${port}${scimPath}`,
    token: options.token,
    users: () => [...data.users.values()].map((user) => structuredClone(user)),
    groups: () => [...data.groups.values()].map((group) => structuredClone(group)),
    faults: { add: (fault) => faults.push({ ...fault }), clear: () => (faults = []) },
    requests: () => [...log],
    waitFor: (match) =>
      new Promise((resolve) => {
        const seen = log.find(match);
        if (seen) resolve(seen);
        else waiters.push({ match, resolve });
      }),
    reset: () => {
      data.clear();
      faults = [];
      log = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
