// Turns what came back from Graph (a create outcome, a job read, a failure) into what the response view shows: the
// body validated against the synchronizationJob schema, the request and its ids, the error with what to do, and the
// request as snippets to reproduce it. No vscode import: the same description is unit-tested in plain Node.
import { STATUS_CODES } from 'node:http';
import { createExchange, type CreateJobOutcome } from '../graph/createJob';
import { GraphRequestError } from '../graph/errors';
import type { GraphExchange } from '../graph/exchange';
import { parseJob } from '../graph/parseJob';
import { requestSnippets } from '../graph/requestSnippets';
import type { ApiVersion, SynchronizationJob } from '../graph/types';
import { prettyJsonText, validateResponse } from '../schema';
import type { ResponseExpectation } from '../schema/types';
import type { ResponseViewModel } from '../webview/protocol';
import { jobReadOutcome, offersStart } from './jobReadOutcome';

/** Where a request went: the service principal, the API version and the cloud as the status bar names it. */
interface Target {
  servicePrincipalId: string;
  servicePrincipalName: string;
  version: ApiVersion;
  cloud?: string;
}

export interface CreateJobTarget extends Target {
  templateId: string;
}

export function describeCreateOutcome(target: CreateJobTarget, outcome: CreateJobOutcome): ResponseViewModel {
  const title = `Create job: ${target.templateId} on ${target.servicePrincipalName}`;
  const expectation: ResponseExpectation = { operation: 'createJob', requestedTemplateId: target.templateId };
  switch (outcome.kind) {
    case 'created':
      return {
        ...describe(title, outcome.response.exchange, target, expectation, undefined, createdSummary(outcome)),
        job: outcome.job && actionableJob(target, outcome.job.id, outcome.job),
      };
    case 'createdDespiteError':
      return {
        ...describe(title, outcome.error.exchange, target, expectation, outcome.error, {
          kind: 'warning',
          summary: `The request failed (${outcome.error.message}), but the job list shows the new job ${outcome.job.id}. No second request was sent.`,
        }),
        job: actionableJob(target, outcome.job.id, outcome.job),
      };
    case 'notCreated':
      return describe(title, outcome.error.exchange, target, expectation, outcome.error, {
        kind: 'error',
        summary: `No job was created: ${outcome.error.message}`,
        hint: outcome.error.hint,
      });
    case 'severalNewJobs':
      return describe(title, createExchange(outcome), target, expectation, outcome.error, {
        kind: 'warning',
        summary:
          `The request failed (${outcome.error.message}), and the job list shows ${outcome.jobs.length} new jobs from ${target.templateId} ` +
          `since it was sent: ${outcome.jobs.map((job) => job.id).join(', ')}. One is probably this one; the others may be someone else's. No second request was sent.`,
        hint: 'Refresh the service principal, look at the new jobs and delete any you do not want before creating another.',
      });
    case 'notVisibleYet':
      return describe(title, createExchange(outcome), target, expectation, outcome.error, {
        kind: 'warning',
        summary: `Not visible yet: the job may still be created. The request failed (${outcome.error.message}) and the job list, read again, shows no new job yet.`,
        hint: 'Graph may still be creating it. Refresh the service principal in a minute and look for the job before creating it again.',
      });
    case 'unknown':
      return describe(title, createExchange(outcome), target, expectation, outcome.error, {
        kind: 'error',
        summary: `Whether the job was created is unknown: the request failed and the job list could not be read (${outcome.reconcileError.message}).`,
        hint: 'Refresh the service principal and look for the job before creating it again.',
      });
  }
}

export interface JobReadTarget extends Target {
  jobId: string;
  /** The job's short label as the tree shows it (the id is up to ~80 characters); the id when absent. */
  jobLabel?: string;
  /** The time the job's health is judged at (days left in quarantine). */
  now?: Date;
}

/** A GET of one job: its exchange when it answered, or the failure. Either way the job can be read again. */
export function describeJobRead(
  target: JobReadTarget,
  result: { exchange: GraphExchange } | GraphRequestError,
): ResponseViewModel {
  const title = `Job ${target.jobLabel ?? target.jobId} on ${target.servicePrincipalName}`;
  const expectation: ResponseExpectation = { operation: 'getJob' };
  if (result instanceof GraphRequestError) {
    return {
      ...describe(title, result.exchange, target, expectation, result, {
        kind: 'error',
        summary: `Could not read the job: ${result.message}`,
        hint: result.hint,
      }),
      job: actionableJob(target, target.jobId, undefined),
    };
  }
  const job = parseJob(result.exchange.responseText);
  const read = `${result.exchange.status} ${statusText(result.exchange.status)}: job read`;
  return {
    ...describe(
      title,
      result.exchange,
      target,
      expectation,
      undefined,
      jobReadOutcome(job, read, target.now ?? new Date()),
    ),
    job: actionableJob(target, target.jobId, job),
  };
}

/** Start is offered only when the job's state is known and starting it would change something. */
function actionableJob(target: Target, jobId: string, job: JobStateFields | undefined): ResponseViewModel['job'] {
  return {
    servicePrincipalId: target.servicePrincipalId,
    servicePrincipalName: target.servicePrincipalName,
    jobId,
    canStart: offersStart(job),
  };
}

type JobStateFields = Pick<SynchronizationJob, 'schedule' | 'status'>;

function createdSummary(outcome: Extract<CreateJobOutcome, { kind: 'created' }>): ResponseViewModel['outcome'] {
  const status = `${outcome.response.status} ${statusText(outcome.response.status)}`;
  return outcome.job
    ? { kind: 'success', summary: `${status}: job ${outcome.job.id} created (disabled until you start it)` }
    : {
        kind: 'warning',
        summary: `${status}: Graph says the job was created, but its response is not valid JSON`,
        hint: 'Refresh the service principal to see the job.',
      };
}

function describe(
  title: string,
  exchange: GraphExchange | undefined,
  { version, cloud }: Target,
  expectation: ResponseExpectation,
  error: GraphRequestError | undefined,
  outcome: ResponseViewModel['outcome'],
): ResponseViewModel {
  const status = exchange?.status;
  const succeeded = status !== undefined && status >= 200 && status < 300;
  const text = exchange?.responseText ?? '';
  // Only a 2xx body is a synchronizationJob; an error body is shown as it came, without schema findings.
  const validation = succeeded
    ? validateResponse({ text, type: 'synchronizationJob', version, expectation: { ...expectation, status } })
    : undefined;
  const body = validation ?? prettyJsonText(text);
  return {
    title,
    outcome,
    request: exchange && {
      method: exchange.method,
      url: exchange.url,
      status,
      statusText: status === undefined ? 'no response' : statusText(status),
      elapsedMs: exchange.elapsedMs,
      startedAt: exchange.startedAt,
      apiVersion: exchange.apiVersion,
      cloud,
      requestId: exchange.responseHeaders['request-id'] ?? error?.requestId,
      clientRequestId: exchange.responseHeaders['client-request-id'] ?? exchange.requestHeaders['client-request-id'],
      date: exchange.responseHeaders['date'] ?? error?.date,
      requestBody: exchange.requestBody,
    },
    error: error && {
      code: error.code,
      message: error.graphMessage || error.message,
      requestId: error.requestId,
      date: error.date,
      hint: error.hint,
    },
    body: { text: body.text, parsed: body.parsed, language: body.parsed ? 'json' : 'text' },
    validation: validation && {
      schema: `synchronizationJob (${version})`,
      findings: validation.findings,
      validateMs: validation.timing.validateMs,
    },
    snippets: exchange ? requestSnippets(exchange) : undefined,
  };
}

function statusText(status: number | undefined): string {
  return (status !== undefined && STATUS_CODES[status]) || '';
}
