// One request as the emulator processes it, whether it came over the socket or inside a $batch, and its answer.
import type { RequestIds } from './errors';
import type { RouteName } from './types';

export interface EmulatorCall {
  method: string;
  /** Path including the version segment, e.g. /v1.0/servicePrincipals. */
  path: string;
  /** Raw query string without '?'. */
  rawQuery: string;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  body: string;
  inBatch: boolean;
  /** https://host:port the client used, for absolute links (nextLink, Location, issuer). */
  origin: string;
  ids: RequestIds;
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialized as JSON unless it is a string (sent as is). */
  body?: unknown;
  /** Instead of answering: drop the connection, or never answer. */
  transport?: 'reset' | 'hang';
}

export interface RoutedCall extends EmulatorCall {
  route: RouteName;
  version: 'v1.0' | 'beta';
  /** Decoded path parameters: servicePrincipal, application, template, job. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The app the bearer token was issued to. */
  appId: string;
}

export const jsonContentType =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export const noContent = (): EmulatorResponse => ({ status: 204 });
export const ok = (body: unknown, status = 200, headers: Record<string, string> = {}): EmulatorResponse => ({
  status,
  body,
  headers,
});
