// One place that turns the sign-in settings into an @azure/identity TokenCredential and the scopes to ask for.
import type { DeviceCodeInfo, TokenCredential } from '@azure/identity';
import type { GraphEndpoint } from '../graph/clouds';
import { IdentityCredential } from './identityCredential';
import { delegatedClientId } from './publicClient';
import {
  delegatedPermissions,
  VsCodeSessionCredential,
  vscodeSessionScopes,
  type AuthenticationApi,
} from './vscodeSessionCredential';

export type SignInMethod = 'vscode' | 'azureCli' | 'deviceCode' | 'clientSecret' | 'clientCertificate' | 'sampleTenant';

export const signInMethods: Readonly<Record<SignInMethod, string>> = {
  vscode: 'Microsoft account in VS Code',
  azureCli: 'Azure CLI (az login)',
  deviceCode: 'Device code',
  clientSecret: 'App-only: client secret',
  clientCertificate: 'App-only: client certificate',
  sampleTenant: 'Sample tenant (local emulator)',
};

export interface CredentialRequest {
  method: SignInMethod;
  endpoint: GraphEndpoint;
  /** Tenant id or domain; 'organizations' for any work account (delegated methods only). */
  tenant: string;
  /**
   * The user's app registration (public client for vscode/deviceCode, confidential for app-only). Empty for the
   * delegated methods: Microsoft's public Graph Command Line Tools client (./publicClient.ts).
   */
  clientId: string;
  /** Where VS Code runs: on the web its Microsoft sign-in redirects to vscode.dev, which only the user's own app allows. */
  uiKind?: 'desktop' | 'web';
  clientSecret?: string;
  certificatePath?: string;
  /** The emulator's CA, trusted for token requests to it only. */
  trustedCaPem?: string;
  authentication?: AuthenticationApi;
  onDeviceCode?: (info: DeviceCodeInfo) => void;
}

export interface Credential {
  credential: TokenCredential;
  scopes: string[];
  /** App-only credentials act as the app itself; delegated ones as the signed-in user. */
  appOnly: boolean;
}

export class CredentialSettingsError extends Error {}

const required = (value: string | undefined, what: string, method: SignInMethod): string => {
  if (!value) throw new CredentialSettingsError(`${signInMethods[method]} needs ${what}.`);
  return value;
};

export function createCredential(request: CredentialRequest): Credential {
  const { method, endpoint } = request;
  const appOnlyScopes = [`${endpoint.resource}/.default`];
  const authorityHost = endpoint.authorityHost;
  switch (method) {
    case 'vscode': {
      const clientId = delegatedClientId(request.clientId);
      if (!request.clientId && request.uiKind === 'web') {
        // The public client's redirect URIs are loopback ones (FACTS.md): a browser sign-in on a loopback redirect.
        const tenantId = request.tenant || 'organizations';
        return {
          credential: new IdentityCredential(
            ({ InteractiveBrowserCredential }) =>
              new InteractiveBrowserCredential({ tenantId, clientId, authorityHost, redirectUri: 'http://localhost' }),
          ),
          scopes: delegatedScopes(endpoint),
          appOnly: false,
        };
      }
      const scopes = vscodeSessionScopes(endpoint, clientId, request.tenant);
      if (!request.authentication)
        throw new CredentialSettingsError('Signing in with a VS Code account needs VS Code.');
      return {
        credential: new VsCodeSessionCredential(request.authentication, endpoint.vscodeProvider, scopes),
        scopes,
        appOnly: false,
      };
    }
    case 'azureCli':
      // The Azure CLI hands out tokens for one resource at a time, so the resource's .default scope is asked for.
      return {
        credential: new IdentityCredential(
          ({ AzureCliCredential }) => new AzureCliCredential({ tenantId: tenantOrUndefined(request.tenant) }),
        ),
        scopes: appOnlyScopes,
        appOnly: false,
      };
    case 'deviceCode': {
      // @azure/identity's own default would be the Azure CLI's client id, which Graph refuses for these scopes.
      const clientId = delegatedClientId(request.clientId);
      const tenantId = request.tenant || 'organizations';
      return {
        credential: new IdentityCredential(
          ({ DeviceCodeCredential }) =>
            new DeviceCodeCredential({
              tenantId,
              clientId,
              authorityHost,
              userPromptCallback: request.onDeviceCode,
              // Only a loopback endpoint (the emulator) is unknown to instance discovery and has its own CA.
              ...(endpoint.isLoopback
                ? {
                    disableInstanceDiscovery: true,
                    tlsOptions: request.trustedCaPem ? { ca: request.trustedCaPem } : undefined,
                  }
                : {}),
            }),
        ),
        scopes: delegatedScopes(endpoint),
        appOnly: false,
      };
    }
    case 'clientSecret': {
      const tenant = required(
        tenantOrUndefined(request.tenant),
        'a tenant id or domain (setting graphSync.tenant)',
        method,
      );
      const clientId = required(request.clientId, 'a client id (setting graphSync.clientId)', method);
      const secret = required(
        request.clientSecret,
        'a client secret (command "Graph Sync: Set Client Secret")',
        method,
      );
      return {
        credential: new IdentityCredential(
          ({ ClientSecretCredential }) => new ClientSecretCredential(tenant, clientId, secret, { authorityHost }),
        ),
        scopes: appOnlyScopes,
        appOnly: true,
      };
    }
    case 'clientCertificate': {
      const tenant = required(
        tenantOrUndefined(request.tenant),
        'a tenant id or domain (setting graphSync.tenant)',
        method,
      );
      const clientId = required(request.clientId, 'a client id (setting graphSync.clientId)', method);
      const certificatePath = required(
        request.certificatePath,
        'a PEM certificate file (setting graphSync.clientCertificatePath)',
        method,
      );
      return {
        credential: new IdentityCredential(
          ({ ClientCertificateCredential }) =>
            new ClientCertificateCredential(tenant, clientId, { certificatePath }, { authorityHost }),
        ),
        scopes: appOnlyScopes,
        appOnly: true,
      };
    }
    case 'sampleTenant': {
      if (!endpoint.isLoopback)
        throw new CredentialSettingsError('The sample tenant is only available on a local emulator.');
      const secret = required(request.clientSecret, 'the sample app secret', method);
      return {
        credential: new IdentityCredential(
          ({ ClientSecretCredential }) =>
            new ClientSecretCredential(request.tenant, request.clientId, secret, {
              authorityHost,
              // Instance discovery asks login.microsoftonline.com about the authority; a local emulator is not known
              // there. Only ever turned off for a loopback endpoint.
              disableInstanceDiscovery: true,
              tlsOptions: request.trustedCaPem ? { ca: request.trustedCaPem } : undefined,
            }),
        ),
        scopes: appOnlyScopes,
        appOnly: true,
      };
    }
  }
}

function delegatedScopes(endpoint: GraphEndpoint): string[] {
  return delegatedPermissions.map((permission) => `${endpoint.resource}/${permission}`);
}

// 'organizations' and 'common' name no tenant; app-only and CLI sign-in need a real one or none at all.
function tenantOrUndefined(tenant: string): string | undefined {
  return tenant && tenant !== 'organizations' && tenant !== 'common' ? tenant : undefined;
}
