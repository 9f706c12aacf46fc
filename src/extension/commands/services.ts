import type * as vscode from 'vscode';
import type { ConnectionManager } from '../connection';
import type { Prompts } from '../prompts';
import type { ServicePrincipalsTree } from '../tree/servicePrincipalsTree';
import type { JobResponses } from '../jobResponses';

/** What command handlers work with; made once in activate(). */
export interface Services {
  connection: ConnectionManager;
  tree: ServicePrincipalsTree;
  responses: JobResponses;
  prompts: Prompts;
  log: vscode.LogOutputChannel;
}
