import { batchGet, type BatchResult } from './batch';
import type { CallOptions, GraphClient, GraphResponse } from './client';
import { delay } from './delay';
import { GraphRequestError } from './errors';
import type { RestartScope, SynchronizationJob, SynchronizationTemplate } from './types';

/**
 * The real service inlines each template's whole schema (large) unless told otherwise; the tree needs none of it.
 */
export const templateSelect = 'id,applicationId,default,description,discoverable,factoryTag,metadata';

export const synchronizationPath = (servicePrincipalId: string) =>
  `/servicePrincipals/${encodeURIComponent(servicePrincipalId)}/synchronization`;
export const jobPath = (servicePrincipalId: string, jobId: string) =>
  `${synchronizationPath(servicePrincipalId)}/jobs/${encodeURIComponent(jobId)}`;

export interface ServicePrincipalSynchronization {
  templates: BatchResult<SynchronizationTemplate[]>;
  jobs: BatchResult<SynchronizationJob[]>;
}

/** A service principal's templates and jobs in one round trip ($batch), each with its own success or error. */
export async function getSynchronization(
  client: GraphClient,
  servicePrincipalId: string,
  options: CallOptions = {},
): Promise<ServicePrincipalSynchronization> {
  const base = synchronizationPath(servicePrincipalId);
  const results = await batchGet(
    client,
    [
      { id: 'templates', path: `${base}/templates`, query: { $select: templateSelect } },
      { id: 'jobs', path: `${base}/jobs` },
    ],
    options,
  );
  return { templates: collection(results.get('templates')!), jobs: collection(results.get('jobs')!) };
}

function collection<T>(result: BatchResult<unknown>): BatchResult<T[]> {
  if (!result.ok) return result;
  const value = (result.value as { value?: unknown } | undefined)?.value;
  return Array.isArray(value)
    ? { ok: true, value: value as T[] }
    : {
        ok: false,
        error: new GraphRequestError({ kind: 'malformed', status: 200, graphMessage: 'Expected {"value": [...]}.' }),
      };
}

/** One GET of a service principal's synchronization collection: its templates or its jobs. */
async function listOf<T>(
  client: GraphClient,
  path: string,
  options: CallOptions,
  query?: Record<string, string>,
): Promise<T[]> {
  const page = await client.json<{ value: T[] }>({ method: 'GET', path, query, ...options });
  return page.value;
}

export function listTemplates(
  client: GraphClient,
  servicePrincipalId: string,
  options: CallOptions = {},
): Promise<SynchronizationTemplate[]> {
  return listOf(client, `${synchronizationPath(servicePrincipalId)}/templates`, options, { $select: templateSelect });
}

export function listJobs(
  client: GraphClient,
  servicePrincipalId: string,
  options: CallOptions = {},
): Promise<SynchronizationJob[]> {
  return listOf(client, `${synchronizationPath(servicePrincipalId)}/jobs`, options);
}

/**
 * What interactive callers pass as `eventualConsistencyRetries` when they act on a job the user may just have
 * created or changed: enough tries to ride out Graph catching up, few enough that a real 404 is reported soon.
 */
export const eventualConsistencyRetries = 3;

export interface JobCallOptions extends CallOptions {
  /**
   * Right after a job is created Graph may answer 404 for it for a few moments, and 409 while a previous change is
   * applied. Both mean the request did nothing, so it is safe to send again: this many more tries, a second apart.
   */
  eventualConsistencyRetries?: number;
}

/** GET the job, keeping the raw response (the response view shows and validates it even when it is malformed). */
export function getJob(
  client: GraphClient,
  servicePrincipalId: string,
  jobId: string,
  options: JobCallOptions = {},
): Promise<GraphResponse> {
  return withEventualConsistency(options, () =>
    client.send({ method: 'GET', path: jobPath(servicePrincipalId, jobId), ...callOf(options) }),
  );
}

export type JobAction = 'start' | 'pause';

export async function runJobAction(
  client: GraphClient,
  servicePrincipalId: string,
  jobId: string,
  action: JobAction,
  options: JobCallOptions = {},
): Promise<GraphResponse> {
  return withEventualConsistency(options, () =>
    client.send({ method: 'POST', path: `${jobPath(servicePrincipalId, jobId)}/${action}`, ...callOf(options) }),
  );
}

/** Restart with the given reset scopes (none: a plain restart). */
export async function restartJob(
  client: GraphClient,
  servicePrincipalId: string,
  jobId: string,
  scopes: RestartScope[],
  options: JobCallOptions = {},
): Promise<GraphResponse> {
  const body = { criteria: scopes.length ? { resetScope: scopes.join(', ') } : {} };
  return withEventualConsistency(options, () =>
    client.send({ method: 'POST', path: `${jobPath(servicePrincipalId, jobId)}/restart`, body, ...callOf(options) }),
  );
}

export async function deleteJob(
  client: GraphClient,
  servicePrincipalId: string,
  jobId: string,
  options: JobCallOptions = {},
): Promise<GraphResponse> {
  return withEventualConsistency(options, () =>
    client.send({ method: 'DELETE', path: jobPath(servicePrincipalId, jobId), ...callOf(options) }),
  );
}

const callOf = ({ version, signal }: CallOptions): CallOptions => ({ version, signal });

async function withEventualConsistency(
  options: JobCallOptions,
  send: () => Promise<GraphResponse>,
): Promise<GraphResponse> {
  for (let retriesLeft = options.eventualConsistencyRetries ?? 0; ; retriesLeft--) {
    try {
      return await send();
    } catch (error) {
      const transient =
        error instanceof GraphRequestError && error.kind === 'http' && (error.status === 404 || error.status === 409);
      if (!transient || retriesLeft <= 0) throw error;
      await delay(1000, options.signal);
    }
  }
}
