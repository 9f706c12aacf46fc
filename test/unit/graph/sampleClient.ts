import { createCredential } from '../../../src/auth/credentials';
import { GraphClient, type GraphClientOptions } from '../../../src/graph/client';
import { loopbackEndpoint } from '../../../src/graph/clouds';
import type { RequestTrace } from '../../../src/graph/middleware';
import type { RunningEmulator, SampleAppCredentials } from '../../../src/emulator';

/**
 * A GraphClient signed in to an emulator the way the extension signs in to the sample tenant: a real
 * @azure/identity ClientSecretCredential against the emulator's token endpoint, its CA pinned for this client only.
 */
export function sampleClient(
  emulator: RunningEmulator,
  options: Partial<GraphClientOptions> & { app?: SampleAppCredentials; traces?: RequestTrace[] } = {},
): GraphClient {
  const endpoint = loopbackEndpoint(emulator.url);
  const app = options.app ?? emulator.credentials;
  const { credential, scopes } = createCredential({
    method: 'sampleTenant',
    endpoint,
    tenant: emulator.tenantId,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    trustedCaPem: emulator.tls.caCertPem,
  });
  return new GraphClient({
    endpoint,
    credential,
    scopes,
    defaultVersion: 'v1.0',
    acceptLanguage: 'en-US',
    trustedCaPem: emulator.tls.caCertPem,
    retry: { maxRetries: 3, maxDelaySeconds: 5 },
    trace: (event) => options.traces?.push(event),
    ...options,
  });
}

/** Graph requests that cost a round trip: everything but token requests, and a $batch counts once. */
export function roundTrips(emulator: RunningEmulator): number {
  return emulator.requests
    .entries()
    .filter((entry) => !entry.inBatch && entry.route !== 'token' && entry.route !== 'openidConfiguration').length;
}
