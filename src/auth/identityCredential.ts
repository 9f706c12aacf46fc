// @azure/identity, with MSAL, is most of the extension's weight. It is loaded on the first token request rather than
// at activation (the extension ships it as its own file: scripts/build.mjs), and signing in with the VS Code account
// never loads it.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';

export type IdentityModule = typeof import('@azure/identity');

/** An @azure/identity credential, created from the library once it is loaded. */
export class IdentityCredential<T extends TokenCredential = TokenCredential> implements TokenCredential {
  private created?: Promise<T>;

  constructor(private readonly create: (identity: IdentityModule) => T) {}

  /** The @azure/identity credential itself (loads the library the first time). */
  credential(): Promise<T> {
    this.created ??= import('@azure/identity').then(this.create);
    return this.created;
  }

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    return (await this.credential()).getToken(scopes, options);
  }
}
