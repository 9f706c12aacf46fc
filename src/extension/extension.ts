import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { JobResponses } from './jobResponses';
import type { Services } from './commands/services';
import { ConnectionManager } from './connection';
import { createLog } from './log';
import { Prompts } from './prompts';
import { settingsSection } from './settings';
import { ConnectionStatusBar } from './statusBar';
import { ServicePrincipalsTree } from './tree/servicePrincipalsTree';

/** What activate() returns while VS Code runs the extension's tests: the services, so tests can observe them. */
export type TestApi = Services & { activationMs: number };

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const started = performance.now();
  const log = createLog();
  const connection = new ConnectionManager(context, log);
  const tree = new ServicePrincipalsTree(connection, context.globalState);
  const statusBar = new ConnectionStatusBar(connection);
  const responses = new JobResponses(context, connection, tree, log);
  const services: Services = { connection, tree, responses, prompts: new Prompts(), log };

  context.subscriptions.push(
    log,
    connection,
    tree,
    statusBar,
    responses,
    responses.panel.registerSerializer(),
    ...registerCommands(services),
    connection.onDidChange(() => tree.refresh()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${settingsSection}.apiVersion`) || event.affectsConfiguration(`${settingsSection}.servicePrincipals.pageSize`)) {
        statusBar.render();
        tree.refresh();
      }
    }),
  );
  // Sign-in may wait on the network; activation does not.
  void connection.restore();
  const activationMs = performance.now() - started;
  log.info(`Activated in ${Math.round(activationMs)} ms.`);
  return context.extensionMode === vscode.ExtensionMode.Test ? { ...services, activationMs } : undefined;
}

export function deactivate(): void {}
