// The emulator's public vocabulary: what callers configure, inject and read back.

export interface SampleAppCredentials {
  clientId: string;
  clientSecret: string;
}

export interface EmulatorTls {
  caCertPem: string;
  certPem: string;
  keyPem: string;
}

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: '127.0.0.1';
  /**
   * How many service principals the tenant has: the sample tenant's own few dozen, topped up with generated ones
   * ("Generated App 00001"…, deterministic). Smaller values (the default) leave the sample tenant as it is.
   */
  servicePrincipalCount?: number;
  /** Reuse a certificate (e.g. one the caller already trusts); generated when absent. */
  tls?: EmulatorTls;
  /** Lifetime of issued access tokens; 3600 by default. */
  tokenLifetimeSeconds?: number;
}

export type RouteName =
  | 'openidConfiguration'
  | 'token'
  | 'deviceCode'
  | 'batch'
  | 'listServicePrincipals'
  | 'getServicePrincipal'
  | 'listTemplates'
  | 'getTemplate'
  | 'getTemplateSchema'
  | 'listApplicationTemplates'
  | 'listJobs'
  | 'createJob'
  | 'getJob'
  | 'deleteJob'
  | 'startJob'
  | 'pauseJob'
  | 'restartJob'
  | 'getJobSchema'
  | 'admin'
  | 'notFound';

export const faultKinds = [
  'latency',
  'throttle',
  'unavailable',
  'gatewayTimeout',
  'reset',
  'hang',
  'malformedJson',
  'notFoundAfterCreate',
  'expireTokens',
] as const;
export type FaultKind = (typeof faultKinds)[number];

export interface FaultRule {
  route: RouteName | '*';
  kind: FaultKind;
  /** How many matching requests it affects; forever when absent. */
  times?: number;
  /** 'before': fail without applying the request (default); 'after': apply it (e.g. create the job), then fail. */
  when?: 'before' | 'after';
  retryAfterSeconds?: number;
  latencyMs?: number;
  /** notFoundAfterCreate: how long a new job stays invisible. */
  durationMs?: number;
}

export interface RequestEntry {
  method: string;
  route: RouteName;
  path: string;
  /** Raw query string without '?'. */
  query: string;
  status?: number;
  inBatch: boolean;
  at: string;
  clientRequestId?: string;
  requestId: string;
  acceptLanguage?: string;
}

export type RequestFilter = Partial<Pick<RequestEntry, 'route' | 'method' | 'inBatch' | 'status'>>;

export interface RunningEmulator {
  /** https://127.0.0.1:PORT, no trailing slash. */
  url: string;
  tls: EmulatorTls;
  tenantId: string;
  /** An app granted Synchronization.ReadWrite.All. */
  credentials: SampleAppCredentials;
  /** An app without synchronization permissions: Graph answers its synchronization calls with 401 UnknownError. */
  credentialsWithoutSynchronization: SampleAppCredentials;
  faults: { add(rule: FaultRule): void; clear(): void; list(): FaultRule[] };
  requests: { entries(): RequestEntry[]; count(filter?: RequestFilter): number; clear(): void };
  /** Clears faults and the request log and restores the tenant's jobs; issued tokens stay valid. */
  reset(): void;
  /** Closes the server and every open socket, hung ones included. */
  close(): Promise<void>;
}

export interface EmulatorHealth {
  status: 'ok';
  tenantId: string;
  servicePrincipals: number;
  version: string;
}
