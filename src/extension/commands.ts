import * as vscode from 'vscode';
import * as connection from './commands/connectionCommands';
import { createJobCommand } from './commands/createJobCommand';
import * as jobs from './commands/jobCommands';
import * as servicePrincipals from './commands/servicePrincipalCommands';
import type { Services } from './commands/services';

/**
 * Every command of the extension, in one place. package.json declares the same ids (the extension-host suite keeps the two in
 * step); commands that act on a tree item receive the item's node as their argument.
 */
export function commandHandlers(services: Services): Record<string, (...args: never[]) => unknown> {
  return {
    'graphSync.signIn': () => connection.signIn(services),
    'graphSync.signOut': () => connection.signOut(services),
    'graphSync.switchConnection': () => connection.switchConnection(services),
    'graphSync.connectSampleTenant': () => connection.connectSampleTenant(services),
    'graphSync.setClientSecret': () => connection.setClientSecret(services),
    'graphSync.selectApiVersion': () => connection.selectApiVersion(),
    'graphSync.showLog': () => services.log.show(),
    'graphSync.refresh': () => servicePrincipals.refresh(services),
    'graphSync.refreshServicePrincipal': (node) => servicePrincipals.refreshServicePrincipal(services, node),
    'graphSync.filter': () => servicePrincipals.filter(services),
    'graphSync.clearFilter': () => servicePrincipals.clearFilter(services),
    'graphSync.showAllServicePrincipals': () => servicePrincipals.showAll(services),
    'graphSync.showTemplateServicePrincipals': () => servicePrincipals.showFromApplicationTemplates(services),
    'graphSync.loadMore': () => servicePrincipals.loadMore(services),
    'graphSync.copyObjectId': (node) => servicePrincipals.copyObjectId(node),
    'graphSync.openInEntra': (node) => servicePrincipals.openInEntra(services, node),
    'graphSync.createJob': (target) => createJobCommand(services, target),
    'graphSync.showJob': (node) => jobs.showJob(services, node),
    'graphSync.startJob': (node) => jobs.startJob(services, node),
    'graphSync.pauseJob': (node) => jobs.pauseJob(services, node),
    'graphSync.restartJob': (node) => jobs.restartJob(services, node),
    'graphSync.deleteJob': (node) => jobs.deleteJob(services, node),
  };
}

export function registerCommands(services: Services): vscode.Disposable[] {
  return Object.entries(commandHandlers(services)).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
