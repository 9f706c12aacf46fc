import * as vscode from 'vscode';
import { signInMethods, type SignInMethod } from '../../auth/credentials';
import { cloudIds, nationalClouds, type CloudId } from '../../graph/clouds';
import type { ApiVersion } from '../../graph/types';
import { showError } from '../notify';
import { readSettings, updateSettings } from '../settings';
import type { Services } from './services';

export async function signIn(services: Services): Promise<boolean> {
  // Delegated methods need no app registration: without graphSync.clientId they use Microsoft's public client.
  return run(services, () => services.connection.signIn());
}

export async function signOut(services: Services): Promise<void> {
  await services.connection.signOut();
}

export function connectSampleTenant(services: Services): Promise<boolean> {
  return run(services, () => services.connection.switchTo({ signInMethod: 'sampleTenant' }));
}

export async function setClientSecret(services: Services): Promise<void> {
  const { clientId, signInMethod } = readSettings();
  if (!clientId) {
    void vscode.window.showWarningMessage('Set graphSync.clientId to the app registration first; the secret is stored for that app.');
    return;
  }
  const secret = await vscode.window.showInputBox({
    title: 'Graph Sync: Set Client Secret',
    prompt: `Client secret of app ${clientId}. It is kept in VS Code's secret storage, never in settings or logs.`,
    password: true,
    ignoreFocusOut: true,
  });
  if (!secret) return;
  await services.connection.setClientSecret(clientId, secret);
  if (signInMethod === 'clientSecret') await run(services, () => services.connection.signIn());
}

export async function selectApiVersion(): Promise<void> {
  const current = readSettings().apiVersion;
  const versions: { label: ApiVersion; detail: string }[] = [
    { label: 'v1.0', detail: 'Generally available API' },
    { label: 'beta', detail: 'Preview API: may change; not supported for production use' },
  ];
  const chosen = await vscode.window.showQuickPick(
    versions.map((v) => ({ ...v, description: v.label === current ? 'current' : undefined })),
    { title: 'Graph Sync: Microsoft Graph API Version' },
  );
  if (chosen && chosen.label !== current) await updateSettings({ apiVersion: chosen.label });
}

type SwitchAction = vscode.QuickPickItem & { run: () => Promise<unknown> };

/** Everything about the connection in one picker (the status bar item opens it). */
export async function switchConnection(services: Services): Promise<void> {
  const settings = readSettings();
  const signedIn = services.connection.current.kind === 'signedIn';
  const actions: SwitchAction[] = [
    { label: '$(account) Sign-in Method…', description: signInMethods[settings.signInMethod], run: () => chooseMethod(services) },
    { label: '$(globe) Cloud…', description: nationalClouds[settings.cloud]?.displayName, run: () => chooseCloud(services) },
    { label: '$(organization) Tenant…', description: settings.tenant || 'organizations', run: () => chooseTenant(services) },
    { label: '$(versions) API Version…', description: settings.apiVersion, run: () => selectApiVersion() },
    { label: '$(beaker) Connect to Sample Tenant', description: 'local emulator, no account needed', run: () => connectSampleTenant(services) },
    signedIn
      ? { label: '$(sign-out) Sign Out', run: () => signOut(services) }
      : { label: '$(sign-in) Sign In', run: () => signIn(services) },
  ];
  const chosen = await vscode.window.showQuickPick(actions, { title: 'Graph Sync: Connection' });
  await chosen?.run();
}

async function chooseMethod(services: Services): Promise<void> {
  const entries = Object.entries(signInMethods) as [SignInMethod, string][];
  const chosen = await vscode.window.showQuickPick(
    entries.map(([method, label]) => ({ label, method })),
    { title: 'Graph Sync: Sign-in Method' },
  );
  if (chosen) await run(services, () => services.connection.switchTo({ signInMethod: chosen.method }));
}

async function chooseCloud(services: Services): Promise<void> {
  const chosen = await vscode.window.showQuickPick(
    cloudIds.map((cloud: CloudId) => ({ label: nationalClouds[cloud].displayName, description: new URL(nationalClouds[cloud].graphUrl).host, cloud })),
    { title: 'Graph Sync: National Cloud' },
  );
  if (chosen) await run(services, () => services.connection.switchTo({ cloud: chosen.cloud }));
}

async function chooseTenant(services: Services): Promise<void> {
  const tenant = await vscode.window.showInputBox({
    title: 'Graph Sync: Tenant',
    prompt: 'Tenant id or verified domain (e.g. contoso.onmicrosoft.com); "organizations" for any work account (delegated sign-in only)',
    value: readSettings().tenant,
    validateInput: (value) => (/^[\w.-]+$/.test(value.trim()) ? undefined : 'A tenant id (GUID) or a domain name'),
  });
  if (tenant !== undefined) await run(services, () => services.connection.switchTo({ tenant: tenant.trim() }));
}

async function run(services: Services, connect: () => Promise<unknown>): Promise<boolean> {
  try {
    const connected = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Graph Sync: Signing in…' }, connect);
    return connected !== undefined;
  } catch (error) {
    showError('Sign-in failed', error, services.log);
    return false;
  }
}
