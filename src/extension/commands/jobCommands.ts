import * as vscode from 'vscode';
import type { GraphClient } from '../../graph/client';
import { deleteJob as deleteJobRequest, eventualConsistencyRetries, restartJob as restartJobRequest, runJobAction, type JobAction } from '../../graph/synchronization';
import { restartScopes, type RestartScope, type ServicePrincipal, type SynchronizationJob } from '../../graph/types';
import { showError } from '../notify';
import { withProgress } from '../progress';
import type { JobNode } from '../tree/nodes';
import type { Services } from './services';

/** A job to change: a tree node, or the job the response view shows (which knows its ids and names only). */
export interface JobTarget {
  servicePrincipal: Pick<ServicePrincipal, 'id' | 'displayName'>;
  job: Pick<SynchronizationJob, 'id'> & Partial<Pick<SynchronizationJob, 'templateId'>>;
}

/** What starting, pausing and changing a job need; the response view has these without the rest of Services. */
export type JobServices = Pick<Services, 'connection' | 'tree' | 'log'>;

export function showJob(services: Services, node: JobNode): Promise<void> {
  return services.responses.showJob(node.servicePrincipal, node.job.id);
}

export function startJob(services: JobServices, node: JobTarget): Promise<boolean> {
  return jobAction(services, node, 'start');
}

export function pauseJob(services: JobServices, node: JobTarget): Promise<boolean> {
  return jobAction(services, node, 'pause');
}

const actionVerbs: Record<JobAction, Verb> = { start: ['start', 'Starting', 'Started'], pause: ['pause', 'Pausing', 'Paused'] };

function jobAction(services: JobServices, node: JobTarget, action: JobAction): Promise<boolean> {
  return changeJob(services, node, actionVerbs[action], (client, signal) =>
    runJobAction(client, node.servicePrincipal.id, node.job.id, action, { version: services.connection.apiVersion, signal, eventualConsistencyRetries }),
  );
}

const scopeDetails: Record<RestartScope, string> = {
  ConnectorDataStore: 'Forget what the connector knows about the target system',
  Escrows: 'Drop the entries waiting to be retried',
  Watermark: 'Forget the watermark: the next cycle reads everything again (an initial cycle)',
  QuarantineState: 'Lift the quarantine',
  Full: 'All of the above: a full restart',
  ForceDeletes: 'Allow deletions beyond the accidental-deletion threshold',
};

export async function restartJob(services: Services, node: JobNode): Promise<boolean> {
  const picked = await vscode.window.showQuickPick(
    restartScopes.map((scope) => ({ label: scope, detail: scopeDetails[scope], scope })),
    { title: `Restart the ${describe(node)}`, placeHolder: 'Choose what to reset (none: restart only)', canPickMany: true },
  );
  if (!picked) return false;
  const scopes = picked.map((item) => item.scope);
  if (scopes.includes('Full') || scopes.includes('ForceDeletes')) {
    const confirmed = await services.prompts.confirm(
      `Restart the ${describe(node)} with ${scopes.join(', ')}?`,
      'A full restart reprocesses every object in scope, and ForceDeletes lets the next cycle delete accounts beyond the accidental-deletion threshold.',
      'Restart',
    );
    if (!confirmed) return false;
  }
  return changeJob(services, node, ['restart', 'Restarting', 'Restarted'], (client, signal) =>
    restartJobRequest(client, node.servicePrincipal.id, node.job.id, scopes, { version: services.connection.apiVersion, signal, eventualConsistencyRetries }),
  );
}

export async function deleteJob(services: Services, node: JobNode): Promise<boolean> {
  const confirmed = await services.prompts.confirm(
    `Delete the ${describe(node)}?`,
    `Job ${node.job.id} stops and its state is deleted. Accounts it already provisioned stay in the target system.`,
    'Delete',
  );
  if (!confirmed) return false;
  return changeJob(services, node, ['delete', 'Deleting', 'Deleted'], (client, signal) =>
    deleteJobRequest(client, node.servicePrincipal.id, node.job.id, { version: services.connection.apiVersion, signal, eventualConsistencyRetries }),
  );
}

function describe(node: JobTarget): string {
  const job = node.job.templateId ? `${node.job.templateId} job` : `job ${node.job.id}`;
  return `${job} of ${node.servicePrincipal.displayName}`;
}

/** [verb, present participle, past tense] */
type Verb = [string, string, string];

/** Sends one change to a job with progress, says how it went, and shows the job's new state in the tree. */
async function changeJob(services: JobServices, node: JobTarget, [verb, doing, done]: Verb, send: (client: GraphClient, signal: AbortSignal) => Promise<unknown>): Promise<boolean> {
  try {
    const { client } = services.connection.requireConnection();
    await withProgress(`${doing} the ${describe(node)}…`, (signal) => send(client, signal));
    services.log.info(`${done} the ${describe(node)}.`);
    vscode.window.setStatusBarMessage(`$(check) ${done} the ${describe(node)}.`, 5000);
    return true;
  } catch (error) {
    showError(`Could not ${verb} the ${describe(node)}`, error, services.log);
    return false;
  } finally {
    services.tree.refreshServicePrincipal(node.servicePrincipal);
  }
}
