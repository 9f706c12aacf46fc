import * as vscode from 'vscode';
import { signInMethods } from '../auth/credentials';
import type { ConnectionManager, ConnectionState } from './connection';
import { commandIds, statusBarItemIds } from './ids';

/** Who is signed in, to which tenant and cloud, and which API version is used; a click offers to change it. */
export class ConnectionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    statusBarItemIds.connection,
    vscode.StatusBarAlignment.Left,
    50,
  );
  private readonly subscription: vscode.Disposable;

  constructor(private readonly connection: ConnectionManager) {
    this.item.name = 'Graph Sync Connection';
    this.subscription = connection.onDidChange((state) => this.render(state));
    this.render(connection.current);
    this.item.show();
  }

  /** Also called when the API version setting changes. */
  render(state: ConnectionState = this.connection.current): void {
    const version = this.connection.apiVersion;
    switch (state.kind) {
      case 'signedOut':
        this.item.text = '$(account) Graph Sync: Sign In';
        this.item.tooltip = state.problem
          ? `Not signed in: ${state.problem}`
          : 'Sign in to Microsoft Graph to browse provisioning';
        this.item.command = commandIds.signIn;
        this.item.accessibilityInformation = { label: 'Graph Sync: not signed in. Sign in.' };
        return;
      case 'connecting':
        this.item.text = '$(loading~spin) Graph Sync: Signing in…';
        this.item.tooltip = `Signing in with ${signInMethods[state.method]}`;
        this.item.command = undefined;
        this.item.accessibilityInformation = { label: 'Graph Sync: signing in' };
        return;
      case 'signedIn': {
        const { account, endpoint, tenant, method } = state.connection;
        this.item.text = `$(account) ${account} · ${endpoint.displayName} · ${version}`;
        this.item.tooltip = [
          `Signed in as ${account}`,
          `Tenant: ${tenant || 'organizations'}`,
          `Cloud: ${endpoint.displayName}`,
          `API version: ${version}`,
          `Method: ${signInMethods[method]}`,
          '',
          'Click to switch or sign out',
        ].join('\n');
        this.item.command = commandIds.switchConnection;
        this.item.accessibilityInformation = {
          label: `Graph Sync: signed in as ${account}, ${endpoint.displayName} cloud, Graph ${version}. Switch or sign out.`,
        };
        return;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
