// A job's last provisioning cycle as the SCIM endpoint saw it: every request and answer, read from the local
// emulator's control API (GET /_emulator/scimTraffic/{jobId}, src/emulator/admin.ts) over the connection's own TLS
// trust. Real Microsoft Graph has no such endpoint (the provisioning service's requests are not exposed), so for any
// other endpoint this says so instead of calling anything.
import type { GraphClient } from '../graph/client';
import { GraphRequestError, parseErrorEnvelope } from '../graph/errors';
import { parseScimTraffic, type TrafficRecord } from './parseScimTraffic';

export type TrafficReading =
  /** The last cycle's requests (masked), and what in the answer had the wrong shape. */
  | { kind: 'traffic'; record: TrafficRecord }
  /** The emulator has no cycle of this job that ran against a SCIM endpoint; `scimBaseAddress`: its SCIM server. */
  | { kind: 'none'; message: string; scimBaseAddress?: string }
  /** Connected to something other than a local emulator. */
  | { kind: 'notEmulator'; graphUrl: string };

export async function readScimTraffic(
  client: GraphClient,
  jobId: string,
  options: { signal?: AbortSignal } = {},
): Promise<TrafficReading> {
  if (!client.endpoint.isLoopback) return { kind: 'notEmulator', graphUrl: client.endpoint.graphUrl };
  const answer = await client.getFromEmulator(`/_emulator/scimTraffic/${encodeURIComponent(jobId)}`, options.signal);
  if (answer.status === 404) {
    const message = parseErrorEnvelope(answer.text).message ?? 'No cycle of this job has run against a SCIM endpoint.';
    return { kind: 'none', message, scimBaseAddress: await scimServerOf(client, options.signal) };
  }
  if (answer.status < 200 || answer.status >= 300) {
    const envelope = parseErrorEnvelope(answer.text);
    throw new GraphRequestError({
      kind: 'http',
      status: answer.status,
      code: envelope.code,
      graphMessage: envelope.message ?? answer.text.slice(0, 200),
    });
  }
  return { kind: 'traffic', record: parseScimTraffic(answer.text) };
}

/** The sample SCIM server's address, from the emulator's health (absent when it runs without one). */
async function scimServerOf(client: GraphClient, signal?: AbortSignal): Promise<string | undefined> {
  const health = await client.getFromEmulator('/_emulator/health', signal);
  try {
    const address = (JSON.parse(health.text) as { scimBaseAddress?: unknown }).scimBaseAddress;
    return typeof address === 'string' ? address : undefined;
  } catch {
    return undefined;
  }
}
