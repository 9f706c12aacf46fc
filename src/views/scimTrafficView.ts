// The SCIM traffic view's model: what the view says about a job's last cycle (or why there is none), the rows of its
// requests as filtered, and one request's details as text. No vscode: tested in Node. Linear in the traffic: a
// cycle of 10,000 users is ~20,000 requests; the search text of each is built once, on the first search.
import type { TrafficExchange, TrafficRecord } from '../scimTraffic/parseScimTraffic';
import type { TrafficReading } from '../scimTraffic/readScimTraffic';
import type { TrafficDetail, TrafficFilter, TrafficRow, TrafficViewState } from '../webview/scimTraffic/protocol';
import { formatTime } from './jobView';

/** A view with nothing to list: what it says, and what to do. */
export function trafficNotice(
  title: string,
  kind: Exclude<TrafficViewState['kind'], 'traffic'>,
  message: string,
  hint?: string,
): TrafficViewState {
  return { title, kind, message, hint, facts: [], problems: [], methods: [], total: 0 };
}

export function describeTraffic(title: string, reading: TrafficReading): TrafficViewState {
  switch (reading.kind) {
    case 'notEmulator':
      return trafficNotice(
        title,
        'unavailable',
        `SCIM traffic comes from the local Graph emulator; ${reading.graphUrl} does not show the requests its provisioning service sends.`,
        'Connect to the sample tenant (Graph Sync: Connect to Sample Tenant) or set graphSync.sampleTenant.endpoint to an emulator on this machine, then open this view again. For a real tenant, the provisioning logs show each entry’s steps.',
      );
    case 'none':
      return trafficNotice(
        title,
        'empty',
        `No cycle has run against a SCIM endpoint yet. ${reading.message}`,
        reading.scimBaseAddress
          ? `Set Credentials… with BaseAddress ${reading.scimBaseAddress} (the sample SCIM server) and the sample SecretToken (README, "The Graph emulator"), start the job, and Refresh after its next cycle.`
          : `This emulator runs without the sample SCIM server: start one with it (npm run emulator -- --scim-server, or npm run sample), point graphSync.sampleTenant.endpoint at it, set the job's BaseAddress to the SCIM server's address and start the job.`,
      );
    case 'traffic':
      return trafficState(title, reading.record);
  }
}

function trafficState(title: string, record: TrafficRecord): TrafficViewState {
  const { cycle, exchanges, problems } = record;
  const methods = [...new Set(exchanges.map((exchange) => exchange.method))].sort();
  const facts: [string, string][] = [
    ['Cycle began', formatTime(cycle.began)],
    ['Ended', formatTime(cycle.ended)],
    ['Requests', String(exchanges.length)],
    ['Cycle', cycle.cycleId],
  ];
  if (cycle.failure) facts.push(['Stopped by', `${cycle.failure.code}: ${cycle.failure.message}`]);
  const failed = exchanges.filter((exchange) => !(exchange.status >= 200 && exchange.status < 300)).length;
  return {
    title,
    kind: 'traffic',
    message:
      exchanges.length === 0
        ? 'The last cycle sent no SCIM request.'
        : `The last cycle sent ${exchanges.length} SCIM request${exchanges.length === 1 ? '' : 's'}${failed ? `, ${failed} answered with an error` : ''}. Secrets are masked.`,
    facts,
    problems,
    methods,
    total: exchanges.length,
  };
}

/** `/scim/Users?filter=userName eq "…"`: the path and query of a request, decoded for reading. */
export function requestPath(url: string): string {
  try {
    const parsed = new URL(url);
    return decodeURIComponent(`${parsed.pathname}${parsed.search}`);
  } catch {
    return url;
  }
}

/** 18:17:31.061: the time of day to the millisecond (a cycle's requests share their date; Graph writes 7 digits). */
const time = (at: string) => /T(\d\d:\d\d:\d\d(\.\d{1,3})?)/.exec(at)?.[1] ?? at;

/** The rows of a cycle's requests that pass a filter; the search text of each request is built once, when first needed. */
export class TrafficList {
  private haystacks?: string[];

  constructor(readonly exchanges: readonly TrafficExchange[]) {}

  rows(filter: TrafficFilter): TrafficRow[] {
    const needle = filter.text.trim().toLowerCase();
    const statusDigit = filter.status ? Number(filter.status[0]) : undefined;
    const rows: TrafficRow[] = [];
    this.exchanges.forEach((exchange, position) => {
      if (filter.method && exchange.method !== filter.method) return;
      if (statusDigit !== undefined && Math.floor(exchange.status / 100) !== statusDigit) return;
      if (needle && !this.haystack(position).includes(needle)) return;
      rows.push({
        index: position + 1,
        time: time(exchange.at),
        method: exchange.method,
        path: requestPath(exchange.url),
        status: exchange.status,
        durationMs: exchange.durationMs,
      });
    });
    return rows;
  }

  /** The request at a 1-based index, for the details pane. */
  detail(index: number): TrafficDetail | undefined {
    const exchange = this.exchanges[index - 1];
    return exchange && describeExchange(exchange, index);
  }

  private haystack(position: number): string {
    this.haystacks ??= this.exchanges.map((exchange) =>
      [
        exchange.method,
        requestPath(exchange.url),
        exchange.status,
        bodyText(exchange.requestBody),
        bodyText(exchange.responseBody),
      ]
        .join('\n')
        .toLowerCase(),
    );
    return this.haystacks[position];
  }
}

/** A body as the view shows it: JSON pretty-printed, text as it came. */
export function bodyText(body: unknown): string {
  if (body === undefined) return '';
  if (typeof body === 'string') return body;
  try {
    return JSON.stringify(body, null, 2);
  } catch (error) {
    return `(${(error as Error).message})`;
  }
}

const headerLines = (headers: Record<string, string>) =>
  Object.entries(headers).map(([name, value]) => `${name}: ${value}`);

export function describeExchange(exchange: TrafficExchange, index: number): TrafficDetail {
  const message = (first: string, headers: Record<string, string>, body: unknown) =>
    [first, ...headerLines(headers), ...(body === undefined ? [] : ['', bodyText(body)])].join('\n');
  return {
    index,
    heading: `${index}. ${exchange.method} ${requestPath(exchange.url)}: ${exchange.status || 'no status'}`,
    request: message(`${exchange.method} ${exchange.url}`, exchange.requestHeaders, exchange.requestBody),
    response: message(
      `${exchange.status || 'no status'} after ${exchange.durationMs} ms (at ${exchange.at})`,
      exchange.responseHeaders,
      exchange.responseBody,
    ),
  };
}
