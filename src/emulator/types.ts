// The emulator's public vocabulary: what callers configure, inject and read back.
import type { ScimExchange } from './provisioning/scimClient';
import type { RunningScimServer } from './scim/scimServer';
import type { DirectoryUser } from './sampleDirectory';

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
  /** Picks the generated service principals' job states (quarantined, failing, stale…); 1 by default. */
  seed?: number;
  /** Reuse a certificate (e.g. one the caller already trusts); generated when absent. */
  tls?: EmulatorTls;
  /** Lifetime of issued access tokens; 3600 by default. */
  tokenLifetimeSeconds?: number;
  /** 'real' (default): time passes by itself. 'manual': time stands still until `clock.advance` (tests). */
  clock?: 'real' | 'manual';
  /** Seconds between synchronization cycles of an active job, and before the first; default 15 (real tenants: 40 min). */
  cycleSeconds?: number;
  /**
   * Start the sample SCIM server (a real SCIM 2.0 app on 127.0.0.1) beside the emulator: the sample tenant's working
   * jobs then save its address as BaseAddress and their cycles provision to it for real.
   */
  scimServer?: boolean;
}

/** A job's last real provisioning cycle: every SCIM request and answer, the bearer masked. */
export interface ScimTraffic {
  servicePrincipalId: string;
  jobId: string;
  cycleId: string;
  began: string;
  ended: string;
  failure: { code: string; message: string } | null;
  value: ScimExchange[];
}

/** One synchronization cycle that ran, as the emulator reports it to listeners and the control API. */
export interface CycleReport {
  servicePrincipalId: string;
  jobId: string;
  /** Emulator time the cycle ended. */
  at: string;
  state: 'Succeeded' | 'Failed' | 'EntryLevelErrors';
  /** The job's status.code and schedule.state after the cycle. */
  statusCode: string;
  scheduleState: string;
}

export interface EmulatorClockControl {
  mode: 'real' | 'manual';
  cycleSeconds: number;
  /** Emulator time, milliseconds since the epoch. */
  now(): number;
  /** Moves time forward, running the cycles and retries that fall due, in order; returns how many ran. */
  advance(ms: number): number;
}

/** The routes under a service principal's /synchronization: an application without synchronization answers 404. */
export const synchronizationRouteNames = [
  'listTemplates',
  'getTemplate',
  'getTemplateSchema',
  'listApplicationTemplates',
  'listJobs',
  'createJob',
  'getJob',
  'deleteJob',
  'startJob',
  'pauseJob',
  'restartJob',
  'getJobSchema',
  'putJobSchema',
  'deleteJobSchema',
  'patchJobSchema',
  'listSchemaFunctions',
  'listFilterOperators',
  'parseExpression',
  'putSecrets',
  'getSecrets',
  'validateCredentials',
  'validateJobCredentials',
  'provisionOnDemand',
] as const;

export const routeNames = [
  'openidConfiguration',
  'token',
  'deviceCode',
  'batch',
  'listServicePrincipals',
  'getServicePrincipal',
  ...synchronizationRouteNames,
  'listUsers',
  'listGroups',
  'countServicePrincipals',
  'listProvisioningLogs',
  'admin',
  'notFound',
] as const;
export type RouteName = (typeof routeNames)[number];

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
  /** notFoundAfterCreate: how long a new job stays invisible (to GET on getJob routes, and left out of listJobs). */
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

/** 'received': the request reached the emulator; 'applied': its route handler ran and answered (a create has made the job), whatever fault follows. */
export type RequestStage = 'received' | 'applied';

export interface RunningEmulator {
  /** https://127.0.0.1:PORT, no trailing slash. */
  url: string;
  tls: EmulatorTls;
  tenantId: string;
  /** An app granted Synchronization.ReadWrite.All and AuditLog.Read.All. */
  credentials: SampleAppCredentials;
  /** An app without synchronization permissions: Graph answers its synchronization calls with 401 UnknownError.
   * It lacks AuditLog.Read.All too: provisioning logs answer it 403. */
  credentialsWithoutSynchronization: SampleAppCredentials;
  faults: { add(rule: FaultRule): void; clear(): void; list(): FaultRule[] };
  requests: {
    entries(): RequestEntry[];
    count(filter?: RequestFilter): number;
    clear(): void;
    /** Resolves once a matching request has reached the emulator (or been applied); tests wait on this, never on time. */
    waitFor(filter: RequestFilter, stage?: RequestStage): Promise<RequestEntry>;
  };
  clock: EmulatorClockControl;
  cycles: {
    /** Calls `listener` after every cycle; returns a function that stops it. */
    onCycle(listener: (report: CycleReport) => void): () => void;
    /** Resolves with the next cycle of this job (of any job when absent). */
    next(jobId?: string): Promise<CycleReport>;
    completed(): CycleReport[];
    /** Resolves when a real cycle of this job waits for a SCIM 429's Retry-After (emulator time it retries at). */
    nextThrottle(jobId: string): Promise<{ retryAt: string }>;
  };
  /** Clears faults, the request log and completed cycles, restores the tenant's jobs and secrets, and the clock's start; issued tokens stay valid. */
  /** The sample SCIM server, when started with `scimServer: true`. */
  scim?: RunningScimServer;
  /** The directory the jobs provision from: change a user (e.g. its department, to take it out of scope) until reset. */
  directory: {
    users(): DirectoryUser[];
    updateUser(id: string, changes: Partial<Omit<DirectoryUser, 'id'>>): boolean;
  };
  /** The SCIM traffic of a job's last real provisioning cycle; undefined before one ran. */
  scimTraffic(jobId: string): ScimTraffic | undefined;
  /** Deletes a service principal and its jobs until reset (as deleting an enterprise app does); false if unknown. */
  deleteServicePrincipal(id: string): boolean;
  /**
   * Grants or revokes an app's AuditLog.Read.All (the sample app's when `clientId` is absent) until reset, as an
   * administrator does: without it provisioning logs answer 403. False if the app is unknown.
   */
  grantProvisioningLogs(granted: boolean, clientId?: string): boolean;
  /** Adds `count` (up to 100,000) provisioning log entries to a job's logs until reset; false if the job is unknown. */
  seedProvisioningLogs(jobId: string, count: number): boolean;
  reset(): void;
  /** Closes the server and every open socket, hung ones included. */
  close(): Promise<void>;
}

export interface EmulatorHealth {
  status: 'ok';
  tenantId: string;
  servicePrincipals: number;
  version: string;
  /** The sample SCIM server's BaseAddress, when it runs (`scimServer: true`). */
  scimBaseAddress?: string;
}
