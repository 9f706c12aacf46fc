import * as vscode from 'vscode';
import {
  createCredential,
  signInMethods,
  type Credential,
  type CredentialRequest,
  type SignInMethod,
} from '../auth/credentials';
import { tokenAccount } from '../auth/tokenClaims';
import { VsCodeSessionCredential } from '../auth/vscodeSessionCredential';
import { GraphClient, type GraphClientOptions } from '../graph/client';
import { loopbackEndpoint, nationalClouds, type GraphEndpoint } from '../graph/clouds';
import type { ApiVersion } from '../graph/types';
import { contextKeys } from './ids';
import { traceRequests } from './log';
import { SampleTenant } from './sampleTenantEmulator';
import { connectionSettings, readSettings, updateSettings, type Settings } from './settings';

/** A signed-in connection to one tenant of one cloud. */
export interface Connection {
  client: GraphClient;
  endpoint: GraphEndpoint;
  method: SignInMethod;
  /** Who is signed in, as shown to the user: a sign-in name or an app. */
  account: string;
  tenant: string;
}

export type ConnectionState =
  | { kind: 'signedOut'; problem?: string }
  | { kind: 'connecting'; method: SignInMethod }
  | { kind: 'signedIn'; connection: Connection };

const secretKey = (clientId: string) => `graphSync.clientSecret.${clientId}`;
const signedOutKey = 'graphSync.signedOut';

export class NotSignedInError extends Error {
  constructor() {
    super('Not signed in. Run "Graph Sync: Sign In" or "Graph Sync: Connect to Sample Tenant".');
  }
}

/** Owns the current sign-in: builds credentials from the settings, checks them, and tells listeners about changes. */
export class ConnectionManager implements vscode.Disposable {
  private state: ConnectionState = { kind: 'signedOut' };
  private readonly changed = new vscode.EventEmitter<ConnectionState>();
  readonly onDidChange = this.changed.event;
  private readonly sampleTenant = new SampleTenant();
  /** Bumped by every restore, connect or sign-out, so that a slower, older attempt cannot overwrite a newer state. */
  private generation = 0;
  /** The connection settings of the last attempt: a settings event for settings already in use changes nothing. */
  private lastAttempt?: string;
  private readonly settingsSubscription: vscode.Disposable;
  /** The current connection's client options, to build a client that asks for more permissions. */
  private clientOptions?: GraphClientOptions;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.settingsSubscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (
        connectionSettings.some((key) => event.affectsConfiguration(key)) &&
        attemptKey(readSettings()) !== this.lastAttempt
      )
        void this.restore();
    });
  }

  get current(): ConnectionState {
    return this.state;
  }

  get apiVersion(): ApiVersion {
    return readSettings().apiVersion;
  }

  requireConnection(): Connection {
    if (this.state.kind !== 'signedIn') throw new NotSignedInError();
    return this.state.connection;
  }

  /**
   * A client whose delegated token also carries these permissions, asked for now: VS Code shows its consent prompt
   * when they are new (provisioning logs need one that Synchronization.ReadWrite.All does not include). App-only and
   * Azure CLI tokens carry what was granted, and the other sign-ins cannot add scopes here: their client is the
   * connection's, and Graph's 403 says what is missing. `prompt: false` (a view's own refresh): no prompt; its
   * requests fail unless the permissions were granted before.
   */
  async clientWithPermissions(permissions: readonly string[], { prompt = true } = {}): Promise<GraphClient> {
    const connection = this.requireConnection();
    const options = this.clientOptions;
    if (!options || !(options.credential instanceof VsCodeSessionCredential)) return connection.client;
    const scopes = [
      ...options.scopes,
      ...permissions.map((permission) => `${connection.endpoint.resource}/${permission}`),
    ];
    const credential = new VsCodeSessionCredential(vscode.authentication, connection.endpoint.vscodeProvider, scopes);
    if (prompt) await credential.signIn();
    return new GraphClient({ ...options, credential, scopes });
  }

  /** On activation and after settings change: connect without any prompt, or stay signed out quietly. */
  async restore(): Promise<void> {
    const generation = ++this.generation;
    const settings = readSettings();
    this.lastAttempt = attemptKey(settings);
    const canConnect = await this.canConnectSilently(settings);
    if (generation !== this.generation) return;
    if (canConnect) await this.connect(settings, false);
    else this.setSignedOut();
  }

  /** The Sign In command: may prompt (VS Code account, device code, secret). */
  async signIn(): Promise<Connection | undefined> {
    await this.context.globalState.update(signedOutKey, false);
    return this.connect(readSettings(), true);
  }

  /** Changes connection settings (in user settings) and signs in with them. */
  async switchTo(values: Partial<Record<string, unknown>>): Promise<Connection | undefined> {
    const next = { ...readSettings(), ...values } as Settings;
    this.lastAttempt = attemptKey(next);
    await updateSettings(values);
    return this.signIn();
  }

  private async canConnectSilently(settings: Settings): Promise<boolean> {
    if (this.context.globalState.get<boolean>(signedOutKey)) return false;
    switch (settings.signInMethod) {
      case 'deviceCode':
        return false;
      case 'vscode':
        return (
          (await this.vscodeCredential(settings)
            ?.currentSession()
            .catch(() => undefined)) !== undefined
        );
      case 'clientSecret':
        return (await this.storedSecret(settings)) !== undefined;
      default:
        return true;
    }
  }

  async signOut(): Promise<void> {
    await this.context.globalState.update(signedOutKey, true);
    this.generation++;
    await this.sampleTenant.stop();
    this.setSignedOut();
  }

  async setClientSecret(clientId: string, secret: string): Promise<void> {
    await this.context.secrets.store(secretKey(clientId), secret);
  }

  private async connect(settings: Settings, interactive: boolean): Promise<Connection | undefined> {
    const generation = ++this.generation;
    this.lastAttempt = attemptKey(settings);
    this.setState({ kind: 'connecting', method: settings.signInMethod });
    try {
      const request = await this.credentialRequest(settings, interactive);
      const credential = createCredential(request);
      const account = await this.verify(credential, settings, interactive);
      const clientOptions: GraphClientOptions = {
        endpoint: request.endpoint,
        credential: credential.credential,
        scopes: credential.scopes,
        defaultVersion: settings.apiVersion,
        acceptLanguage: vscode.env.language || 'en-US',
        trustedCaPem: request.trustedCaPem,
        trace: traceRequests(this.log),
      };
      const connection: Connection = {
        client: new GraphClient(clientOptions),
        endpoint: request.endpoint,
        method: settings.signInMethod,
        account,
        tenant: request.tenant,
      };
      if (generation !== this.generation) return undefined;
      this.clientOptions = clientOptions;
      this.log.info(
        `Signed in with ${signInMethods[settings.signInMethod]} as ${account} (${request.endpoint.displayName}, tenant ${request.tenant || 'organizations'}).`,
      );
      this.setState({ kind: 'signedIn', connection });
      return connection;
    } catch (error) {
      if (generation !== this.generation) return undefined;
      const problem = error instanceof Error ? error.message : String(error);
      this.log.error(`Sign-in with ${signInMethods[settings.signInMethod]} failed: ${problem}`);
      this.setSignedOut(problem);
      if (interactive) throw error;
      return undefined;
    }
  }

  private async credentialRequest(settings: Settings, interactive: boolean): Promise<CredentialRequest> {
    if (settings.signInMethod === 'sampleTenant') {
      const sample = await this.sampleTenant.start(settings.sampleTenantEndpoint, this.log);
      return {
        method: 'sampleTenant',
        endpoint: loopbackEndpoint(sample.url),
        tenant: sample.tenantId,
        ...sample.credentials,
        trustedCaPem: sample.trustedCaPem,
      };
    }
    await this.sampleTenant.stop();
    const endpoint = nationalClouds[settings.cloud] ?? nationalClouds.Global;
    const request: CredentialRequest = {
      method: settings.signInMethod,
      endpoint,
      tenant: settings.tenant,
      clientId: settings.clientId,
      certificatePath: settings.clientCertificatePath,
      authentication: vscode.authentication,
      uiKind: uiKind(),
      onDeviceCode: (info) => void showDeviceCode(info.userCode, info.verificationUri),
    };
    if (settings.signInMethod === 'clientSecret') {
      request.clientSecret =
        (await this.storedSecret(settings)) ??
        (interactive && settings.clientId ? await this.askForSecret(settings.clientId) : undefined);
    }
    return request;
  }

  /** Gets a first token now, so that a wrong setting is reported at sign-in rather than on the first click. */
  private async verify(credential: Credential, settings: Settings, interactive: boolean): Promise<string> {
    if (credential.credential instanceof VsCodeSessionCredential && interactive) {
      const session = await credential.credential.signIn();
      return session.account.label;
    }
    const token = await credential.credential.getToken(credential.scopes);
    if (!token) throw new Error('No access token was returned.');
    return tokenAccount(token.token) ?? signInMethods[settings.signInMethod];
  }

  private vscodeCredential(settings: Settings): VsCodeSessionCredential | undefined {
    const credential = createCredential({
      method: 'vscode',
      endpoint: nationalClouds[settings.cloud],
      tenant: settings.tenant,
      clientId: settings.clientId,
      authentication: vscode.authentication,
      uiKind: uiKind(),
    });
    // On the web without graphSync.clientId the sign-in is a browser one, which never reconnects silently.
    return credential.credential instanceof VsCodeSessionCredential ? credential.credential : undefined;
  }

  private async storedSecret(settings: Settings): Promise<string | undefined> {
    return settings.clientId ? this.context.secrets.get(secretKey(settings.clientId)) : undefined;
  }

  /** The one client-secret input box (sign-in and Set Client Secret): stores what is typed for the app. */
  async askForSecret(clientId: string): Promise<string | undefined> {
    const secret = await vscode.window.showInputBox({
      title: 'Graph Sync: Client Secret',
      prompt: `Client secret of app ${clientId}. It is kept in VS Code's secret storage, never in settings or logs.`,
      password: true,
      ignoreFocusOut: true,
    });
    if (secret) await this.setClientSecret(clientId, secret);
    return secret || undefined;
  }

  private setSignedOut(problem?: string): void {
    this.setState({ kind: 'signedOut', problem });
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    void vscode.commands.executeCommand('setContext', contextKeys.signedIn, state.kind === 'signedIn');
    this.changed.fire(state);
  }

  dispose(): void {
    this.settingsSubscription.dispose();
    void this.sampleTenant.stop();
    this.changed.dispose();
  }
}

const attemptKey = (settings: Settings) =>
  JSON.stringify([
    settings.signInMethod,
    settings.cloud,
    settings.tenant,
    settings.clientId,
    settings.clientCertificatePath,
    settings.sampleTenantEndpoint,
  ]);

async function showDeviceCode(userCode: string, verificationUri: string): Promise<void> {
  const action = await vscode.window.showInformationMessage(
    `To sign in, open ${verificationUri} and enter the code ${userCode}.`,
    'Copy Code and Open Browser',
  );
  if (action) {
    await vscode.env.clipboard.writeText(userCode);
    await vscode.env.openExternal(vscode.Uri.parse(verificationUri));
  }
}

const uiKind = () => (vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop');
