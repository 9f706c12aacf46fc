import { restartScopes, type RestartScope } from '../../graph/types';
import { describeJob, type JobTarget } from '../jobs/jobTarget';
import type { Services } from '../services';
import type { JobNode } from '../tree/nodes';

// The job commands of the tree's context menu: ask what must be asked, then one call to JobOperations (which puts
// Graph's answer in the store, so the tree and the response view follow). Names end in Command: the Graph layer has
// deleteJob/restartJob too.

export function showJobCommand(services: Services, node: JobNode): Promise<void> {
  return services.responses.showJob(node, { preserveFocus: true });
}

export async function startJobCommand(services: Services, node: JobTarget): Promise<boolean> {
  await services.jobs.start(node);
  return true;
}

export async function pauseJobCommand(services: Services, node: JobTarget): Promise<boolean> {
  await services.jobs.pause(node);
  return true;
}

const scopeDetails: Record<RestartScope, string> = {
  ConnectorDataStore: 'Forget what the connector knows about the target system',
  Escrows: 'Drop the entries waiting to be retried',
  Watermark: 'Forget the watermark: the next cycle reads everything again (an initial cycle)',
  QuarantineState: 'Lift the quarantine',
  Full: 'All of the above: a full restart',
  ForceDeletes: 'Allow deletions beyond the accidental-deletion threshold',
};

export async function restartJobCommand(services: Services, node: JobTarget): Promise<boolean> {
  const scopes = await services.ui.pickMany(
    restartScopes.map((scope) => ({ label: scope, detail: scopeDetails[scope], value: scope })),
    {
      title: `Restart the ${describeJob(node, services.store)}`,
      placeHolder: 'Choose what to reset (none: restart only)',
    },
  );
  if (!scopes) return false;
  if (scopes.includes('Full') || scopes.includes('ForceDeletes')) {
    const confirmed = await services.ui.confirm(
      `Restart the ${describeJob(node, services.store)} with ${scopes.join(', ')}?`,
      restartWarning(scopes),
      'Restart',
    );
    if (!confirmed) return false;
  }
  await services.jobs.restart(node, scopes);
  return true;
}

/** What the picked scopes will do, and only those (ForceDeletes is not mentioned unless it was picked). */
export function restartWarning(scopes: readonly RestartScope[]): string {
  return [
    scopes.includes('Full') && 'A full restart reprocesses every object in scope.',
    scopes.includes('ForceDeletes') &&
      'ForceDeletes lets the next cycle delete accounts beyond the accidental-deletion threshold.',
  ]
    .filter(Boolean)
    .join(' ');
}

export async function deleteJobCommand(services: Services, node: JobTarget): Promise<boolean> {
  const confirmed = await services.ui.confirm(
    `Delete the ${describeJob(node, services.store)}?`,
    `Job ${node.job.id} stops and its state is deleted. Accounts it already provisioned stay in the target system.`,
    'Delete',
  );
  if (!confirmed) return false;
  await services.jobs.delete(node);
  return true;
}
