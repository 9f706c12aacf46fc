import * as vscode from 'vscode';
import { putJobSchema } from '../../graph/schema';
import type { SynchronizationSchema } from '../../graph/schemaTypes';
import type { EntityStore } from '../../model/entityStore';
import type { CommandRegistry } from '../commandRegistry';
import type { ConnectionManager } from '../connection';
import type { JobTarget } from '../jobs/jobTarget';
import type { Ui } from '../ui';
import type { SchemaBackups } from './schemaBackups';
import type { SchemaFileSystem } from './schemaFileSystem';
import { jobOfSchema, schemaTitle, schemaUriOf } from './schemaTargets';

type ConflictChoice = 'overwrite' | 'compare' | 'cancel';

/**
 * Saving a job's schema document: PUT (never PATCH: Graph answers it with 404, FACTS.md "Schema editing"), and only
 * after the server's schema was checked for changes since the document read it (a three-way choice if it changed),
 * backed up to a local file, and shown as a diff the user confirms. Any failure is reported through the command
 * registry and keeps the document dirty: nothing typed is lost.
 */
export class SchemaSaving {
  private readonly saved = new vscode.EventEmitter<JobTarget>();
  /** A job's schema changed on the server through us (save, restore, reset): caches of it are stale. */
  readonly onDidChangeSchema = this.saved.event;

  constructor(
    private readonly files: SchemaFileSystem,
    private readonly backups: SchemaBackups,
    private readonly connection: ConnectionManager,
    private readonly store: EntityStore,
    private readonly ui: Ui,
    private readonly registry: CommandRegistry,
  ) {}

  /** The file system's saver: throws when the schema did not reach Graph, so VS Code keeps the edits. */
  async save(uri: vscode.Uri, text: string): Promise<void> {
    const saved = await this.registry.run('Could not save the schema', () => this.trySave(uri, text));
    if (!saved) throw new Error('The schema was not saved to Graph; your edits are still in the editor.');
  }

  private async trySave(uri: vscode.Uri, text: string): Promise<boolean> {
    const target = jobOfSchema(this.store, uri);
    const schema = parseSchema(text);
    const title = schemaTitle(target);
    const server = await this.ui.progress(`Reading the current ${title}`, () => this.files.readServer(uri));
    const base = this.files.baseOf(uri);
    if (base !== undefined && server !== base) {
      const choice = await this.conflictChoice(title);
      if (choice === 'compare') await this.diff(this.files.snapshot('graph-now', server), uri, 'Graph now ↔ yours');
      if (choice !== 'overwrite') throw new vscode.CancellationError();
    }
    const backup = await this.backups.write(target.servicePrincipal.id, target.job.id, server);
    await this.diff(
      this.files.snapshot('graph', server),
      this.files.snapshot('to-save', text),
      'Graph ↔ what Save sends',
    );
    const confirmed = await this.ui.confirm(
      `Replace the ${title}?`,
      `The diff shows what changes. PUT replaces the whole schema. The current schema is backed up in ${backup.fsPath}; "Restore Schema from Backup…" puts it back.`,
      'Save to Graph',
    );
    if (!confirmed) throw new vscode.CancellationError();
    await this.put(target, schema);
    this.files.setBase(uri, text);
    this.ui.status(`Saved the ${title}; backup: ${backup.fsPath}`);
    return true;
  }

  /** PUTs a whole schema and tells the caches; an open document of it follows when it has no unsaved edits. */
  async put(target: JobTarget, schema: SynchronizationSchema): Promise<void> {
    const { client } = this.connection.requireConnection();
    const version = this.connection.apiVersion;
    await this.ui.progress(`Saving the ${schemaTitle(target)}`, (signal) =>
      putJobSchema(client, target.servicePrincipal.id, target.job.id, schema, { version, signal }),
    );
    this.saved.fire(target);
  }

  /** After a reset or restore: open documents of the job show the server's schema again (unless they have edits). */
  async reload(target: JobTarget): Promise<void> {
    this.saved.fire(target);
    const uri = schemaUriOf(target);
    if (!vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString())) return;
    this.files.setBase(uri, await this.files.readServer(uri), true);
  }

  private async conflictChoice(title: string): Promise<ConflictChoice> {
    const choice = await this.ui.pick<ConflictChoice>(
      [
        {
          label: 'Overwrite',
          detail: 'Replace the schema on the server with yours (a backup is kept)',
          value: 'overwrite',
        },
        {
          label: 'Compare',
          detail: "Open the diff of the server's schema against yours; nothing is saved",
          value: 'compare',
        },
        { label: 'Cancel', detail: 'Nothing is saved; your edits stay in the editor', value: 'cancel' },
      ],
      { title: `The ${title} changed on the server since you opened it`, placeHolder: 'What should Save do?' },
    );
    return choice ?? 'cancel';
  }

  private async diff(left: vscode.Uri, right: vscode.Uri, title: string): Promise<void> {
    await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true });
  }
}

/** The document as a schema object, or an error that says what to fix. */
export function parseSchema(text: string): SynchronizationSchema {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `The schema is not valid JSON (${(error as Error).message}): fix what the Problems panel lists, then save again.`,
      { cause: error },
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Error('The schema must be a JSON object (a synchronizationSchema).');
  return value as SynchronizationSchema;
}
