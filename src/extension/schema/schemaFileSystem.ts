import * as vscode from 'vscode';
import { getJobSchema, getTemplateSchema } from '../../graph/schema';
import type { SynchronizationSchema } from '../../graph/schemaTypes';
import type { ConnectionManager } from '../connection';
import { schemaResource, schemaScheme, snapshotUri } from './schemaUris';

/** The text an editor shows for a schema: pretty JSON without the read-only OData annotations. */
export function schemaText(schema: SynchronizationSchema | Record<string, unknown>): string {
  const withoutAnnotations = Object.fromEntries(Object.entries(schema).filter(([key]) => !key.startsWith('@odata.')));
  return `${JSON.stringify(withoutAnnotations, null, 2)}\n`;
}

/** Saves a job's schema document to Graph; throws (and so keeps the document dirty) when it did not. */
export type SchemaSaver = (uri: vscode.Uri, text: string) => Promise<void>;

interface Entry {
  bytes: Uint8Array;
  mtime: number;
}

const encoder = new TextEncoder();

/**
 * Serves graphsync: documents. A job's schema is read from Graph when a document opens it; what was read is the
 * "base" that a save compares with the server's current schema (someone else may have changed it). Writing a job's
 * schema hands the text to the saver (backup, diff, confirmation, PUT). Templates and snapshots are read-only.
 */
export class SchemaFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly entries = new Map<string, Entry>();
  /** The server's schema text (schemaText) when each job document was read or last saved. */
  private readonly bases = new Map<string, string>();
  private snapshots = 0;
  /** Why each document is being saved (onWillSaveTextDocument comes before writeFile). */
  private readonly saveReasons = new Map<string, vscode.TextDocumentSaveReason>();
  private saver?: SchemaSaver;
  private readonly registration: vscode.Disposable;

  constructor(private readonly connection: ConnectionManager) {
    this.registration = vscode.workspace.registerFileSystemProvider(schemaScheme, this, { isCaseSensitive: true });
  }

  setSaver(saver: SchemaSaver): void {
    this.saver = saver;
  }

  /** The server's schema as this document last knew it. */
  baseOf(uri: vscode.Uri): string | undefined {
    return this.bases.get(uri.toString());
  }

  /**
   * The server now has `text`: after a save (the document already shows it), or after a reset (`notify`: an open
   * document without unsaved edits reloads it).
   */
  setBase(uri: vscode.Uri, text: string, notify = false): void {
    this.bases.set(uri.toString(), text);
    this.put(uri, text);
    if (notify) this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  /** A read-only document with this text, for diffs. */
  snapshot(name: string, text: string): vscode.Uri {
    const uri = snapshotUri(String(++this.snapshots), name);
    this.put(uri, text);
    return uri;
  }

  /** Reads a job's or template's schema from Graph now (not from what a document holds). */
  async readServer(uri: vscode.Uri): Promise<string> {
    const resource = schemaResource(uri);
    const { client } = this.connection.requireConnection();
    const version = this.connection.apiVersion;
    if (resource?.kind === 'job')
      return schemaText((await getJobSchema(client, resource.servicePrincipalId, resource.jobId, { version })).schema);
    if (resource?.kind === 'template')
      return schemaText(
        (await getTemplateSchema(client, resource.servicePrincipalId, resource.templateId, { version })).schema,
      );
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  /** A job's or template's schema is read on the first stat, so that stat and readFile agree on size and time. */
  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const resource = schemaResource(uri);
    if (!resource) throw vscode.FileSystemError.FileNotFound(uri);
    if (resource.kind !== 'snapshot') await this.readFile(uri);
    const entry = this.entries.get(uri.toString());
    if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
    return {
      type: vscode.FileType.File,
      ctime: 0,
      mtime: entry.mtime,
      size: entry.bytes.length,
      permissions: resource.kind === 'job' ? undefined : vscode.FilePermission.Readonly,
    };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const resource = schemaResource(uri);
    const key = uri.toString();
    if (resource?.kind === 'snapshot') {
      const entry = this.entries.get(key);
      if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
      return entry.bytes;
    }
    const cached = this.entries.get(key);
    if (cached && this.bases.has(key)) return cached.bytes;
    const text = await this.readServer(uri);
    this.bases.set(key, text);
    return this.put(uri, text).bytes;
  }

  /**
   * Opening a document again reads the server again. The last text and its time stay, so that a read of the same
   * schema keeps its time (VS Code also closes and reopens a document when its language changes).
   */
  forget(uri: vscode.Uri): void {
    this.bases.delete(uri.toString());
  }

  noteSaveReason(uri: vscode.Uri, reason: vscode.TextDocumentSaveReason): void {
    this.saveReasons.set(uri.toString(), reason);
  }

  /**
   * Auto save (after a delay, on focus change) never sends a schema to Graph. A save whose reason is unknown goes on
   * to the saver's diff and confirmation: VS Code skips onWillSaveTextDocument listeners once the save's 1.5 s
   * participant budget is spent (a busy extension host), and a Ctrl+S must not be refused for that.
   */
  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    if (schemaResource(uri)?.kind !== 'job' || !this.saver) throw vscode.FileSystemError.NoPermissions(uri);
    const reason = this.saveReasons.get(uri.toString());
    this.saveReasons.delete(uri.toString());
    if (reason === vscode.TextDocumentSaveReason.AfterDelay || reason === vscode.TextDocumentSaveReason.FocusOut)
      throw vscode.FileSystemError.Unavailable(
        'Auto save does not send a schema to Graph: use Save (Ctrl+S) to review the change and send it.',
      );
    await this.saver(uri, new TextDecoder().decode(content));
  }

  /**
   * The time only moves when the text changes: VS Code refuses to save over a file whose stat is newer than what the
   * editor read ("modified since"), and reading the same schema again is not a change.
   */
  private put(uri: vscode.Uri, text: string): Entry {
    const previous = this.entries.get(uri.toString());
    const bytes = encoder.encode(text);
    if (previous && Buffer.from(previous.bytes).equals(bytes)) return previous;
    const entry = { bytes, mtime: Math.max(Date.now(), (previous?.mtime ?? 0) + 1) };
    this.entries.set(uri.toString(), entry);
    return entry;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
