import type * as vscode from 'vscode';
import type { EntityStore } from '../model/entityStore';
import type { CommandRegistry } from './commandRegistry';
import type { ConnectionManager } from './connection';
import type { JobCreation } from './jobs/jobCreation';
import type { JobOperations } from './jobs/jobOperations';
import type { ResponseViewController } from './responseViewController';
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
  schemas: SchemaEditing;
  ui: Ui;
  registry: CommandRegistry;
  log: vscode.LogOutputChannel;
}
