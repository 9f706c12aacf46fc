// The scan's findings in the Problems panel: one virtual document per job, graphsync:/servicePrincipals/{id}/jobs/{id}.
// Opening one (a click in the Problems panel) shows the job as the scan read it, from the store.
import * as vscode from 'vscode';
import type { HealthFinding } from '../../health/jobHealth';
import type { ScanRow } from '../../health/scan';
import type { EntityStore } from '../../model/entityStore';

export const jobUriScheme = 'graphsync';

const severities: Record<HealthFinding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  note: vscode.DiagnosticSeverity.Information,
};

export function jobUri(servicePrincipalId: string, jobId: string): vscode.Uri {
  return vscode.Uri.from({
    scheme: jobUriScheme,
    path: `/servicePrincipals/${encodeURIComponent(servicePrincipalId)}/jobs/${encodeURIComponent(jobId)}`,
  });
}

export class HealthDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('graphSync.health');
  private readonly provider: vscode.Disposable;

  constructor(store: EntityStore) {
    this.provider = vscode.workspace.registerTextDocumentContentProvider(jobUriScheme, {
      provideTextDocumentContent: (uri) => {
        const [, , spId, , jobId] = uri.path.split('/').map(decodeURIComponent);
        const read = store.job(spId, jobId);
        return read ? JSON.stringify(read.value, null, 2) : `// Job ${jobId} is no longer known: scan again.`;
      },
    });
  }

  /** The findings of these rows (a batch of a scan); rows without findings clear theirs. */
  add(rows: readonly ScanRow[]): void {
    for (const { servicePrincipal, job, health } of rows) {
      const diagnostics = health.findings.map((finding) => {
        const name = `${servicePrincipal.displayName} (${job.templateId ?? job.id})`;
        const diagnostic = new vscode.Diagnostic(
          new vscode.Range(0, 0, 0, 0),
          `${name}: ${finding.message} ${finding.action}`,
          severities[finding.severity],
        );
        diagnostic.source = 'Graph Sync';
        diagnostic.code = finding.flag;
        return diagnostic;
      });
      this.collection.set(jobUri(servicePrincipal.id, job.id), diagnostics);
    }
  }

  remove(servicePrincipalId: string, jobId: string): void {
    this.collection.delete(jobUri(servicePrincipalId, jobId));
  }

  clear(): void {
    this.collection.clear();
  }

  dispose(): void {
    this.provider.dispose();
    this.collection.dispose();
  }
}
