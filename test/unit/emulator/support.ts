// Raw HTTPS access to an emulator for its own tests: real tokens from @azure/identity, the emulator's CA pinned.
import { ClientSecretCredential } from '@azure/identity';
import { Agent, fetch } from 'undici';
import { startEmulator, type RunningEmulator, type SampleAppCredentials } from '../../../src/emulator';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: any;
}

const agents = new WeakMap<RunningEmulator, Agent>();

function agentFor(emulator: RunningEmulator): Agent {
  let agent = agents.get(emulator);
  if (!agent) agents.set(emulator, (agent = new Agent({ connect: { ca: emulator.tls.caCertPem } })));
  return agent;
}

export function credentialFor(
  emulator: RunningEmulator,
  app: SampleAppCredentials = emulator.credentials,
  tenant = emulator.tenantId,
) {
  return new ClientSecretCredential(tenant, app.clientId, app.clientSecret, {
    authorityHost: emulator.url,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: emulator.tls.caCertPem },
  });
}

export async function tokenFor(emulator: RunningEmulator, app?: SampleAppCredentials): Promise<string> {
  const token = await credentialFor(emulator, app).getToken('https://graph.microsoft.com/.default');
  return token.token;
}

export interface RawRequest {
  method?: string;
  token?: string;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
}

/** One request; `path` is absolute or relative to the emulator's URL (e.g. '/v1.0/servicePrincipals'). */
export async function raw(emulator: RunningEmulator, path: string, request: RawRequest = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.token) headers.Authorization = `Bearer ${request.token}`;
  let body: string | undefined;
  if (request.body !== undefined) {
    body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const url = path.startsWith('https://') ? path : `${emulator.url}${path}`;
  const response = await fetch(url, {
    method: request.method ?? 'GET',
    headers,
    body,
    dispatcher: agentFor(emulator),
    signal: request.signal,
  });
  const text = await response.text();
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, key) => (responseHeaders[key] = value));
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: responseHeaders, text, json };
}

/** The Box service principal of the sample tenant. */
export async function boxId(emulator: RunningEmulator, token: string): Promise<string> {
  const page = await raw(emulator, `/v1.0/servicePrincipals?$filter=${encodeURIComponent("displayName eq 'Box'")}`, {
    token,
  });
  return page.json.value[0].id;
}

export interface SampleTenantFixture {
  emulator: RunningEmulator;
  token: string;
  /** The id of the sample tenant's Box service principal. */
  box: string;
}

/** Hooks for a describe block: one emulator with the sample tenant (manual clock) and a token, reset before each test. */
export function sampleTenantFixture(): SampleTenantFixture {
  const fixture = {} as SampleTenantFixture;
  before(async () => {
    fixture.emulator = await startEmulator({ clock: 'manual' });
    fixture.token = await tokenFor(fixture.emulator);
    fixture.box = await boxId(fixture.emulator, fixture.token);
  });
  after(() => fixture.emulator.close());
  beforeEach(() => fixture.emulator.reset());
  return fixture;
}
