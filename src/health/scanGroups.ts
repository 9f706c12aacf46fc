// The results of a scan as the Provisioning Health view lists them: service principals, worst first, each with its
// jobs, worst first. Rows arrive a batch at a time while the scan runs; the order is kept as they arrive.
import type { ServicePrincipal } from '../graph/types';
import { severityRank, type JobHealth, type Severity } from './jobHealth';
import type { ScanProblem, ScanRow } from './scan';

export interface ScanGroup {
  servicePrincipal: ServicePrincipal;
  /** Worst first, then by template. */
  rows: ScanRow[];
  /** The worst of its jobs. */
  severity: Severity;
}

export class ScanResults {
  private readonly bySp = new Map<string, ScanGroup>();
  private readonly problemList: ScanProblem[] = [];
  private sorted: ScanGroup[] | undefined;

  add(rows: readonly ScanRow[]): void {
    for (const row of rows) {
      let group = this.bySp.get(row.servicePrincipal.id);
      if (!group) {
        group = { servicePrincipal: row.servicePrincipal, rows: [], severity: 'ok' };
        this.bySp.set(row.servicePrincipal.id, group);
      }
      group.rows.push(row);
      group.rows.sort(compareRows);
      group.severity = group.rows[0].health.severity;
    }
    this.sorted = undefined;
  }

  /** The row of this job, if the scan listed it. */
  row(servicePrincipalId: string, jobId: string): ScanRow | undefined {
    return this.bySp.get(servicePrincipalId)?.rows.find((row) => row.job.id === jobId);
  }

  /** A listed job read again (replace its row) or deleted (undefined: drop it) since the scan. */
  update(servicePrincipalId: string, jobId: string, row: ScanRow | undefined): void {
    const group = this.bySp.get(servicePrincipalId);
    if (!group) return;
    group.rows = group.rows.filter((existing) => existing.job.id !== jobId);
    if (row) group.rows.push(row);
    group.rows.sort(compareRows);
    if (group.rows.length === 0) this.bySp.delete(servicePrincipalId);
    else group.severity = group.rows[0].health.severity;
    this.sorted = undefined;
  }

  addProblem(problem: ScanProblem): void {
    this.problemList.push(problem);
  }

  /** Worst first; among equals, by display name. */
  groups(): readonly ScanGroup[] {
    this.sorted ??= [...this.bySp.values()].sort(
      (a, b) =>
        severityRank(a.severity) - severityRank(b.severity) ||
        a.servicePrincipal.displayName.localeCompare(b.servicePrincipal.displayName),
    );
    return this.sorted;
  }

  get problems(): readonly ScanProblem[] {
    return this.problemList;
  }

  /** How many jobs have findings of each severity. */
  counts(): Record<Severity, number> {
    const counts: Record<Severity, number> = { error: 0, warning: 0, note: 0, ok: 0 };
    for (const group of this.bySp.values()) for (const row of group.rows) counts[row.health.severity]++;
    return counts;
  }
}

function compareRows(a: ScanRow, b: ScanRow): number {
  return (
    severityRank(a.health.severity) - severityRank(b.health.severity) ||
    (a.job.templateId ?? '').localeCompare(b.job.templateId ?? '')
  );
}

/**
 * One line of what is wrong with a job, worst first: "quarantine (EncounteredQuarantineException) since 2026-11-20,
 * 12 days until disabled · failing". 'OK' when nothing is.
 */
export function flagSummary(health: JobHealth): string {
  if (health.findings.length === 0) return 'OK';
  return health.findings
    .map((finding) => {
      const q = health.quarantine;
      if (finding.flag !== 'quarantine' || !q) return flagNames[finding.flag];
      const left = q.daysUntilDisabled > 0 ? `${q.daysUntilDisabled} days until disabled` : 'may be disabled already';
      return `quarantine (${q.reason}) since ${q.since.slice(0, 10)}, ${left}`;
    })
    .join(' · ');
}

const flagNames: Record<JobHealth['findings'][number]['flag'], string> = {
  quarantine: 'quarantine',
  failing: 'failing',
  entryErrors: 'entry errors',
  stale: 'stale',
  legacyTemplate: 'legacy template',
  neverStarted: 'never started',
  disabled: 'disabled',
  paused: 'paused',
};
