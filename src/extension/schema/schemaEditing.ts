import * as vscode from 'vscode';
import type { EntityStore } from '../../model/entityStore';
import type { CommandRegistry } from '../commandRegistry';
import type { ConnectionManager } from '../connection';
import type { Ui } from '../ui';
import { SchemaBackups } from './schemaBackups';
import { SchemaDiagnostics } from './schemaDiagnostics';
import { ExpressionAssist } from './expressionAssist';
import { ExpressionLenses } from './expressionLenses';
import { SchemaFileSystem } from './schemaFileSystem';
import { SchemaSaving } from './schemaSave';
import { schemaScheme } from './schemaUris';

/** The schema editor's parts: the graphsync: file system, its checks, its safe save and the backups. */
export class SchemaEditing implements vscode.Disposable {
  readonly files: SchemaFileSystem;
  readonly backups: SchemaBackups;
  readonly diagnostics: SchemaDiagnostics;
  readonly saving: SchemaSaving;
  /** Where Test Expression writes. */
  readonly output = vscode.window.createOutputChannel('Graph Sync: Expressions', 'json');
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    context: vscode.ExtensionContext,
    connection: ConnectionManager,
    store: EntityStore,
    ui: Ui,
    registry: CommandRegistry,
  ) {
    this.files = new SchemaFileSystem(connection);
    this.backups = new SchemaBackups(context.globalStorageUri);
    this.diagnostics = new SchemaDiagnostics(connection);
    this.saving = new SchemaSaving(this.files, this.backups, connection, store, ui, registry);
    this.files.setSaver((uri, text) => this.saving.save(uri, text));
    const assist = new ExpressionAssist();
    const schemaDocuments = { scheme: schemaScheme, language: 'json' };
    this.subscriptions = [
      // A closed document keeps nothing: opening it again reads the server's schema again.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.scheme === schemaScheme) this.files.forget(document.uri);
      }),
      vscode.workspace.onWillSaveTextDocument(({ document, reason }) => {
        if (document.uri.scheme === schemaScheme) this.files.noteSaveReason(document.uri, reason);
      }),
      vscode.languages.registerCompletionItemProvider(schemaDocuments, assist, '[', '(', '"'),
      vscode.languages.registerHoverProvider(schemaDocuments, assist),
      vscode.languages.registerCodeLensProvider({ scheme: schemaScheme, language: 'json' }, new ExpressionLenses()),
    ];
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.diagnostics.dispose();
    this.output.dispose();
    this.files.dispose();
  }
}
