import type { TokenCredential } from '@azure/identity';
import { Client, ResponseType, type GraphRequest } from '@microsoft/microsoft-graph-client';
import type { GraphEndpoint } from './clouds';
import { GraphRequestError, parseErrorEnvelope } from './errors';
import type { GraphExchange } from './exchange';
import { withQuery } from './queryString';
import {
  AuthenticationMiddleware,
  ExchangeRecorder,
  FetchMiddleware,
  RequestCapture,
  retryAfterSeconds,
  SafeRetryMiddleware,
  type RequestTrace,
  type RetryPolicy,
} from './middleware';
import type { ApiVersion } from './types';

export interface GraphClientOptions {
  endpoint: GraphEndpoint;
  credential: TokenCredential;
  /** e.g. ['https://graph.microsoft.com/.default'] for app-only, or delegated scopes. */
  scopes: string[];
  defaultVersion: ApiVersion;
  /** Sent explicitly: Node's fetch would otherwise send `*`, and Graph localizes some messages. */
  acceptLanguage: string;
  /** Trust this CA for this client's connections only (the local emulator's self-signed certificate). */
  trustedCaPem?: string;
  /** Per attempt. */
  timeoutMs?: number;
  retry?: RetryPolicy;
  trace?: (event: RequestTrace) => void;
}

/** What every Graph call of this layer takes: the API version (else the client's default) and a cancellation signal. */
export interface CallOptions {
  version?: ApiVersion;
  signal?: AbortSignal;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface GraphRequestSpec {
  method: HttpMethod;
  /** A path under the version root ('/servicePrincipals'), or an absolute @odata.nextLink. */
  path: string;
  version?: ApiVersion;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
  /** What the exchange records as the request body instead of the real one (secrets redacted); the real one is sent. */
  recordedBody?: string;
  /** The permissions the call needs, for the hint of a 401/403 (GraphRequestError.hint). */
  permissions?: string;
}

export interface GraphResponse {
  status: number;
  text: string;
  exchange: GraphExchange;
}

const defaultRetry: RetryPolicy = { maxRetries: 3, maxDelaySeconds: 30 };

/** Microsoft Graph over @microsoft/microsoft-graph-client, with this project's middleware and one error type. */
export class GraphClient {
  readonly endpoint: GraphEndpoint;
  readonly defaultVersion: ApiVersion;
  private readonly client: Client;
  private readonly acceptLanguage: string;
  private readonly origin: string;
  /** fetch with this connection's TLS trust (a pinned CA for the emulator). */
  private readonly transport: typeof fetch;
  private readonly timeoutMs: number;

  constructor(options: GraphClientOptions) {
    this.endpoint = options.endpoint;
    this.defaultVersion = options.defaultVersion;
    this.acceptLanguage = options.acceptLanguage;
    this.origin = new URL(options.endpoint.graphUrl).origin;
    const trace = options.trace ?? (() => undefined);
    const authentication = new AuthenticationMiddleware(options.credential, options.scopes, this.origin);
    const retry = new SafeRetryMiddleware(options.retry ?? defaultRetry, trace);
    const recorder = new ExchangeRecorder(trace);
    authentication.setNext(retry);
    retry.setNext(recorder);
    this.transport = fetchFor(options.trustedCaPem);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    recorder.setNext(new FetchMiddleware(this.transport, this.timeoutMs));
    this.client = Client.initWithMiddleware({
      middleware: authentication,
      baseUrl: options.endpoint.graphUrl,
      defaultVersion: options.defaultVersion,
    });
  }

  /** Sends one request; resolves on 2xx, otherwise throws GraphRequestError (with the exchange when one happened). */
  async send(spec: GraphRequestSpec): Promise<GraphResponse> {
    // An absolute path is a link Graph returned: follow it only to the endpoint this client is connected to.
    if (/^[a-z][a-z\d+.-]*:/i.test(spec.path) && originOf(spec.path) !== this.origin)
      throw new GraphRequestError({ kind: 'foreignLink', link: spec.path });
    const capture = new RequestCapture(spec.version ?? this.defaultVersion);
    capture.recordedBody = spec.recordedBody;
    let request = this.client
      .api(withQuery(spec.path, spec.query))
      .version(capture.apiVersion)
      .headers({ 'Accept-Language': this.acceptLanguage, ...spec.headers })
      .middlewareOptions([capture])
      .responseType(ResponseType.RAW);
    if (spec.signal) request = request.option('signal', spec.signal);

    let response: Response;
    try {
      response = await dispatch(request, spec);
    } catch (error) {
      throw failureOf(capture, error);
    }
    const exchange = capture.exchange as GraphExchange;
    const started = performance.now() - exchange.elapsedMs;
    try {
      exchange.responseText = await response.text();
    } catch (error) {
      const kind = spec.signal?.aborted
        ? 'cancelled'
        : (error as Error).name === 'TimeoutError'
          ? 'timeout'
          : 'network';
      capture.failure = { kind, cause: error };
      throw failureOf(capture, error);
    } finally {
      exchange.elapsedMs = Math.round(performance.now() - started);
    }
    if (!response.ok) throw httpError(exchange, response, spec.permissions);
    return { status: response.status, text: exchange.responseText, exchange };
  }

  /**
   * GET a path of this client's own origin outside Graph's version root: the local emulator's control API
   * (`/_emulator/…`), which real Graph does not have. Same TLS trust as Graph calls; no token (the control API takes
   * none), no retries. Refused for any endpoint that is not on loopback. Answers any status; no answer throws.
   */
  async getFromEmulator(path: string, signal?: AbortSignal): Promise<{ status: number; text: string }> {
    if (!this.endpoint.isLoopback || !path.startsWith('/_emulator/'))
      throw new Error(`Only a local emulator's control API can be read this way, not ${this.origin}${path}.`);
    const timeout = AbortSignal.timeout(this.timeoutMs);
    try {
      const response = await this.transport(`${this.origin}${path}`, {
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      return { status: response.status, text: await response.text() };
    } catch (cause) {
      const kind = signal?.aborted ? 'cancelled' : timeout.aborted ? 'timeout' : 'network';
      throw new GraphRequestError({ kind, cause });
    }
  }

  /** Sends a request and parses its JSON body; a 2xx whose body is not JSON throws a 'malformed' GraphRequestError. */
  async json<T>(spec: GraphRequestSpec): Promise<T> {
    return parseJson<T>(await this.send(spec));
  }
}

export function parseJson<T>(response: GraphResponse): T {
  try {
    return JSON.parse(response.text) as T;
  } catch (cause) {
    throw new GraphRequestError({
      kind: 'malformed',
      status: response.status,
      exchange: response.exchange,
      ...idsOf(response.exchange),
      cause,
    });
  }
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function dispatch(request: GraphRequest, spec: GraphRequestSpec): Promise<Response> {
  switch (spec.method) {
    case 'GET':
      return request.get();
    case 'POST':
      return request.post(spec.body);
    case 'PATCH':
      return request.patch(spec.body);
    case 'PUT':
      return request.put(spec.body);
    case 'DELETE':
      return request.delete();
  }
}

function fetchFor(trustedCaPem: string | undefined): typeof fetch {
  if (!trustedCaPem) return (input, init) => fetch(input, init);
  // undici is loaded only when a CA is pinned (an emulator connection): the extension ships it as a separate file.
  const pinned = import('undici').then(({ Agent, fetch: undiciFetch }) => ({
    undiciFetch,
    dispatcher: new Agent({ connect: { ca: trustedCaPem } }),
  }));
  return (async (input: string, init?: RequestInit) => {
    const { undiciFetch, dispatcher } = await pinned;
    return undiciFetch(input, { ...(init as object), dispatcher });
  }) as unknown as typeof fetch;
}

function idsOf(exchange: GraphExchange | undefined) {
  const headers = exchange?.responseHeaders ?? {};
  return {
    requestId: headers['request-id'],
    clientRequestId: headers['client-request-id'] ?? exchange?.requestHeaders['client-request-id'],
    date: headers['date'],
  };
}

function httpError(exchange: GraphExchange, response: Response, permissions: string | undefined): GraphRequestError {
  const envelope = parseErrorEnvelope(exchange.responseText);
  const ids = idsOf(exchange);
  return new GraphRequestError({
    kind: 'http',
    status: response.status,
    code: envelope.code,
    graphMessage: envelope.message,
    ...ids,
    requestId: ids.requestId ?? envelope.requestId,
    date: ids.date ?? envelope.date,
    retryAfterSeconds: retryAfterSeconds(response),
    exchange,
    permissions,
  });
}

function failureOf(capture: RequestCapture, error: unknown): GraphRequestError {
  if (error instanceof GraphRequestError) return error;
  // The chain records what really went wrong; graph-client hands us only a GraphError that lost the original error.
  const failure = capture.failure ?? { kind: 'network', cause: error };
  return new GraphRequestError({
    kind: failure.kind,
    exchange: capture.exchange,
    ...idsOf(capture.exchange),
    cause: failure.cause,
  });
}
