import * as vscode from 'vscode';
import { EntityStore } from '../model/entityStore';
import { CommandRegistry } from './commandRegistry';
import { registerCommands } from './commands';
import { ConnectionManager, type ConnectionState } from './connection';
import { HealthView } from './health/healthView';
import { CredentialOperations } from './jobs/credentialOperations';
import { JobCreation } from './jobs/jobCreation';
import { JobOperations } from './jobs/jobOperations';
import { OnDemandOperation } from './jobs/onDemandOperation';
import { JobViewController } from './jobView/jobViewController';
import { createLog } from './log';
import { LogsPanel } from './logs/logsPanel';
import { safe } from './plainText';
import { ResponseViewController } from './responseViewController';
import { ScimTrafficPanel } from './scimTraffic/scimTrafficPanel';
import { SchemaEditing } from './schema/schemaEditing';
import type { Services } from './services';
import { invalidApiVersion, settingsSection } from './settings';
import { ConnectionStatusBar } from './statusBar';
import { SchemaBrowser } from './tree/schemaBrowser';
import { ServicePrincipalsTree } from './tree/servicePrincipalsTree';
import { Ui } from './ui';

/** What activate() returns while VS Code runs the extension's tests: the services, so tests can observe them. */
/** What tests see: the services, and the sign-in state when activate() returned (activation must not wait on it). */
export type TestApi = Services & { signInAtActivation: ConnectionState['kind'] };

/** The composition root: each part is made once, here, and handed what it needs. */
export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const started = performance.now();
  const log = createLog();
  const ui = new Ui();
  const registry = new CommandRegistry(ui, log);
  const store = new EntityStore();
  const connection = new ConnectionManager(context, log);
  const jobs = new JobOperations(connection, store, ui);
  const creation = new JobCreation(connection, store, ui, jobs);
  const schemaBrowser = new SchemaBrowser(connection);
  const tree = new ServicePrincipalsTree(connection, store, context.globalState, schemaBrowser);
  const statusBar = new ConnectionStatusBar(connection);
  const responses = new ResponseViewController(context, connection, store, jobs, registry, log);
  const health = new HealthView(connection, store, ui);
  const logs = new LogsPanel(context, connection, ui, registry);
  const scimTraffic = new ScimTrafficPanel(context, connection, store, registry);
  const credentials = new CredentialOperations(connection, store, ui);
  const onDemand = new OnDemandOperation(connection, ui);
  const jobViews = new JobViewController(context, store, jobs, registry, connection);
  const schemas = new SchemaEditing(context, connection, store, ui, registry);
  const services: Services = {
    connection,
    store,
    jobs,
    creation,
    tree,
    responses,
    credentials,
    onDemand,
    jobViews,
    ui,
    registry,
    log,
    health,
    logs,
    scimTraffic,
    schemas,
  };
  registerCommands(registry, services);

  const reportApiVersion = () => {
    const written = invalidApiVersion();
    if (written !== undefined)
      void ui.warn(
        safe`graphSync.apiVersion is "${written}", which is not a Graph version: use "v1.0" or "beta". Using v1.0.`,
      );
  };
  reportApiVersion();
  context.subscriptions.push(
    log,
    ui,
    registry,
    connection,
    tree,
    statusBar,
    responses,
    schemas,
    schemaBrowser,
    schemas.saving.onDidChangeSchema((target) => schemaBrowser.forget(target.servicePrincipal.id, target.job.id)),
    responses.panel.registerSerializer(),
    health,
    logs,
    logs.registerSerializer(),
    scimTraffic,
    scimTraffic.registerSerializer(),
    jobViews,
    jobViews.registerSerializer(),
    connection.onDidChange(() => {
      store.clear();
      tree.refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${settingsSection}.apiVersion`)) reportApiVersion();
      if (
        event.affectsConfiguration(`${settingsSection}.apiVersion`) ||
        event.affectsConfiguration(`${settingsSection}.servicePrincipals.pageSize`)
      ) {
        statusBar.render();
        store.clear();
        tree.refresh();
      }
    }),
  );
  // Sign-in may wait on the network; activation does not.
  void connection.restore();
  const signInAtActivation = connection.current.kind;
  log.info(`Activated in ${Math.round(performance.now() - started)} ms.`);
  return context.extensionMode === vscode.ExtensionMode.Test ? { ...services, signInAtActivation } : undefined;
}

export function deactivate(): void {}
