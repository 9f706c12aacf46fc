// POST /$batch (JSON batching): up to 20 requests with relative URLs, answered together. Inner requests reuse the
// outer request's token and go through the same routes, faults and log as requests of their own.
import { randomUUID } from 'node:crypto';
import { badRequest, errorEnvelope, parseJsonBody } from '../errors';
import { ok, type EmulatorCall, type EmulatorResponse, type RoutedCall } from '../call';

export const maxBatchRequests = 20;

interface InnerRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

function innerRequests(body: string): InnerRequest[] {
  const requests = (parseJsonBody(body, 'Invalid batch payload format.') as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests) || requests.length === 0)
    throw badRequest('Invalid batch payload format: "requests" must be a non-empty array.');
  if (requests.length > maxBatchRequests)
    throw badRequest(`The number of batch requests ${requests.length} exceeds the limit of ${maxBatchRequests}.`);
  const ids = new Set<string>();
  for (const request of requests as Partial<InnerRequest>[]) {
    if (!request || typeof request.id !== 'string' || request.id === '')
      throw badRequest('Every batch request needs a non-empty string "id".');
    if (ids.has(request.id)) throw badRequest(`Batch request id '${request.id}' is used more than once.`);
    ids.add(request.id);
    if (typeof request.method !== 'string' || typeof request.url !== 'string')
      throw badRequest(`Batch request '${request.id}' needs "method" and "url".`);
  }
  return requests as InnerRequest[];
}

function innerCall(outer: RoutedCall, request: InnerRequest): EmulatorCall | undefined {
  const relative = request.url.replace(/^\//, '');
  // Graph wants URLs relative to the version root: no scheme, host or version segment.
  if (/^[a-z]+:/i.test(relative) || /^(v1\.0|beta)(\/|$)/i.test(relative)) return undefined;
  const [path, rawQuery = ''] = relative.split(/\?(.*)/s);
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = String(value);
  headers.authorization = outer.headers.authorization;
  return {
    method: request.method.toUpperCase(),
    path: `/${outer.version}/${path}`,
    rawQuery,
    headers,
    body:
      request.body === undefined ? '' : typeof request.body === 'string' ? request.body : JSON.stringify(request.body),
    inBatch: true,
    origin: outer.origin,
    ids: { requestId: randomUUID(), clientRequestId: headers['client-request-id'] ?? outer.ids.clientRequestId },
  };
}

function innerResponse(request: InnerRequest, call: EmulatorCall | undefined, response: EmulatorResponse | undefined) {
  const ids = call?.ids ?? { requestId: randomUUID(), clientRequestId: '' };
  if (!call || !response) {
    return {
      id: request.id,
      status: 400,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: errorEnvelope(
        'BadRequest',
        `Invalid request URL '${request.url}': use a URL relative to the version root.`,
        ids,
      ),
    };
  }
  if (response.transport) {
    // A dropped or hung inner request cannot take the whole batch down: Graph reports it as a gateway timeout.
    return {
      id: request.id,
      status: 504,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: errorEnvelope('GatewayTimeout', 'The request timed out.', ids),
    };
  }
  const headers: Record<string, string> = { ...response.headers };
  if (response.body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8';
  return {
    id: request.id,
    status: response.status,
    headers,
    ...(response.body === undefined ? {} : { body: response.body }),
  };
}

export async function handleBatch(
  outer: RoutedCall,
  process: (call: EmulatorCall) => Promise<EmulatorResponse>,
): Promise<EmulatorResponse> {
  const requests = innerRequests(outer.body);
  const run = async (request: InnerRequest) => {
    const call = innerCall(outer, request);
    return innerResponse(request, call, call && (await process(call)));
  };
  // With dependencies Graph runs the requests in order; otherwise in parallel.
  const sequential = requests.some((request) => request.dependsOn?.length);
  const responses = [];
  if (sequential) for (const request of requests) responses.push(await run(request));
  else responses.push(...(await Promise.all(requests.map(run))));
  return ok({ responses });
}
