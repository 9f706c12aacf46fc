// How `graph-sync scan` prints a result: text lines worst first, or one JSON document.
import type { ScanResult } from '../health/scanReport';
import { terminalLine } from './terminalText';

export function scanText(result: ScanResult): string {
  const lines: string[] = [];
  for (const row of result.rows) {
    for (const finding of row.health.findings) {
      lines.push(
        `${finding.severity}: ${terminalLine(row.servicePrincipal.displayName)} [${terminalLine(row.job.id)}]: ${finding.message} ${finding.action}`,
      );
    }
  }
  for (const problem of result.problems) {
    const what =
      problem.kind === 'deleted'
        ? 'deleted during the scan'
        : `not read: ${problem.error.message} (request-id ${problem.error.requestId ?? 'none'})`;
    lines.push(
      `warning: ${terminalLine(problem.servicePrincipal.displayName)} (${problem.servicePrincipal.id}): ${what}`,
    );
  }
  const count = (severity: string) => result.rows.filter((row) => row.health.severity === severity).length;
  const p = result.progress;
  lines.push(
    `${p.servicePrincipalsListed} service principals, ${p.jobsFound} jobs: ${count('error')} with errors, ${count('warning')} with warnings, ` +
      `${count('note')} with notes, ${count('ok')} healthy; ${p.pages} pages + ${p.batches} batches.`,
  );
  return `${lines.join('\n')}\n`;
}

export function scanJson(result: ScanResult, meta: { tenant: string; scannedAt: string; version: string }): string {
  return `${JSON.stringify(
    {
      ...meta,
      progress: result.progress,
      jobs: result.rows.map((row) => ({
        servicePrincipal: {
          id: row.servicePrincipal.id,
          appId: row.servicePrincipal.appId,
          displayName: row.servicePrincipal.displayName,
        },
        job: {
          id: row.job.id,
          templateId: row.job.templateId,
          status: row.job.status.code,
          schedule: row.job.schedule.state,
        },
        severity: row.health.severity,
        findings: row.health.findings,
        quarantine: row.health.quarantine ?? null,
      })),
      problems: result.problems.map((problem) => ({
        servicePrincipal: { id: problem.servicePrincipal.id, displayName: problem.servicePrincipal.displayName },
        kind: problem.kind,
        status: problem.error.status ?? null,
        code: problem.error.code ?? null,
        requestId: problem.error.requestId ?? null,
      })),
    },
    null,
    2,
  )}\n`;
}
