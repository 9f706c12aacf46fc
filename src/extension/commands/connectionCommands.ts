import { signInMethods, type SignInMethod } from '../../auth/credentials';
import { cloudIds, nationalClouds } from '../../graph/clouds';
import type { ApiVersion } from '../../graph/types';
import { describedAs } from '../failures';
import type { Services } from '../services';
import { apiVersions, readSettings, updateSettings } from '../settings';

export function signIn(services: Services): Promise<boolean> {
  // Delegated methods need no app registration: without graphSync.clientId they use Microsoft's public client.
  return connect(services, () => services.connection.signIn());
}

export async function signOut(services: Services): Promise<void> {
  await services.connection.signOut();
}

export function connectSampleTenant(services: Services): Promise<boolean> {
  return connect(services, () => services.connection.switchTo({ signInMethod: 'sampleTenant' }));
}

export async function setClientSecret(services: Services): Promise<void> {
  const { clientId, signInMethod } = readSettings();
  if (!clientId) {
    void services.ui.warn('Set graphSync.clientId to the app registration first; the secret is stored for that app.');
    return;
  }
  const secret = await services.connection.askForSecret(clientId);
  if (secret && signInMethod === 'clientSecret') await connect(services, () => services.connection.signIn());
}

const versionDetails: Record<ApiVersion, string> = {
  'v1.0': 'Generally available API',
  beta: 'Preview API: may change; not supported for production use',
};

export async function selectApiVersion(services: Services): Promise<void> {
  const current = readSettings().apiVersion;
  const chosen = await services.ui.pick(
    apiVersions.map((version) => ({
      label: version,
      detail: versionDetails[version],
      description: version === current ? 'current' : undefined,
      value: version,
    })),
    { title: 'Graph Sync: Microsoft Graph API Version' },
  );
  if (chosen && chosen !== current) await updateSettings({ apiVersion: chosen });
}

/** Everything about the connection in one picker (the status bar item opens it). */
export async function switchConnection(services: Services): Promise<void> {
  const settings = readSettings();
  const signedIn = services.connection.current.kind === 'signedIn';
  const actions = [
    {
      icon: 'account',
      label: 'Sign-in Method…',
      description: signInMethods[settings.signInMethod],
      value: () => chooseMethod(services),
    },
    {
      icon: 'globe',
      label: 'Cloud…',
      description: nationalClouds[settings.cloud]?.displayName,
      value: () => chooseCloud(services),
    },
    {
      icon: 'organization',
      label: 'Tenant…',
      description: settings.tenant || 'organizations',
      value: () => chooseTenant(services),
    },
    {
      icon: 'versions',
      label: 'API Version…',
      description: settings.apiVersion,
      value: () => selectApiVersion(services),
    },
    {
      icon: 'beaker',
      label: 'Connect to Sample Tenant',
      description: 'local emulator, no account needed',
      value: () => connectSampleTenant(services),
    },
    signedIn
      ? { icon: 'sign-out', label: 'Sign Out', value: () => signOut(services) }
      : { icon: 'sign-in', label: 'Sign In', value: () => signIn(services) },
  ];
  const chosen = await services.ui.pick<() => Promise<unknown>>(actions, { title: 'Graph Sync: Connection' });
  await chosen?.();
}

async function chooseMethod(services: Services): Promise<void> {
  const entries = Object.entries(signInMethods) as [SignInMethod, string][];
  const method = await services.ui.pick(
    entries.map(([value, label]) => ({ label, value })),
    { title: 'Graph Sync: Sign-in Method' },
  );
  if (method) await connect(services, () => services.connection.switchTo({ signInMethod: method }));
}

async function chooseCloud(services: Services): Promise<void> {
  const cloud = await services.ui.pick(
    cloudIds.map((value) => ({
      label: nationalClouds[value].displayName,
      description: new URL(nationalClouds[value].graphUrl).host,
      value,
    })),
    { title: 'Graph Sync: National Cloud' },
  );
  if (cloud) await connect(services, () => services.connection.switchTo({ cloud }));
}

async function chooseTenant(services: Services): Promise<void> {
  const tenant = await services.ui.input({
    title: 'Graph Sync: Tenant',
    prompt:
      'Tenant id or verified domain (e.g. contoso.onmicrosoft.com); "organizations" for any work account (delegated sign-in only)',
    value: readSettings().tenant,
    validate: (value) => (/^[\w.-]+$/.test(value.trim()) ? undefined : 'A tenant id (GUID) or a domain name'),
  });
  if (tenant !== undefined) await connect(services, () => services.connection.switchTo({ tenant: tenant.trim() }));
}

/** Signs in with progress in the status bar; a failure is thrown as "Sign-in failed" for the command registry. */
async function connect(services: Services, attempt: () => Promise<unknown>): Promise<boolean> {
  const connected = await describedAs('Sign-in failed', () =>
    services.ui.quietProgress('Graph Sync: Signing in…', attempt),
  );
  return connected !== undefined;
}
