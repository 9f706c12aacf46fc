import * as vscode from 'vscode';
import { fileNameOf } from './schemaUris';

export interface SchemaBackup {
  uri: vscode.Uri;
  servicePrincipalId: string;
  jobId: string;
  /** When it was taken, from its file name (ISO 8601). */
  takenAt: string;
}

const stamp = (date: Date) => date.toISOString().replace(/:/g, '-');
const unstamp = (name: string) => name.replace(/^(\d{4}-\d\d-\d\dT\d\d)-(\d\d)-(\d\d)/, '$1:$2:$3');

/**
 * Backups of job schemas, taken before every save and reset: the server's schema as it was, one file per backup at
 * <global storage>/backups/<service principal id>/<job id>/<time>.json, so that they can be found in a file manager
 * and restored (PUT back) with "Restore Schema from Backup…".
 */
export class SchemaBackups {
  readonly folder: vscode.Uri;

  constructor(storage: vscode.Uri) {
    this.folder = vscode.Uri.joinPath(storage, 'backups');
  }

  async write(servicePrincipalId: string, jobId: string, text: string, now = new Date()): Promise<vscode.Uri> {
    const folder = vscode.Uri.joinPath(this.folder, fileNameOf(servicePrincipalId), fileNameOf(jobId));
    await vscode.workspace.fs.createDirectory(folder);
    const uri = vscode.Uri.joinPath(folder, `${stamp(now)}.json`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return uri;
  }

  /** Every backup (of one job when given), newest first. */
  async list(only?: { servicePrincipalId: string; jobId: string }): Promise<SchemaBackup[]> {
    const backups: SchemaBackup[] = [];
    for (const [servicePrincipalId] of await this.entries(this.folder)) {
      if (only && fileNameOf(only.servicePrincipalId) !== servicePrincipalId) continue;
      const spFolder = vscode.Uri.joinPath(this.folder, servicePrincipalId);
      for (const [jobId] of await this.entries(spFolder)) {
        if (only && fileNameOf(only.jobId) !== jobId) continue;
        for (const [name] of await this.entries(vscode.Uri.joinPath(spFolder, jobId))) {
          if (!name.endsWith('.json')) continue;
          const uri = vscode.Uri.joinPath(spFolder, jobId, name);
          backups.push({ uri, servicePrincipalId, jobId, takenAt: unstamp(name.slice(0, -'.json'.length)) });
        }
      }
    }
    return backups.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  }

  async read(backup: SchemaBackup): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(backup.uri));
  }

  private async entries(folder: vscode.Uri): Promise<[string, vscode.FileType][]> {
    try {
      return await vscode.workspace.fs.readDirectory(folder);
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return [];
      throw error;
    }
  }
}
