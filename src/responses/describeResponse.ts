// Turns what came back from Graph (a create outcome, a job read, a failure) into what the response view shows: the
// body validated against the synchronizationJob schema, the request and its ids, the error with what to do, and the
// request as snippets to reproduce it. No vscode import: the same description is unit-tested in plain Node.
import type { CreateJobOutcome } from '../graph/createJob';
import { createExchange } from '../graph/createJob';
import { GraphRequestError } from '../graph/errors';
import type { GraphExchange } from '../graph/exchange';
import { requestSnippets } from '../graph/requestSnippets';
import type { ApiVersion } from '../graph/types';
import { validateResponse } from '../schema';
import type { ResponseExpectation } from '../schema/types';
import type { ResponseViewModel } from '../webview/protocol';

export interface CreateJobTarget {
  servicePrincipalName: string;
  templateId: string;
  version: ApiVersion;
}

export function describeCreateOutcome(target: CreateJobTarget, outcome: CreateJobOutcome): ResponseViewModel {
  const title = `Create job: ${target.templateId} on ${target.servicePrincipalName}`;
  const expectation: ResponseExpectation = { operation: 'createJob', requestedTemplateId: target.templateId };
  switch (outcome.kind) {
    case 'created':
      return describe(title, outcome.response.exchange, target.version, expectation, undefined, createdSummary(outcome));
    case 'createdDespiteError':
      return describe(title, outcome.error.exchange, target.version, expectation, outcome.error, {
        kind: 'warning',
        summary: `The request failed (${outcome.error.message}), but the job list shows the new job ${outcome.job.id}. No second request was sent.`,
      });
    case 'notCreated':
      return describe(title, outcome.error.exchange, target.version, expectation, outcome.error, {
        kind: 'error',
        summary: `No job was created${outcome.checkedJobList ? ' (the job list was read again: there is no new job)' : ''}: ${outcome.error.message}`,
        hint: outcome.error.hint,
      });
    case 'unknown':
      return describe(title, createExchange(outcome), target.version, expectation, outcome.error, {
        kind: 'error',
        summary: `Whether the job was created is unknown: the request failed and the job list could not be read (${outcome.reconcileError.message}).`,
        hint: 'Refresh the service principal and look for the job before creating it again.',
      });
  }
}

export interface JobReadTarget {
  servicePrincipalName: string;
  jobId: string;
  version: ApiVersion;
}

/** A GET of one job: its exchange when it answered, or the failure. */
export function describeJobRead(target: JobReadTarget, result: { exchange: GraphExchange } | GraphRequestError): ResponseViewModel {
  const title = `Job ${target.jobId} on ${target.servicePrincipalName}`;
  const expectation: ResponseExpectation = { operation: 'getJob' };
  if (result instanceof GraphRequestError) {
    return describe(title, result.exchange, target.version, expectation, result, { kind: 'error', summary: `Could not read the job: ${result.message}`, hint: result.hint });
  }
  return describe(title, result.exchange, target.version, expectation, undefined, { kind: 'success', summary: `${result.exchange.status} ${statusText(result.exchange.status)}: job read` });
}

function createdSummary(outcome: Extract<CreateJobOutcome, { kind: 'created' }>): ResponseViewModel['outcome'] {
  const status = `${outcome.response.status} ${statusText(outcome.response.status)}`;
  return outcome.job
    ? { kind: 'success', summary: `${status}: job ${outcome.job.id} created (disabled until you start it)` }
    : { kind: 'warning', summary: `${status}: Graph says the job was created, but its response is not valid JSON`, hint: 'Refresh the service principal to see the job.' };
}

function describe(
  title: string,
  exchange: GraphExchange | undefined,
  version: ApiVersion,
  expectation: ResponseExpectation,
  error: GraphRequestError | undefined,
  outcome: ResponseViewModel['outcome'],
): ResponseViewModel {
  const status = exchange?.status;
  const succeeded = status !== undefined && status >= 200 && status < 300;
  const text = exchange?.responseText ?? '';
  // Only a 2xx body is a synchronizationJob; an error body is shown as it came, without schema findings.
  const validation = succeeded ? validateResponse({ text, type: 'synchronizationJob', version, expectation: { ...expectation, status } }) : undefined;
  const body = validation ?? prettyIfJson(text);
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
      requestId: header(exchange, 'request-id') ?? error?.requestId,
      clientRequestId: header(exchange, 'client-request-id') ?? exchange.requestHeaders['client-request-id'],
      date: header(exchange, 'date') ?? error?.date,
      requestBody: exchange.requestBody,
    },
    error: error && { code: error.code, message: error.graphMessage || error.message, requestId: error.requestId, date: error.date, hint: error.hint },
    body: { text: body.text, parsed: body.parsed, language: body.parsed ? 'json' : 'text' },
    validation: validation && { schema: `synchronizationJob (${version})`, findings: validation.findings, validateMs: validation.timing.validateMs },
    snippets: exchange ? requestSnippets(exchange) : undefined,
  };
}

function prettyIfJson(text: string): { text: string; parsed: boolean } {
  try {
    return { text: JSON.stringify(JSON.parse(text), null, 2), parsed: true };
  } catch {
    return { text, parsed: false };
  }
}

function header(exchange: GraphExchange, name: string): string | undefined {
  const entry = Object.entries(exchange.responseHeaders).find(([key]) => key.toLowerCase() === name);
  return entry?.[1];
}

const statusTexts: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
  409: 'Conflict', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

function statusText(status: number | undefined): string {
  return (status !== undefined && statusTexts[status]) || '';
}
