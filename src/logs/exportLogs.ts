// Provisioning log entries as CSV or JSON, a page at a time: an export of 100,000 entries never holds more than one
// page, and each chunk can be written as soon as its page arrives.
import type { ProvisioningObjectSummary } from '../graph/provisioningLogs';

interface Column {
  header: string;
  value: (entry: ProvisioningObjectSummary) => unknown;
}

/** The columns of the portal's provisioning log download, plus the ids needed to find an entry again. */
export const logColumns: readonly Column[] = [
  { header: 'Date', value: (e) => e.activityDateTime },
  { header: 'Service principal', value: (e) => e.servicePrincipal?.displayName },
  { header: 'Service principal id', value: (e) => e.servicePrincipal?.id },
  { header: 'Job id', value: (e) => e.jobId },
  { header: 'Cycle id', value: (e) => e.cycleId },
  { header: 'Action', value: (e) => e.provisioningAction },
  { header: 'Status', value: (e) => e.provisioningStatusInfo?.status },
  { header: 'Source identity', value: (e) => e.sourceIdentity?.displayName },
  { header: 'Source id', value: (e) => e.sourceIdentity?.id },
  { header: 'Target identity', value: (e) => e.targetIdentity?.displayName },
  { header: 'Target id', value: (e) => e.targetIdentity?.id },
  { header: 'Error code', value: (e) => e.provisioningStatusInfo?.errorInformation?.errorCode },
  { header: 'Reason', value: (e) => e.provisioningStatusInfo?.errorInformation?.reason },
  { header: 'Recommended action', value: (e) => e.provisioningStatusInfo?.errorInformation?.recommendedAction },
  { header: 'Duration (ms)', value: (e) => e.durationInMilliseconds },
  { header: 'Change id', value: (e) => e.changeId },
  { header: 'Id', value: (e) => e.id },
];

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. Tenant text that a
 * spreadsheet would run as a formula (starting with = + - @, tab or carriage return; OWASP "CSV injection") gets a
 * leading apostrophe, so that it shows as text.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;

export const csvHeader = (): string => csvLine(logColumns.map((column) => column.header));

export const csvRows = (entries: readonly ProvisioningObjectSummary[]): string =>
  entries.map((entry) => csvLine(logColumns.map((column) => column.value(entry)))).join('');

/** The CSV file in chunks: the header, then one chunk per page. */
export async function* logsAsCsv(pages: AsyncIterable<readonly ProvisioningObjectSummary[]>): AsyncGenerator<string> {
  yield csvHeader();
  for await (const page of pages) if (page.length) yield csvRows(page);
}

/** A JSON array of the entries as Graph sent them, in chunks: one per page. */
export async function* logsAsJson(pages: AsyncIterable<readonly ProvisioningObjectSummary[]>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const page of pages) {
    if (!page.length) continue;
    yield `${first ? '\n' : ',\n'}${page.map((entry) => JSON.stringify(entry)).join(',\n')}`;
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}
