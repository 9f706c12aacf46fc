// startEmulator: the HTTPS server, reading requests off the socket and writing answers (or not) back.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import { version } from '../../package.json';
import { adminPrefix, handleAdmin, type AdminTarget } from './admin';
import { EmulatorClock } from './clock';
import type { EmulatorContext } from './context';
import { processCall } from './dispatch';
import { errorEnvelope, graphHeaders, type RequestIds } from './errors';
import { jsonContentType, type EmulatorCall, type EmulatorResponse } from './call';
import { FaultStore } from './faults';
import { JobCycles } from './jobCycles';
import { seedProvisioningLogs } from './logSeeding';
import { trafficOf } from './provisioning/records';
import { startScimServer } from './scim/scimServer';
import { RequestLog } from './requestLog';
import { sampleTenant } from './sampleTenant';
import { TenantStore } from './tenantStore';
import { createEmulatorTls } from './tls';
import { TokenIssuer } from './tokens';
import type { CycleReport, EmulatorOptions, RunningEmulator } from './types';

/** Short cycles by default, so that the sample tenant shows a job's first cycle while one watches. */
export const defaultCycleSeconds = 15;

/**
 * 4 MB: the request size Graph documents for JSON batching and for attachments sent in one request; for the
 * synchronization endpoints no limit is documented, so applying it here (and the 413 code below) is a guess.
 */
export const maxBodyBytes = 4 * 1024 * 1024;
const loopbackHost = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

/** The body as text, or undefined when it is over the limit: the rest is read and dropped, so the client gets its 413. */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    request.on('end', () => resolve(size > maxBodyBytes ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, ids: RequestIds, answer: EmulatorResponse): void {
  if (answer.transport === 'reset') {
    response.socket?.destroy();
    return;
  }
  // 'hang': leave the request open; close() destroys the socket.
  if (answer.transport === 'hang') return;
  const headers: Record<string, string> = { ...graphHeaders(ids), ...answer.headers };
  let text: string | undefined;
  if (answer.body !== undefined) {
    text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    headers['Content-Type'] ??= jsonContentType;
  }
  if (response.destroyed) return;
  response.writeHead(answer.status, headers);
  response.end(text);
}

function contextFor(options: EmulatorOptions): EmulatorContext {
  const { tenantId, credentials, credentialsWithoutSynchronization } = sampleTenant;
  const store = new TenantStore(tenantId, options.servicePrincipalCount ?? 0, options.seed ?? 1);
  const clock = new EmulatorClock(options.clock ?? 'real');
  const cycleSeconds = options.cycleSeconds ?? defaultCycleSeconds;
  // A zero interval would make every cycle schedule the next one at the same instant, forever.
  if (!(cycleSeconds > 0)) throw new RangeError(`cycleSeconds must be positive, not ${cycleSeconds}.`);
  return {
    store,
    clock,
    cycles: new JobCycles(clock, store, cycleSeconds * 1000),
    tokens: new TokenIssuer(tenantId, options.tokenLifetimeSeconds ?? 3600),
    faults: new FaultStore(),
    log: new RequestLog(),
    apps: new Map([
      [
        credentials.clientId,
        {
          ...credentials,
          displayName: 'Graph Sync Explorer sample app',
          synchronization: true,
          provisioningLogs: true,
        },
      ],
      [
        credentialsWithoutSynchronization.clientId,
        {
          ...credentialsWithoutSynchronization,
          displayName: 'Graph Sync Explorer reader app',
          synchronization: false,
          provisioningLogs: false,
        },
      ],
    ]),
  };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const tls = options.tls ?? (await createEmulatorTls());
  const context = contextFor(options);
  const logGrants = [...context.apps].map(([clientId, app]) => [clientId, app.provisioningLogs] as const);
  const scim = options.scimServer
    ? await startScimServer({ token: sampleTenant.scimCredentials.SecretToken, now: () => context.clock.now() })
    : undefined;
  if (scim) {
    context.store.scimServerBaseAddress = scim.baseAddress;
    context.store.reset(context.clock.now());
  }
  context.cycles.followAll();
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  let url = '';

  const emulator: RunningEmulator = {
    url,
    tls,
    tenantId: sampleTenant.tenantId,
    credentials: sampleTenant.credentials,
    credentialsWithoutSynchronization: sampleTenant.credentialsWithoutSynchronization,
    faults: {
      add: (rule) => context.faults.add(rule),
      clear: () => context.faults.clear(),
      list: () => context.faults.list(),
    },
    requests: {
      entries: () => context.log.entries(),
      count: (filter) => context.log.count(filter),
      clear: () => context.log.clear(),
      waitFor: (filter, stage) => context.log.waitFor(filter, stage),
    },
    clock: {
      mode: context.clock.mode,
      cycleSeconds: context.cycles.cycleMs / 1000,
      now: () => context.clock.now(),
      advance: (ms) => context.clock.advance(ms),
    },
    cycles: {
      onCycle: (listener) => context.cycles.onCycle(listener),
      next: (jobId) =>
        new Promise<CycleReport>((resolve) => {
          const stop = context.cycles.onCycle((report) => {
            if (jobId !== undefined && report.jobId !== jobId) return;
            stop();
            resolve(report);
          });
        }),
      completed: () => context.cycles.completed(),
      nextThrottle: (jobId) =>
        new Promise((resolve) => {
          const stop = context.cycles.onThrottled((throttled, retryAt) => {
            if (throttled !== jobId) return;
            stop();
            resolve({ retryAt: new Date(retryAt).toISOString() });
          });
        }),
    },
    scim,
    directory: {
      users: () => context.store.directory.users.map((user) => ({ ...user })),
      updateUser: (id, changes) => {
        const user = context.store.directory.users.find((candidate) => candidate.id === id);
        if (user) Object.assign(user, changes, { id });
        return user !== undefined;
      },
    },
    scimTraffic: (jobId) => {
      const record = context.store.provisioning.get(jobId);
      return record && trafficOf(record);
    },
    deleteServicePrincipal: (id) => context.store.deleteServicePrincipal(id),
    grantProvisioningLogs: (granted, clientId = sampleTenant.credentials.clientId) => {
      // Checked on every request (dispatch.ts): as if the app's token were renewed at once. Real Graph reads the
      // roles in the token, so a change reaches the tokens issued after it (guess: the emulator does not wait).
      const app = context.apps.get(clientId);
      if (app) app.provisioningLogs = granted;
      return app !== undefined;
    },
    seedProvisioningLogs: (jobId, count) => seedProvisioningLogs(context.store, jobId, count, context.clock.now()),
    reset: () => {
      scim?.reset();
      context.faults.clear();
      context.log.clear();
      context.cycles.reset();
      context.clock.reset();
      context.store.reset(context.clock.now());
      context.cycles.followAll();
      for (const [clientId, granted] of logGrants) context.apps.get(clientId)!.provisioningLogs = granted;
    },
    close: () => close(),
  };
  const admin: AdminTarget = { ...emulator, servicePrincipalCount: context.store.servicePrincipals.length, version };

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const header = (name: string) => [request.headers[name]].flat()[0];
    const requestId = randomUUID();
    // Without a client-request-id Graph answers with one equal to its request-id (FACTS.md, captured).
    const ids = { requestId, clientRequestId: header('client-request-id') ?? requestId };
    try {
      const target = new URL(request.url ?? '/', url);
      const body = await readBody(request);
      if (body === undefined) {
        const message = `The request body is larger than ${maxBodyBytes} bytes.`;
        return send(response, ids, { status: 413, body: errorEnvelope('RequestEntityTooLarge', message, ids) });
      }
      if (target.pathname.startsWith(adminPrefix))
        return send(response, ids, await handleAdmin(admin, request.method ?? 'GET', target.pathname, body));
      const hostHeader = header('host') ?? '';
      const headers: Record<string, string | undefined> = {};
      for (const name of Object.keys(request.headers)) headers[name] = header(name);
      const call: EmulatorCall = {
        method: request.method ?? 'GET',
        path: target.pathname,
        rawQuery: target.search.slice(1),
        headers,
        body,
        inBatch: false,
        // Links point where the client connected (127.0.0.1 or localhost), never at a host a client made up.
        origin: loopbackHost.test(hostHeader) ? `https://${hostHeader}` : url,
        ids,
      };
      send(response, ids, await processCall(context, call));
    } catch (error) {
      send(response, ids, {
        status: 500,
        body: errorEnvelope('InternalServerError', `The emulator failed: ${(error as Error).message}`, ids),
      });
    }
  }

  const server = https.createServer(
    { key: tls.keyPem, cert: `${tls.certPem}\n${tls.caCertPem}` },
    (request, response) => void serve(request, response),
  );
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A client that drops a connection mid-handshake is not the emulator's problem.
  server.on('tlsClientError', () => undefined);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  url = `https://${host}:${typeof address === 'object' && address ? address.port : options.port}`;
  emulator.url = url;

  let closing: Promise<void> | undefined;
  function close(): Promise<void> {
    context.clock.stop();
    closing ??= Promise.all([
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
      scim?.close(),
    ]).then(() => undefined);
    return closing;
  }
  return emulator;
}
