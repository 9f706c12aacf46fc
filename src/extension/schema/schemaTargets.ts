import type { EntityStore } from '../../model/entityStore';
import { describeJob, type JobTarget } from '../jobs/jobTarget';
import { jobSchemaUri, schemaResource } from './schemaUris';
import type * as vscode from 'vscode';

/** The job a schema document belongs to, with the names the store knows (ids where it knows none). */
export function jobOfSchema(store: EntityStore, uri: vscode.Uri): JobTarget {
  const resource = schemaResource(uri);
  if (resource?.kind !== 'job') throw new Error(`${uri.toString()} is not a job's schema.`);
  return jobTarget(store, resource.servicePrincipalId, resource.jobId);
}

export function jobTarget(store: EntityStore, servicePrincipalId: string, jobId: string): JobTarget {
  const servicePrincipal = store.servicePrincipal(servicePrincipalId)?.value ?? {
    id: servicePrincipalId,
    displayName: servicePrincipalId,
  };
  const job = store.job(servicePrincipalId, jobId)?.value ?? { id: jobId };
  return { servicePrincipal, job };
}

/** The editable document of a job's schema; its tab reads "<template>.schema.json". */
export const schemaUriOf = (target: JobTarget) =>
  jobSchemaUri(target.servicePrincipal.id, target.job.id, target.job.templateId ?? target.job.id);

export const schemaTitle = (target: JobTarget) => `schema of the ${describeJob(target)}`;
