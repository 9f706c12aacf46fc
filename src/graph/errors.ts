import type { GraphExchange } from './exchange';

/**
 * How a request failed. 'http': Graph answered with an error status. 'network': no answer (refused, reset, DNS, TLS).
 * 'timeout': no answer in time. 'cancelled': the user cancelled. 'malformed': a success status whose body is not JSON.
 * 'signIn': no access token could be had, so nothing was sent. 'foreignLink': a link Graph returned (an
 * @odata.nextLink) points at another origin than the connected endpoint, so it was not followed.
 */
export type GraphFailureKind = 'http' | 'network' | 'timeout' | 'cancelled' | 'malformed' | 'signIn' | 'foreignLink';

export interface GraphErrorDetails {
  kind: GraphFailureKind;
  status?: number;
  /** Graph's `error.code`; code against this, never against the message. */
  code?: string;
  graphMessage?: string;
  requestId?: string;
  clientRequestId?: string;
  date?: string;
  retryAfterSeconds?: number;
  exchange?: GraphExchange;
  /** foreignLink: the link that was refused. */
  link?: string;
  cause?: unknown;
  /** The permissions the call needs, in words (e.g. "Synchronization.ReadWrite.All"): named in the hint of a 401/403. */
  permissions?: string;
}

/** The one error type the Graph layer throws: everything a user needs to understand and report a failure. */
export class GraphRequestError extends Error implements GraphErrorDetails {
  readonly kind: GraphFailureKind;
  readonly status?: number;
  readonly code?: string;
  readonly graphMessage?: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly date?: string;
  readonly retryAfterSeconds?: number;
  readonly exchange?: GraphExchange;
  /** What the user can do about it, in plain words. */
  readonly hint: string;

  constructor(details: GraphErrorDetails) {
    super(summarize(details), { cause: details.cause });
    this.name = 'GraphRequestError';
    this.kind = details.kind;
    this.status = details.status;
    this.code = details.code;
    this.graphMessage = details.graphMessage;
    this.requestId = details.requestId;
    this.clientRequestId = details.clientRequestId;
    this.date = details.date;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.exchange = details.exchange;
    this.hint = hintFor(details);
  }
}

function summarize(d: GraphErrorDetails): string {
  switch (d.kind) {
    case 'http': {
      const what = [d.status, d.code].filter(Boolean).join(' ');
      const message = d.graphMessage ? `: ${d.graphMessage}` : '';
      return `Graph returned ${what}${message}`;
    }
    case 'network':
      return `Graph could not be reached${d.cause instanceof Error ? `: ${describeCause(d.cause)}` : ''}`;
    case 'timeout':
      return 'Graph did not answer in time';
    case 'cancelled':
      return 'The request was cancelled';
    case 'malformed':
      return `Graph answered ${d.status} but the body is not valid JSON`;
    case 'signIn':
      return `Could not get an access token${d.cause instanceof Error ? `: ${d.cause.message}` : ''}`;
    case 'foreignLink':
      return `Graph returned a link to another server (${originOf(d.link)}); it was not followed`;
  }
}

function originOf(link: string | undefined): string {
  try {
    return new URL(link ?? '').origin;
  } catch {
    return 'not a URL';
  }
}

function describeCause(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  const code =
    cause && typeof cause === 'object' && 'code' in cause ? ` (${String((cause as { code: unknown }).code)})` : '';
  return `${error.message}${code}`;
}

const isSynchronizationCall = (d: GraphErrorDetails) => /\/synchronization(\/|$|\?)/.test(d.exchange?.url ?? '');
const isProvisioningLogsCall = (d: GraphErrorDetails) =>
  /\/auditLogs\/provisioning(\/|$|\?)/i.test(d.exchange?.url ?? '');

function hintFor(d: GraphErrorDetails): string {
  switch (d.kind) {
    case 'network':
      return 'Check your network connection, proxy and the cloud setting, then retry.';
    case 'timeout':
      return 'Graph may be slow or unreachable. Retry in a moment; if you were creating a job, refresh first to see whether it was created.';
    case 'cancelled':
      return 'Nothing else to do; run the command again when you are ready.';
    case 'malformed':
      return 'The response is shown as Graph sent it, with its problems listed. Refresh to fetch it again.';
    case 'signIn':
      return 'Sign in again. Check the sign-in method, tenant, client id and cloud settings.';
    case 'foreignLink':
      return 'Only the connected Graph endpoint is asked for more pages. Refresh the list; if it persists, check the cloud setting and any proxy in between.';
    case 'http': {
      const hint = httpHint(d);
      const status = d.status ?? 0;
      return d.permissions && (status === 401 || status === 403) ? `${hint} This call needs ${d.permissions}.` : hint;
    }
  }
}

function httpHint(d: GraphErrorDetails): string {
  const status = d.status ?? 0;
  if (status === 401 && d.code === 'UnknownError' && isSynchronizationCall(d)) {
    return (
      'Graph answers 401 UnknownError on synchronization endpoints when the token lacks Synchronization.ReadWrite.All ' +
      '(Synchronization.Read.All for reading), or when the signed-in user has no Application Administrator or Cloud ' +
      'Application Administrator role (Hybrid Identity Administrator for Cloud Sync). Grant and consent the permission, ' +
      'assign the role, then sign in again.'
    );
  }
  if (status === 403 && isProvisioningLogsCall(d)) {
    return (
      'Provisioning logs need the permission AuditLog.Read.All or ProvisioningLog.Read.All, which ' +
      'Synchronization.ReadWrite.All does not include; delegated sign-in also needs a role that may read them (e.g. ' +
      'Reports Reader or Security Reader). Grant and consent the permission, then sign in again.'
    );
  }
  if (status === 401) {
    return 'The access token was rejected: it may have expired or belong to another cloud or tenant. Sign in again and check the cloud and tenant settings.';
  }
  if (status === 403) return forbiddenHint(d);
  if (status === 404) {
    return 'It does not exist, or Graph has not caught up yet (right after a create or delete). Refresh, and retry in a few seconds.';
  }
  if (status === 409) {
    return 'Another change to this job is still being applied (Graph is eventually consistent). Retry in a few seconds.';
  }
  if (status === 429) {
    const wait = d.retryAfterSeconds !== undefined ? ` ${d.retryAfterSeconds} seconds` : ' a little';
    return `Graph is throttling requests from this app and tenant. Wait${wait} and retry.`;
  }
  if (status === 400) {
    return 'Graph did not accept the request. Read the message above; check the template id and the request body.';
  }
  if (status >= 500) {
    return 'Graph had a problem on its side. Retry later; if it persists, give Microsoft support the request-id.';
  }
  return 'Read the message above; give Microsoft support the request-id if you need help.';
}

/**
 * A refusal that names who makes these jobs ("Jobs from template 'X' are created by the Microsoft Entra Cloud Sync
 * configuration."). Guess: Graph documents no error code for it, so the wording is read; no permission or role would
 * change such an answer, so the hint must not send the user to an administrator.
 */
const madeElsewhere = /\bare (?:created|managed|configured) (?:by|through|in) (?:the )?([^.]+)/i;
const isCreateJobCall = (d: GraphErrorDetails) =>
  d.exchange?.method === 'POST' && /\/synchronization\/jobs\/?(\?|$)/.test(d.exchange.url);

function forbiddenHint(d: GraphErrorDetails): string {
  const elsewhere = madeElsewhere.exec(d.graphMessage ?? '');
  if (elsewhere) {
    return `Graph says these jobs are made by ${elsewhere[1].trim()}, not by a create call: set them up there. No permission or role changes this answer.`;
  }
  if (isCreateJobCall(d)) {
    // FACTS.md, permissions: writes need Synchronization.ReadWrite.All (or Application.ReadWrite.OwnedBy as an owner of
    // the app) and, for a signed-in user, the Application Administrator or Cloud Application Administrator role.
    return 'Graph refused to create a job on this app: the caller may not manage it. Creating a job needs Synchronization.ReadWrite.All (or ownership of the app with Application.ReadWrite.OwnedBy) and, for a signed-in user, the Application Administrator or Cloud Application Administrator role.';
  }
  return 'You are signed in but not allowed to do this. Ask an administrator for the permission and directory role the operation needs.';
}

/** Reads Graph's error envelope `{"error":{"code","message","innerError":{…}}}`; tolerates anything else. */
export function parseErrorEnvelope(text: string | undefined): {
  code?: string;
  message?: string;
  requestId?: string;
  date?: string;
} {
  if (!text) return {};
  try {
    const error = (JSON.parse(text) as { error?: Record<string, unknown> }).error;
    if (!error || typeof error !== 'object') return {};
    const inner = (error.innerError ?? error.innererror) as Record<string, unknown> | undefined;
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return {
      code: str(error.code),
      message: str(error.message),
      requestId: str(inner?.['request-id']),
      date: str(inner?.date),
    };
  } catch {
    return {};
  }
}
