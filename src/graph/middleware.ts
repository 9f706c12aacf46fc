// The graph-client middleware chain this project uses: Authentication → SafeRetry → ExchangeRecorder → Fetch.
// graph-client's own handlers are not used: its AuthenticationHandler sends the token to every national-cloud host
// (we send it only to the configured endpoint's origin), its RetryHandler also retries POSTs and sleeps without
// listening to cancellation, and any error thrown inside the chain reaches the caller as a GraphError that has lost
// the original error. RequestCapture carries what each request needs to report back.
import type { TokenCredential } from '@azure/identity';
import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import { randomUUID } from 'node:crypto';
import { delay } from './delay';
import type { GraphExchange } from './exchange';
import type { GraphFailureKind } from './errors';
import type { ApiVersion } from './types';

export interface RequestTrace {
  method: string;
  url: string;
  attempt: number;
  status?: number;
  elapsedMs: number;
  requestId?: string;
  clientRequestId?: string;
  failure?: string;
  retryInSeconds?: number;
}

/** Per-request state shared by the middleware and GraphClient.send (a graph-client middleware option). */
export class RequestCapture implements MiddlewareOptions {
  attempt = 0;
  exchange?: GraphExchange;
  failure?: { kind: Exclude<GraphFailureKind, 'http' | 'malformed'> | 'signIn'; cause: unknown };
  /** Recorded in the exchange in place of the body sent: secrets never reach the exchange, snippets or views. */
  recordedBody?: string;
  constructor(readonly apiVersion: ApiVersion) {}
}

export interface RetryPolicy {
  maxRetries: number;
  /** A Retry-After longer than this is not waited for: the 429 reaches the caller with its Retry-After. */
  maxDelaySeconds: number;
}

type Next = Middleware;
const captureOf = (context: Context): RequestCapture => {
  const capture = context.middlewareControl?.getMiddlewareOptions(RequestCapture) as RequestCapture | undefined;
  if (!capture) throw new Error('GraphClient requests carry a RequestCapture');
  return capture;
};
const urlOf = (context: Context) => (typeof context.request === 'string' ? context.request : context.request.url);
const headersOf = (context: Context) => {
  const options = (context.options ??= {});
  if (!(options.headers instanceof Headers))
    options.headers = new Headers(options.headers as ConstructorParameters<typeof Headers>[0]);
  return options.headers as Headers;
};

abstract class Link implements Middleware {
  protected next!: Next;
  setNext(next: Next): void {
    this.next = next;
  }
  abstract execute(context: Context): Promise<void>;
}

/** Attaches a bearer token, and only for requests to the endpoint this client was made for. */
export class AuthenticationMiddleware extends Link {
  constructor(
    private readonly credential: TokenCredential,
    private readonly scopes: string[],
    private readonly origin: string,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const headers = headersOf(context);
    headers.delete('Authorization');
    if (new URL(urlOf(context)).origin === this.origin) {
      const abortSignal = context.options?.signal ?? undefined;
      try {
        const token = await this.credential.getToken(this.scopes, { abortSignal });
        if (!token) throw new Error('The credential returned no access token.');
        headers.set('Authorization', `Bearer ${token.token}`);
      } catch (error) {
        captureOf(context).failure = { kind: abortSignal?.aborted ? 'cancelled' : 'signIn', cause: error };
        throw error;
      }
    }
    await this.next.execute(context);
  }
}

const retryableStatuses = new Set([429, 503, 504]);

/** Bounded retries for GET only (safe to repeat), honouring Retry-After; waits end early on cancellation. */
export class SafeRetryMiddleware extends Link {
  constructor(
    private readonly policy: RetryPolicy,
    private readonly trace: (event: RequestTrace) => void,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const capture = captureOf(context);
    const method = (context.options?.method ?? 'GET').toUpperCase();
    for (;;) {
      capture.attempt += 1;
      capture.failure = undefined;
      let thrown: unknown;
      try {
        await this.next.execute(context);
      } catch (error) {
        thrown = error;
      }
      const response = thrown ? undefined : context.response;
      const retryable =
        method === 'GET' &&
        capture.attempt <= this.policy.maxRetries &&
        (thrown ? failureKind(capture) === 'network' : retryableStatuses.has(response?.status ?? 0));
      const delaySeconds = retryAfterSeconds(response) ?? Math.min(2 ** (capture.attempt - 1), 8);
      if (!retryable || delaySeconds > this.policy.maxDelaySeconds) {
        if (thrown) throw thrown;
        return;
      }
      this.trace({ ...traceOf(capture), retryInSeconds: delaySeconds });
      await response?.body?.cancel();
      await this.wait(delaySeconds, context);
    }
  }

  private async wait(seconds: number, context: Context): Promise<void> {
    try {
      await delay(seconds * 1000, context.options?.signal ?? undefined);
    } catch (error) {
      captureOf(context).failure = { kind: 'cancelled', cause: error };
      throw error;
    }
  }
}

// A function, so that TypeScript does not keep the narrowing from before the awaited call that set it.
const failureKind = (capture: RequestCapture) => capture.failure?.kind;

/** Graph sends Retry-After in seconds, sometimes fractional. */
export function retryAfterSeconds(response: Response | undefined): number | undefined {
  const value = response?.headers.get('Retry-After');
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

function traceOf(capture: RequestCapture): RequestTrace {
  const exchange = capture.exchange;
  return {
    method: exchange?.method ?? '?',
    url: exchange?.url ?? '?',
    attempt: capture.attempt,
    status: exchange?.status,
    elapsedMs: exchange?.elapsedMs ?? 0,
    requestId: exchange?.responseHeaders['request-id'],
    clientRequestId: exchange?.requestHeaders['client-request-id'],
    failure: capture.failure
      ? `${capture.failure.kind}: ${String((capture.failure.cause as Error)?.message ?? capture.failure.cause)}`
      : undefined,
  };
}

/** Records each attempt as a GraphExchange (never the Authorization header) and traces it. */
export class ExchangeRecorder extends Link {
  constructor(private readonly trace: (event: RequestTrace) => void) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const capture = captureOf(context);
    const headers = headersOf(context);
    if (!headers.has('client-request-id')) headers.set('client-request-id', randomUUID());
    const requestHeaders: Record<string, string> = {};
    headers.forEach((value, key) => {
      if (key.toLowerCase() !== 'authorization') requestHeaders[key] = value;
    });
    const body = context.options?.body;
    const started = performance.now();
    const exchange: GraphExchange = {
      method: (context.options?.method ?? 'GET').toUpperCase(),
      url: urlOf(context),
      apiVersion: capture.apiVersion,
      requestHeaders,
      requestBody: capture.recordedBody ?? (typeof body === 'string' ? body : undefined),
      responseHeaders: {},
      startedAt: new Date().toISOString(),
      elapsedMs: 0,
    };
    capture.exchange = exchange;
    try {
      await this.next.execute(context);
      const response = context.response as Response;
      exchange.status = response.status;
      response.headers.forEach((value, key) => (exchange.responseHeaders[key] = value));
    } finally {
      exchange.elapsedMs = Math.round(performance.now() - started);
      this.trace(traceOf(capture));
    }
  }
}

/** The end of the chain: one fetch per attempt, with a per-attempt timeout on top of the caller's cancellation. */
export class FetchMiddleware implements Middleware {
  constructor(
    private readonly fetchImpl: typeof fetch,
    private readonly timeoutMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    const callerSignal = context.options?.signal ?? undefined;
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    try {
      context.response = await this.fetchImpl(urlOf(context), { ...(context.options as RequestInit), signal });
    } catch (error) {
      const kind = callerSignal?.aborted ? 'cancelled' : timeout.aborted ? 'timeout' : 'network';
      captureOf(context).failure = { kind, cause: error };
      throw error;
    }
  }
}
