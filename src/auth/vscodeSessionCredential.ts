// VS Code's Microsoft account as an @azure/identity TokenCredential. The `authentication` namespace is passed in
// (rather than imported from 'vscode') so the adapter runs and is tested in plain Node.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import type { GraphEndpoint } from '../graph/clouds';
import { tokenExpiry } from './tokenClaims';

export interface AuthenticationSessionLike {
  accessToken: string;
  account: { id: string; label: string };
}

/** The part of `vscode.authentication` this adapter uses. */
export interface AuthenticationApi {
  getSession(
    providerId: string,
    scopes: readonly string[],
    options: { createIfNone?: boolean; silent?: boolean; clearSessionPreference?: boolean },
  ): Thenable<AuthenticationSessionLike | undefined>;
}

/** Delegated permissions the extension needs: read service principals, read and write synchronization. */
export const delegatedPermissions = ['Application.Read.All', 'Synchronization.ReadWrite.All'];

/**
 * Scopes for VS Code's Microsoft provider. VS Code's own client id only has a fixed allow-list of scopes, so the
 * user's own public-client app registration is named with the `VSCODE_CLIENT_ID:` pseudo-scope.
 */
export function vscodeSessionScopes(endpoint: GraphEndpoint, clientId: string, tenant: string): string[] {
  return [
    ...delegatedPermissions.map((permission) => `${endpoint.resource}/${permission}`),
    `VSCODE_CLIENT_ID:${clientId}`,
    `VSCODE_TENANT:${tenant || 'organizations'}`,
  ];
}

export class VsCodeSessionCredential implements TokenCredential {
  constructor(
    private readonly authentication: AuthenticationApi,
    private readonly providerId: GraphEndpoint['vscodeProvider'],
    private readonly scopes: readonly string[],
  ) {}

  /** Interactive sign-in (used by the Sign In command); later token requests stay silent. */
  async signIn(): Promise<AuthenticationSessionLike> {
    const session = await this.authentication.getSession(this.providerId, this.scopes, { createIfNone: true });
    if (!session) throw new Error('Sign-in was cancelled.');
    return session;
  }

  async currentSession(): Promise<AuthenticationSessionLike | undefined> {
    return this.authentication.getSession(this.providerId, this.scopes, { silent: true });
  }

  // The Graph scopes of a request are fixed by the constructor: VS Code keys its sessions by the whole scope list.
  async getToken(_scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
    const session = await this.currentSession();
    if (!session) throw new Error('Not signed in to a Microsoft account in VS Code. Run "Graph Sync: Sign In".');
    return {
      token: session.accessToken,
      expiresOnTimestamp: tokenExpiry(session.accessToken) ?? Date.now() + 5 * 60_000,
    };
  }
}
