// Creating a job is the one write that must never happen twice by accident. The POST is sent exactly once (no
// retry middleware acts on POST). If it fails in a way that leaves its effect unknown — no answer, a timeout, a
// reset, a 5xx, or a cancellation after it was sent — the job list is read again and compared with the list from
// before, so the caller is told for certain whether the job exists. Nothing here ever sends a second POST.
import type { GraphClient, GraphResponse } from './client';
import { delay } from './delay';
import { GraphRequestError } from './errors';
import type { GraphExchange } from './exchange';
import type { CallOptions } from './servicePrincipals';
import { listJobs, synchronizationPath } from './synchronization';
import type { SynchronizationJob } from './types';

const reconcileReads = 3;
const reconcileIntervalMs = 1500;

export type CreateJobOutcome =
  /** Graph answered 2xx. `job` is undefined when the body did not parse; the exchange still holds it. */
  | { kind: 'created'; job?: SynchronizationJob; response: GraphResponse }
  /** Graph refused (4xx), or the request failed and the job list shows no new job from this template. */
  | { kind: 'notCreated'; error: GraphRequestError; checkedJobList: boolean }
  /** The request failed or was cancelled after it was sent, but the job list shows the new job. */
  | { kind: 'createdDespiteError'; job: SynchronizationJob; error: GraphRequestError }
  /** A timeout, cancel or 5xx after which the job list shows no job yet: it may still be created. */
  | { kind: 'notVisibleYet'; error: GraphRequestError; sentAt: Date; knownJobIds: string[] }
  /** The request failed ambiguously and the job list could not be read either. */
  | { kind: 'unknown'; error: GraphRequestError; reconcileError: GraphRequestError };

export interface CreateJobOptions extends CallOptions {
  /** The service principal's jobs just before; read first when not given. */
  jobsBefore?: SynchronizationJob[];
}

export async function createJob(client: GraphClient, servicePrincipalId: string, templateId: string, options: CreateJobOptions = {}): Promise<CreateJobOutcome> {
  const { version, signal } = options;
  const jobsBefore = options.jobsBefore ?? (await listJobs(client, servicePrincipalId, { version, signal }));
  let response: GraphResponse;
  try {
    response = await client.send({ method: 'POST', path: `${synchronizationPath(servicePrincipalId)}/jobs`, body: { templateId }, version, signal });
  } catch (error) {
    if (!(error instanceof GraphRequestError)) throw error;
    if (!error.isAmbiguous) return { kind: 'notCreated', error, checkedJobList: false };
    return reconcile(client, servicePrincipalId, templateId, jobsBefore, error, version);
  }
  return { kind: 'created', job: parseJob(response), response };
}

/** The exchange of the create request itself, whatever the outcome (what the response view shows). */
export function createExchange(outcome: CreateJobOutcome): GraphExchange | undefined {
  return outcome.kind === 'created' ? outcome.response.exchange : outcome.error.exchange;
}

async function reconcile(
  client: GraphClient,
  servicePrincipalId: string,
  templateId: string,
  jobsBefore: SynchronizationJob[],
  error: GraphRequestError,
  version: CallOptions['version'],
): Promise<CreateJobOutcome> {
  const known = new Set(jobsBefore.map((job) => job.id));
  try {
    // A job created a moment ago may take a little while to be listed, so the list is read a few times.
    for (let read = 1; ; read++) {
      // Deliberately without the caller's signal: after a cancellation the user still needs to know what happened.
      const jobsAfter = await listJobs(client, servicePrincipalId, { version });
      const created = jobsAfter.find((job) => job.templateId === templateId && !known.has(job.id));
      if (created) return { kind: 'createdDespiteError', job: created, error };
      if (read === reconcileReads) return { kind: 'notCreated', error, checkedJobList: true };
      await delay(reconcileIntervalMs);
    }
  } catch (reconcileError) {
    if (!(reconcileError instanceof GraphRequestError)) throw reconcileError;
    return { kind: 'unknown', error, reconcileError };
  }
}

/** The job in a create or read answer, when the body is one. */
export function parseJob(response: Pick<GraphResponse, 'text'>): SynchronizationJob | undefined {
  try {
    const value = JSON.parse(response.text) as unknown;
    return value && typeof value === 'object' && typeof (value as SynchronizationJob).id === 'string' ? (value as SynchronizationJob) : undefined;
  } catch {
    return undefined;
  }
}
