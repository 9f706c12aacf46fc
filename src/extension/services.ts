import type * as vscode from 'vscode';
import type { EntityStore } from '../model/entityStore';
import type { CommandRegistry } from './commandRegistry';
import type { ConnectionManager } from './connection';
import type { HealthView } from './health/healthView';
import type { JobCreation } from './jobs/jobCreation';
import type { JobOperations } from './jobs/jobOperations';
import type { LogsPanel } from './logs/logsPanel';
import type { CredentialOperations } from './jobs/credentialOperations';
import type { OnDemandOperation } from './jobs/onDemandOperation';
import type { JobViewController } from './jobView/jobViewController';
import type { ResponseViewController } from './responseViewController';
import type { ScimTrafficPanel } from './scimTraffic/scimTrafficPanel';
import type { SchemaEditing } from './schema/schemaEditing';
import type { ServicePrincipalsTree } from './tree/servicePrincipalsTree';
import type { Ui } from './ui';

/** The composition root's parts, made once in activate(); commands receive them. */
export interface Services {
  connection: ConnectionManager;
  store: EntityStore;
  jobs: JobOperations;
  creation: JobCreation;
  tree: ServicePrincipalsTree;
  responses: ResponseViewController;
  credentials: CredentialOperations;
  onDemand: OnDemandOperation;
  jobViews: JobViewController;
  schemas: SchemaEditing;
  ui: Ui;
  registry: CommandRegistry;
  log: vscode.LogOutputChannel;
  health: HealthView;
  logs: LogsPanel;
  scimTraffic: ScimTrafficPanel;
}
