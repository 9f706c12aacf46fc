// JSON batching (POST /$batch). The JSON format is written here rather than with graph-client's
// BatchRequestContent: in 3.0.7 that class needs Request objects, keeps the version segment in inner URLs (Graph
// rejects those) and parses an inner body only for one header casing.
import { type GraphClient, parseJson } from './client';
import { delay } from './delay';
import { GraphRequestError, parseErrorEnvelope } from './errors';
import type { GraphExchange } from './exchange';
import { withQuery } from './queryString';
import type { ApiVersion } from './types';

/** Graph accepts at most 20 requests in one batch. */
export const maxBatchSize = 20;

export interface BatchGet {
  id: string;
  /** Path under the version root, without the version segment. */
  path: string;
  query?: Record<string, string>;
}

export type BatchResult<T> = { ok: true; value: T } | { ok: false; error: GraphRequestError };

interface InnerResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const throttled = new Set([429, 503, 504]);

export interface BatchOptions {
  version?: ApiVersion;
  signal?: AbortSignal;
  /** Rounds of re-sending throttled inner requests (they are GETs, so safe to repeat). */
  maxRetries?: number;
  maxDelaySeconds?: number;
}

/**
 * Sends GETs in one round trip and returns each one's parsed body or error, keyed by id. Inner requests that Graph
 * throttled (429/503/504, each with its own Retry-After) are sent again in a later batch, a bounded number of times.
 */
export async function batchGet(
  client: GraphClient,
  requests: BatchGet[],
  options: BatchOptions = {},
): Promise<Map<string, BatchResult<unknown>>> {
  if (requests.length > maxBatchSize)
    throw new RangeError(`A batch holds at most ${maxBatchSize} requests, not ${requests.length}.`);
  const results = new Map<string, BatchResult<unknown>>();
  let pending = requests;
  for (let round = 0; pending.length > 0; round++) {
    const response = await client.send({
      method: 'POST',
      path: '/$batch',
      version: options.version,
      signal: options.signal,
      body: { requests: pending.map((r) => ({ id: r.id, method: 'GET', url: withQuery(r.path, r.query) })) },
    });
    const inner = parseJson<{ responses?: InnerResponse[] }>(response).responses ?? [];
    const retryable = inner.filter((r) => throttled.has(r.status));
    const canRetry = round < (options.maxRetries ?? 3);
    const waitSeconds = Math.max(0, ...retryable.map((r) => Number(headerOf(r, 'Retry-After') ?? 1)));
    const retrying = canRetry && waitSeconds <= (options.maxDelaySeconds ?? 30);
    for (const item of inner) {
      const request = pending.find((r) => r.id === item.id);
      if (!request || (retrying && throttled.has(item.status))) continue;
      results.set(item.id, resultOf(item, request, response.exchange));
    }
    pending = retrying ? pending.filter((r) => retryable.some((t) => t.id === r.id)) : [];
    if (pending.length > 0) await delay(waitSeconds * 1000, options.signal);
  }
  for (const request of requests) {
    if (!results.has(request.id)) {
      results.set(request.id, {
        ok: false,
        error: new GraphRequestError({
          kind: 'malformed',
          status: 200,
          graphMessage: `The batch response has no answer for request ${request.id}.`,
        }),
      });
    }
  }
  return results;
}

function headerOf(item: InnerResponse, name: string): string | undefined {
  const key = Object.keys(item.headers ?? {}).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? item.headers?.[key] : undefined;
}

function resultOf(item: InnerResponse, request: BatchGet, outer: GraphExchange): BatchResult<unknown> {
  if (item.status >= 200 && item.status < 300) return { ok: true, value: item.body };
  const text = typeof item.body === 'string' ? item.body : JSON.stringify(item.body ?? {});
  const envelope = parseErrorEnvelope(text);
  const retryAfter = Number(headerOf(item, 'Retry-After'));
  return {
    ok: false,
    error: new GraphRequestError({
      kind: 'http',
      status: item.status,
      code: envelope.code,
      graphMessage: envelope.message,
      requestId: envelope.requestId ?? headerOf(item, 'request-id') ?? outer.responseHeaders['request-id'],
      clientRequestId: headerOf(item, 'client-request-id') ?? outer.requestHeaders['client-request-id'],
      date: envelope.date ?? outer.responseHeaders['date'],
      retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined,
      // The inner request's own method and URL, so that the error says (and hints can tell) which call failed.
      exchange: {
        ...outer,
        method: 'GET',
        url: outer.url.replace(/\/\$batch$/, () => withQuery(request.path, request.query)),
        responseText: text,
      },
    }),
  };
}
