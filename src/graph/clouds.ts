// Where Graph and the sign-in authority live for each national cloud. Tokens are not interchangeable between
// clouds, so everything that decides where a token is sent comes from this table or from a loopback emulator URL.

export type CloudId = 'Global' | 'USGovernment' | 'USGovernmentDoD' | 'China';

export interface GraphEndpoint {
  /** 'SampleTenant' is the local emulator; it plays the global cloud. */
  cloud: CloudId | 'SampleTenant';
  displayName: string;
  /** Graph service root without a version segment, e.g. https://graph.microsoft.com */
  graphUrl: string;
  /** Microsoft Entra authority host, e.g. https://login.microsoftonline.com */
  authorityHost: string;
  /** Host of the admin portal that shows an enterprise app's provisioning page. */
  portalUrl: string;
  /** Scope prefix of delegated Graph permissions (`${resource}/Synchronization.ReadWrite.All`). */
  resource: string;
  /** VS Code authentication provider that signs in to this cloud. */
  vscodeProvider: 'microsoft' | 'microsoft-sovereign-cloud';
  /** Value of the `microsoft-sovereign-cloud.environment` setting the sovereign provider needs. */
  sovereignEnvironment?: 'USGovernment' | 'ChinaCloud';
  isLoopback: boolean;
}

export const nationalClouds: Readonly<Record<CloudId, GraphEndpoint>> = {
  Global: {
    cloud: 'Global',
    displayName: 'Global',
    graphUrl: 'https://graph.microsoft.com',
    authorityHost: 'https://login.microsoftonline.com',
    portalUrl: 'https://entra.microsoft.com',
    resource: 'https://graph.microsoft.com',
    vscodeProvider: 'microsoft',
    isLoopback: false,
  },
  USGovernment: {
    cloud: 'USGovernment',
    displayName: 'US Government L4 (GCC High)',
    graphUrl: 'https://graph.microsoft.us',
    authorityHost: 'https://login.microsoftonline.us',
    portalUrl: 'https://portal.azure.us',
    resource: 'https://graph.microsoft.us',
    vscodeProvider: 'microsoft-sovereign-cloud',
    sovereignEnvironment: 'USGovernment',
    isLoopback: false,
  },
  USGovernmentDoD: {
    cloud: 'USGovernmentDoD',
    displayName: 'US Government L5 (DoD)',
    graphUrl: 'https://dod-graph.microsoft.us',
    authorityHost: 'https://login.microsoftonline.us',
    portalUrl: 'https://portal.azure.us',
    resource: 'https://dod-graph.microsoft.us',
    vscodeProvider: 'microsoft-sovereign-cloud',
    sovereignEnvironment: 'USGovernment',
    isLoopback: false,
  },
  China: {
    cloud: 'China',
    displayName: 'China (21Vianet)',
    graphUrl: 'https://microsoftgraph.chinacloudapi.cn',
    authorityHost: 'https://login.chinacloudapi.cn',
    portalUrl: 'https://portal.azure.cn',
    resource: 'https://microsoftgraph.chinacloudapi.cn',
    vscodeProvider: 'microsoft-sovereign-cloud',
    sovereignEnvironment: 'ChinaCloud',
    isLoopback: false,
  },
};

export const cloudIds = Object.keys(nationalClouds) as CloudId[];

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The endpoint of a local Graph emulator. Only https on a loopback host is accepted: a bearer token must never be
 * sent to an arbitrary host just because a setting names it.
 */
export function loopbackEndpoint(url: string): GraphEndpoint {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`"${url}" is not a URL. Use the emulator's address, e.g. https://127.0.0.1:8443.`);
  }
  if (parsed.protocol !== 'https:' || !loopbackHosts.has(parsed.hostname)) {
    throw new Error(
      `"${url}" is not an https address on this machine (127.0.0.1, localhost or [::1]); only a local emulator may be used.`,
    );
  }
  const origin = parsed.origin;
  return {
    cloud: 'SampleTenant',
    displayName: 'Sample tenant (emulator)',
    graphUrl: origin,
    authorityHost: origin,
    portalUrl: nationalClouds.Global.portalUrl,
    // The emulator plays the global cloud, so tokens are requested for the global Graph resource.
    resource: nationalClouds.Global.resource,
    vscodeProvider: 'microsoft',
    isLoopback: true,
  };
}

/** The Entra admin center page of an enterprise application's provisioning settings. */
export function provisioningPortalUrl(endpoint: GraphEndpoint, servicePrincipalId: string, appId: string): string {
  const blade = '#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Provisioning';
  return `${endpoint.portalUrl}/${blade}/objectId/${encodeURIComponent(servicePrincipalId)}/appId/${encodeURIComponent(appId)}`;
}
