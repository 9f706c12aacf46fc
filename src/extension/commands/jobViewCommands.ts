import type { CredentialsScope, ConnectionResult } from '../jobs/credentialOperations';
import type { JobTarget } from '../jobs/jobTarget';
import type { OnDemandRun } from '../jobs/onDemandOperation';
import { safe } from '../plainText';
import type { Services } from '../services';
import type { JobViewModel } from '../../webview/jobViewModel';

// The commands of the workflow after create: the job view, credentials, Test Connection and provision on demand.
// They take a tree node (a service principal or a job) or the job view's target, which have the same shape.

type ScopeNode = { kind?: string; servicePrincipal: CredentialsScope['servicePrincipal']; job?: JobTarget['job'] };

const scopeOf = (node: ScopeNode): CredentialsScope => ({
  servicePrincipal: node.servicePrincipal,
  job: node.job ? { id: node.job.id, templateId: node.job.templateId } : undefined,
});

export function openJobViewCommand(services: Services, node: JobTarget): Promise<JobViewModel> {
  return services.jobViews.open({ servicePrincipal: node.servicePrincipal, job: { ...scopeOf(node).job! } });
}

/** Saves the credentials; a test of the entered values (when asked for) is shown like Test Connection's. */
export async function setCredentialsCommand(services: Services, node: ScopeNode): Promise<boolean> {
  const scope = scopeOf(node);
  const { saved, tested } = await services.credentials.setCredentials(scope);
  if (tested) services.jobViews.showConnection(scope, tested);
  return saved;
}

/** The result is stated where the user is: a notification, and the job view when it is open. */
export async function testConnectionCommand(services: Services, node: ScopeNode): Promise<ConnectionResult> {
  const scope = scopeOf(node);
  const result = await services.credentials.testConnection(scope);
  services.jobViews.showConnection(scope, result);
  if (result.valid) void services.ui.info(result.text);
  else void services.ui.warn(safe`${result.text}`.concat(result.hint ? ` ${result.hint}` : ''));
  return result;
}

export async function provisionOnDemandCommand(services: Services, node: JobTarget): Promise<OnDemandRun | undefined> {
  const target = { servicePrincipal: node.servicePrincipal, job: { ...scopeOf(node).job! } };
  const run = await services.onDemand.provision(target);
  if (run) await services.jobViews.showOnDemand(target, run);
  return run;
}
