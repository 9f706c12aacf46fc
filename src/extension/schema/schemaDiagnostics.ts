import * as vscode from 'vscode';
import { checkSchemaDocument } from '../../expressions';
import type { ConnectionManager } from '../connection';
import { schemaResource } from './schemaUris';

const debounceMs = 150;

/**
 * Checks job and template schema documents as they change (debounced: one pass after typing pauses) with
 * checkSchemaDocument, one linear pass on the extension host, into the Problems panel: position, message and the
 * rule id as the code.
 */
export class SchemaDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('graphSync.schema');
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[];
  /** Fires after a document was checked (tests wait on it instead of on time). */
  private readonly checked = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidCheck = this.checked.event;

  constructor(private readonly connection: ConnectionManager) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((document) => this.check(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.cancel(document.uri);
        this.collection.delete(document.uri);
      }),
    ];
    for (const document of vscode.workspace.textDocuments) this.check(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (!isSchemaDocument(document)) return;
    this.cancel(document.uri);
    this.pending.set(
      document.uri.toString(),
      setTimeout(() => this.check(document), debounceMs),
    );
  }

  private cancel(uri: vscode.Uri): void {
    clearTimeout(this.pending.get(uri.toString()));
    this.pending.delete(uri.toString());
  }

  /** Checks now. */
  check(document: vscode.TextDocument): void {
    if (!isSchemaDocument(document) || document.isClosed) return;
    this.pending.delete(document.uri.toString());
    const { findings } = checkSchemaDocument(document.getText(), this.connection.apiVersion);
    this.collection.set(
      document.uri,
      findings.map((finding) => {
        const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
        const severity =
          finding.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
        const diagnostic = new vscode.Diagnostic(range, finding.message, severity);
        diagnostic.source = 'Graph Sync';
        diagnostic.code = finding.rule;
        return diagnostic;
      }),
    );
    this.checked.fire(document.uri);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
    this.checked.dispose();
  }
}

const isSchemaDocument = (document: vscode.TextDocument) => {
  const kind = schemaResource(document.uri)?.kind;
  return kind === 'job' || kind === 'template';
};
