// Creating a job is the one write that must never happen twice by accident. The POST is sent exactly once (no
// retry middleware acts on POST). The job list is read just before it, so that "new" means "appeared after this
// request was sent", not after some older list a caller read before a dialog. If the create fails in any way that
// may have left a job behind, the list is read again and the outcome says only what is known: the job is there, or
// several new jobs are (one may be someone else's), or none is visible yet (Graph may still be creating it).
import type { CallOptions, GraphClient, GraphResponse } from './client';
import { delay } from './delay';
import { GraphRequestError } from './errors';
import type { GraphExchange } from './exchange';
import { parseJob } from './parseJob';
import { listJobs, synchronizationPath } from './synchronization';
import type { SynchronizationJob } from './types';

const reconcileReads = 3;
const reconcileIntervalMs = 1500;

/** What is known after a create that failed and may still have taken effect. */
export interface Unresolved {
  error: GraphRequestError;
  /** When the POST was sent. */
  sentAt: Date;
  /** The service principal's job ids read just before the POST. */
  knownJobIds: string[];
}

export type CreateJobOutcome =
  /** Graph answered 2xx. `job` is undefined when the body did not parse; the exchange still holds it. */
  | { kind: 'created'; job?: SynchronizationJob; response: GraphResponse }
  /** Definitely no job: nothing was sent, or Graph refused before doing anything (see `isDefiniteRefusal`). */
  | { kind: 'notCreated'; error: GraphRequestError }
  /** The request failed, but the job list shows exactly one new job from this template since it was sent. */
  | { kind: 'createdDespiteError'; job: SynchronizationJob; error: GraphRequestError }
  /** The request failed and the list shows several new jobs from this template: one is probably ours, others may be someone else's. */
  | ({ kind: 'severalNewJobs'; jobs: SynchronizationJob[] } & Unresolved)
  /** The request failed and no new job is listed yet: Graph may still be creating it. Refresh before creating again. */
  | ({ kind: 'notVisibleYet' } & Unresolved)
  /** The request failed and the job list could not be read either. */
  | ({ kind: 'unknown'; reconcileError: GraphRequestError } & Unresolved);

/**
 * Creates a job from a template. The job list is always read just before the POST (a list read before a dialog may
 * miss someone else's job), so callers pass no list of their own.
 */
export async function createJob(
  client: GraphClient,
  servicePrincipalId: string,
  templateId: string,
  options: CallOptions = {},
): Promise<CreateJobOutcome> {
  const { version, signal } = options;
  let known: Set<string>;
  try {
    known = new Set((await listJobs(client, servicePrincipalId, { version, signal })).map((job) => job.id));
  } catch (error) {
    if (error instanceof GraphRequestError) return { kind: 'notCreated', error };
    throw error;
  }
  const sentAt = new Date();
  let response: GraphResponse;
  try {
    response = await client.send({
      method: 'POST',
      path: `${synchronizationPath(servicePrincipalId)}/jobs`,
      body: { templateId },
      version,
      signal,
    });
  } catch (error) {
    if (!(error instanceof GraphRequestError)) throw error;
    if (isDefiniteRefusal(error)) return { kind: 'notCreated', error };
    const startedAt = error.exchange?.startedAt;
    return reconcile(
      client,
      servicePrincipalId,
      templateId,
      { error, sentAt: startedAt ? new Date(startedAt) : sentAt, knownJobIds: [...known] },
      version,
    );
  }
  return { kind: 'created', job: parseJob(response.text), response };
}

/**
 * Whether a failed create certainly made no job. Nothing sent (sign-in failed, cancelled before sending) or a 4xx
 * that Graph answers while checking the request, before any write: 400 (bad body or template), 401/403 (token,
 * permission, role), 404 (no such service principal), 405, 413, 415. Everything else is read back first: a 429 or
 * 409 may come from a gateway or a retry layer after the write happened (the emulator's `when: "after"` faults
 * produce exactly that), and a 5xx, timeout, reset or cancellation says nothing about what the server did.
 */
const definiteRefusals = new Set([400, 401, 403, 404, 405, 413, 415]);

export function isDefiniteRefusal(error: GraphRequestError): boolean {
  if (error.kind === 'signIn') return true;
  if (error.kind === 'http') return definiteRefusals.has(error.status ?? 0);
  return error.exchange === undefined;
}

/** The exchange of the create request itself, whatever the outcome (what the response view shows). */
export function createExchange(outcome: CreateJobOutcome): GraphExchange | undefined {
  return outcome.kind === 'created' ? outcome.response.exchange : outcome.error.exchange;
}

/** Jobs from the template that are not among the known ids: the ones that appeared since. */
export function newJobsFrom(
  templateId: string,
  knownJobIds: Iterable<string>,
  jobsNow: SynchronizationJob[],
): SynchronizationJob[] {
  const known = new Set(knownJobIds);
  return jobsNow.filter((job) => job.templateId === templateId && !known.has(job.id));
}

async function reconcile(
  client: GraphClient,
  servicePrincipalId: string,
  templateId: string,
  unresolved: Unresolved,
  version: CallOptions['version'],
): Promise<CreateJobOutcome> {
  try {
    // A job created a moment ago may take a little while to be listed, so the list is read a few times.
    for (let read = 1; ; read++) {
      // Deliberately without the caller's signal: after a cancellation the user still needs to know what happened.
      const created = newJobsFrom(
        templateId,
        unresolved.knownJobIds,
        await listJobs(client, servicePrincipalId, { version }),
      );
      if (created.length === 1) return { kind: 'createdDespiteError', job: created[0], error: unresolved.error };
      if (created.length > 1) return { kind: 'severalNewJobs', jobs: created, ...unresolved };
      if (read === reconcileReads) return { kind: 'notVisibleYet', ...unresolved };
      await delay(reconcileIntervalMs);
    }
  } catch (reconcileError) {
    if (!(reconcileError instanceof GraphRequestError)) throw reconcileError;
    return { kind: 'unknown', reconcileError, ...unresolved };
  }
}
