// A finished scan as one result: rows worst first, problems, counts. For callers that want everything at the end
// (the CLI); views render the events of scanTenant as they come.
import { severityRank } from './jobHealth';
import type { ScanEvent, ScanMemory, ScanProblem, ScanProgress, ScanRow } from './scan';

export interface ScanResult {
  /** Worst first (see compareRows). */
  rows: ScanRow[];
  problems: ScanProblem[];
  progress: ScanProgress;
  memory: ScanMemory;
}

/** Severity, then the fewest days left in quarantine, then the app's name and the job id. */
export function compareRows(a: ScanRow, b: ScanRow): number {
  return (
    severityRank(a.health.severity) - severityRank(b.health.severity) ||
    (a.health.quarantine?.daysUntilDisabled ?? Infinity) - (b.health.quarantine?.daysUntilDisabled ?? Infinity) ||
    a.servicePrincipal.displayName.localeCompare(b.servicePrincipal.displayName) ||
    (a.job.id < b.job.id ? -1 : a.job.id > b.job.id ? 1 : 0)
  );
}

export async function collectScan(
  events: AsyncIterable<ScanEvent>,
  onProgress?: (progress: ScanProgress) => void,
): Promise<ScanResult> {
  const rows: ScanRow[] = [];
  const problems: ScanProblem[] = [];
  for await (const event of events) {
    onProgress?.(event.progress);
    if (event.kind === 'rows') rows.push(...event.rows);
    else if (event.kind === 'problem') problems.push(event.problem);
    else if (event.kind === 'done')
      return { rows: rows.sort(compareRows), problems, progress: event.progress, memory: event.memory };
  }
  throw new Error('The scan ended without its final event.');
}

/** True when a job is in quarantine or failing: what `graph-sync scan` exits 1 for. */
export const hasErrors = (rows: readonly ScanRow[]): boolean => rows.some((row) => row.health.severity === 'error');
