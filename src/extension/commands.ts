import type { CommandRegistry } from './commandRegistry';
import * as connection from './commands/connectionCommands';
import { createJobCommand } from './commands/createJobCommand';
import * as health from './commands/healthCommands';
import * as jobs from './commands/jobCommands';
import * as jobView from './commands/jobViewCommands';
import { showScimTrafficCommand } from './commands/scimTrafficCommands';
import * as servicePrincipals from './commands/servicePrincipalCommands';
import { commandIds as id } from './ids';
import * as schema from './schema/schemaCommands';
import { testExpression } from './schema/testExpression';
import type { Services } from './services';

/**
 * Every command of the extension, in one place, each registered through the command registry (which shows what
 * fails). Commands that act on a tree item receive the item's node as their argument. The second argument names a
 * failure the handler did not name itself.
 */
export function registerCommands(registry: CommandRegistry, services: Services): void {
  registry.register(id.signIn, 'Sign-in failed', () => connection.signIn(services));
  registry.register(id.signOut, 'Could not sign out', () => connection.signOut(services));
  registry.register(id.switchConnection, 'Could not switch the connection', () =>
    connection.switchConnection(services),
  );
  registry.register(id.connectSampleTenant, 'Could not connect to the sample tenant', () =>
    connection.connectSampleTenant(services),
  );
  registry.register(id.setClientSecret, 'Could not set the client secret', () => connection.setClientSecret(services));
  registry.register(id.selectApiVersion, 'Could not select the API version', () =>
    connection.selectApiVersion(services),
  );
  registry.register(id.showLog, 'Could not show the log', () => services.log.show());
  registry.register(id.refresh, 'Could not refresh', () => servicePrincipals.refresh(services));
  registry.register(id.refreshServicePrincipal, 'Could not refresh the service principal', (node) =>
    servicePrincipals.refreshServicePrincipal(services, node),
  );
  registry.register(id.filter, 'Could not filter', () => servicePrincipals.filter(services));
  registry.register(id.clearFilter, 'Could not clear the filter', () => servicePrincipals.clearFilter(services));
  registry.register(id.showAllServicePrincipals, 'Could not show all service principals', () =>
    servicePrincipals.showAll(services),
  );
  registry.register(id.showTemplateServicePrincipals, 'Could not filter the service principals', () =>
    servicePrincipals.showFromApplicationTemplates(services),
  );
  registry.register(id.loadMore, 'Could not load more service principals', () => servicePrincipals.loadMore(services));
  registry.register(id.copyObjectId, 'Could not copy the object ID', (node) =>
    servicePrincipals.copyObjectId(services, node),
  );
  registry.register(id.openInEntra, 'Could not open the Entra admin center', (node) =>
    servicePrincipals.openInEntra(services, node),
  );
  registry.register(id.createJob, 'Could not create the job', (target) => createJobCommand(services, target));
  registry.register(id.showJob, 'Could not show the job', (node) => jobs.showJobCommand(services, node));
  registry.register(id.startJob, 'Could not start the job', (node) => jobs.startJobCommand(services, node));
  registry.register(id.pauseJob, 'Could not pause the job', (node) => jobs.pauseJobCommand(services, node));
  registry.register(id.restartJob, 'Could not restart the job', (node) => jobs.restartJobCommand(services, node));
  registry.register(id.deleteJob, 'Could not delete the job', (node) => jobs.deleteJobCommand(services, node));
  registry.register(id.scanTenant, 'Could not scan the tenant', () => health.scanTenantCommand(services));
  registry.register(id.scanTenantFull, 'Could not scan the tenant', () => health.scanTenantCommand(services, 'full'));
  registry.register(id.openScannedJob, 'Could not open the job', (node) =>
    health.openScannedJobCommand(services, node),
  );
  registry.register(id.showProvisioningLogs, 'Could not show the provisioning logs', (source) =>
    health.showProvisioningLogsCommand(services, source),
  );
  registry.register(id.openJobView, 'Could not open the job view', (node) =>
    jobView.openJobViewCommand(services, node),
  );
  registry.register(id.setCredentials, 'Could not set the credentials', (node) =>
    jobView.setCredentialsCommand(services, node),
  );
  registry.register(id.testConnection, 'Could not test the connection', (node) =>
    jobView.testConnectionCommand(services, node),
  );
  registry.register(id.provisionOnDemand, 'Could not provision on demand', (node) =>
    jobView.provisionOnDemandCommand(services, node),
  );
  registry.register(id.editSchema, 'Could not open the schema', (node) => schema.editSchema(node));
  registry.register(id.resetSchema, 'Could not reset the schema', (node) => schema.resetSchema(services, node));
  registry.register(id.compareSchemaWithTemplate, 'Could not compare the schema with its template', (node) =>
    schema.compareWithTemplate(services, node),
  );
  registry.register(id.exportSchema, 'Could not export the schema', (node) => schema.exportSchema(services, node));
  registry.register(id.restoreSchemaBackup, 'Could not restore the schema', (node) =>
    schema.restoreSchemaBackup(services, node),
  );
  registry.register(id.showScimTraffic, 'Could not show the SCIM traffic', (node) =>
    showScimTrafficCommand(services, node),
  );
  registry.register(id.testExpression, 'Could not test the expression', (uri, offset) =>
    testExpression(services, uri, offset),
  );
}
