import * as os from 'node:os';
import * as vscode from 'vscode';
import { resetJobSchema } from '../../graph/schema';
import { describeJob, type JobTarget } from '../jobs/jobTarget';
import { safe } from '../plainText';
import type { Services } from '../services';
import type { SchemaBackup } from './schemaBackups';
import { parseSchema } from './schemaSave';
import { jobTarget, schemaTitle, schemaUriOf } from './schemaTargets';
import { fileNameOf, templateSchemaUri } from './schemaUris';

// The schema commands of a job (tree context menu, palette with a job argument): edit, reset, compare with the
// template, export, restore a backup. Saving is the document's own Save (schemaSave.ts).

/** Opens the job's schema as a JSON document (read from Graph when not open yet). */
export async function editSchema(target: JobTarget): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(schemaUriOf(target));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

export async function resetSchema(services: Services, target: JobTarget): Promise<boolean> {
  const { schemas, ui, connection } = services;
  const backupNote = 'A backup of the current schema is kept; "Restore Schema from Backup…" puts it back.';
  const confirmed = await ui.confirm(
    `Reset the ${schemaTitle(target)} to its template's?`,
    `Every attribute mapping, scoping filter and expression of the ${describeJob(target)} is replaced with the template's. ${backupNote}`,
    'Reset Schema',
  );
  if (!confirmed) return false;
  const uri = schemaUriOf(target);
  await schemas.backups.write(target.servicePrincipal.id, target.job.id, await schemas.files.readServer(uri));
  const { client } = connection.requireConnection();
  await ui.progress(`Resetting the ${schemaTitle(target)}`, (signal) =>
    resetJobSchema(client, target.servicePrincipal.id, target.job.id, { version: connection.apiVersion, signal }),
  );
  await schemas.saving.reload(target);
  return true;
}

/** VS Code's diff of the template's schema (read-only) against the job's. */
export async function compareWithTemplate(services: Services, target: JobTarget): Promise<void> {
  const templateId =
    target.job.templateId ?? services.store.job(target.servicePrincipal.id, target.job.id)?.value.templateId;
  if (!templateId) throw new Error(`The ${describeJob(target)} names no template: refresh its service principal.`);
  await vscode.commands.executeCommand(
    'vscode.diff',
    templateSchemaUri(target.servicePrincipal.id, templateId),
    schemaUriOf(target),
    safe`Template ${templateId} ↔ job schema`,
    { preview: true },
  );
}

/** Writes the server's schema (pretty JSON) to a file the user picks; resolves to it, or undefined on cancel. */
export async function exportSchema(services: Services, target: JobTarget): Promise<vscode.Uri | undefined> {
  const name = `${fileNameOf(target.job.templateId ?? target.job.id)}.schema.json`;
  const destination = await services.ui.saveAs({
    title: `Export the ${schemaTitle(target)}`,
    defaultUri: vscode.Uri.joinPath(vscode.Uri.file(os.homedir()), name),
    filters: { JSON: ['json'] },
  });
  if (!destination) return undefined;
  const text = await services.ui.progress(`Reading the ${schemaTitle(target)}`, () =>
    services.schemas.files.readServer(schemaUriOf(target)),
  );
  await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(text));
  services.ui.status(`Exported the ${schemaTitle(target)} to ${destination.fsPath}`);
  return destination;
}

/** PUTs a backup back, after a backup of what it replaces and a confirmation. Without a job: any job's backups. */
export async function restoreSchemaBackup(services: Services, target?: JobTarget): Promise<boolean> {
  const { schemas, ui, store } = services;
  const only = target && { servicePrincipalId: target.servicePrincipal.id, jobId: target.job.id };
  const backups = await schemas.backups.list(only);
  if (backups.length === 0) {
    await ui.info(`There are no schema backups${target ? ` of the ${describeJob(target)}` : ''} yet.`);
    return false;
  }
  const backup = await ui.pick<SchemaBackup>(
    backups.map((entry) => ({
      label: entry.takenAt,
      description: entry.jobId,
      detail: entry.uri.fsPath,
      value: entry,
    })),
    { title: 'Restore which schema backup?', matchOnDetail: true },
  );
  if (!backup) return false;
  const job = target ?? jobTarget(store, backup.servicePrincipalId, backup.jobId);
  const schema = parseSchema(await schemas.backups.read(backup));
  const confirmed = await ui.confirm(
    `Restore the ${schemaTitle(job)} from the backup of ${backup.takenAt}?`,
    'PUT replaces the whole schema with the backup. The current schema is backed up first.',
    'Restore',
  );
  if (!confirmed) return false;
  const uri = schemaUriOf(job);
  await schemas.backups.write(job.servicePrincipal.id, job.job.id, await schemas.files.readServer(uri));
  await schemas.saving.put(job, schema);
  await schemas.saving.reload(job);
  return true;
}
