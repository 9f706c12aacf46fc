// The emulator's answer to GET /_emulator/scimTraffic/{jobId} (src/emulator/types.ts ScimTraffic), checked field by
// field: what has the wrong shape is kept (shown as it came, or with a stand-in) and named in one problem per kind
// of fault, so a malformed answer still shows everything it holds. Everything it returns is masked (maskSecrets.ts).
import { maskBody, maskHeaders, maskText, maskUrl } from './maskSecrets';

/** One SCIM request of the cycle and its answer, secrets masked. */
export interface TrafficExchange {
  /** Emulator time the request was sent (ISO 8601). */
  at: string;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: unknown;
  /** 0 when the record has none. */
  status: number;
  responseHeaders: Record<string, string>;
  responseBody?: unknown;
  durationMs: number;
}

export interface TrafficCycle {
  servicePrincipalId: string;
  jobId: string;
  cycleId: string;
  began: string;
  ended: string;
  /** Why the cycle stopped early, if it did. */
  failure?: { code: string; message: string };
}

export interface TrafficRecord {
  cycle: TrafficCycle;
  exchanges: TrafficExchange[];
  /** What did not have the documented shape; empty for a well-formed answer. */
  problems: string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Counts each kind of fault once, with the first request it was seen in. */
class Problems {
  private readonly seen = new Map<string, { count: number; first?: number }>();

  note(problem: string, request?: number): void {
    const entry = this.seen.get(problem);
    if (entry) entry.count++;
    else this.seen.set(problem, { count: 1, first: request });
  }

  list(): string[] {
    return [...this.seen].map(([problem, { count, first }]) =>
      first === undefined
        ? problem
        : `${problem} (${count === 1 ? `request ${first}` : `${count} requests, the first is ${first}`})`,
    );
  }
}

export function parseScimTraffic(text: string): TrafficRecord {
  const problems = new Problems();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    problems.note(
      maskText(`The emulator's answer is not JSON (${(error as Error).message}); it begins: ${text.slice(0, 200)}`),
    );
  }
  const record = isObject(body) ? body : {};
  if (body !== undefined && !isObject(body)) problems.note('The answer is not a JSON object.');
  const textField = (name: string, from: Json, fallback = '', request?: number) => {
    const value = from[name];
    if (typeof value === 'string') return maskText(value);
    problems.note(`'${name}' is ${value === undefined ? 'missing' : `not text`}`, request);
    return value === undefined || value === null ? fallback : maskText(JSON.stringify(value));
  };
  const failure = record.failure;
  const cycle: TrafficCycle = {
    servicePrincipalId: textField('servicePrincipalId', record),
    jobId: textField('jobId', record),
    cycleId: textField('cycleId', record),
    began: textField('began', record),
    ended: textField('ended', record),
  };
  if (isObject(failure)) cycle.failure = { code: textField('code', failure), message: textField('message', failure) };
  else if (failure !== null && failure !== undefined) problems.note("'failure' is not an object or null");

  let list: unknown[] = [];
  if (Array.isArray(record.value)) list = record.value;
  else if (body !== undefined) problems.note("'value' (the list of requests) is missing or not a list");
  const exchanges = list.map((item, index) => exchangeOf(item, index + 1, problems, textField));
  return { cycle, exchanges, problems: problems.list() };
}

function exchangeOf(
  item: unknown,
  request: number,
  problems: Problems,
  text: (name: string, from: Json, fallback: string, request: number) => string,
): TrafficExchange {
  if (!isObject(item)) {
    problems.note('A request is not a JSON object; it is shown as its request body', request);
    return {
      at: '',
      method: '?',
      url: '',
      requestHeaders: {},
      requestBody: maskBody(item),
      status: 0,
      responseHeaders: {},
      durationMs: 0,
    };
  }
  const number = (name: string) => {
    const value = item[name];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    problems.note(`'${name}' is ${value === undefined ? 'missing' : 'not a number'}`, request);
    return 0;
  };
  const headers = (name: string) => {
    const value = item[name];
    if (!isObject(value)) {
      problems.note(`'${name}' is ${value === undefined ? 'missing' : 'not an object'}`, request);
      return {};
    }
    const copy: Record<string, string> = {};
    for (const [header, headerValue] of Object.entries(value)) {
      if (typeof headerValue !== 'string') problems.note(`A value of '${name}' is not text`, request);
      copy[header] = typeof headerValue === 'string' ? headerValue : JSON.stringify(headerValue);
    }
    return maskHeaders(copy);
  };
  return {
    at: text('at', item, '', request),
    method: text('method', item, '?', request),
    url: maskUrl(text('url', item, '', request)),
    requestHeaders: headers('requestHeaders'),
    requestBody: maskBody(item.requestBody),
    status: number('status'),
    responseHeaders: headers('responseHeaders'),
    responseBody: maskBody(item.responseBody),
    durationMs: number('durationMs'),
  };
}
