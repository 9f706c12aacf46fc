import type { ApiVersion } from './types';

/**
 * One HTTP request to Graph and what came back, as shown to the user. Header names are lower-case (as fetch gives
 * them) and never include Authorization; a missing status means no response arrived (network failure, timeout,
 * cancellation).
 */
export interface GraphExchange {
  method: string;
  url: string;
  apiVersion: ApiVersion;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  status?: number;
  responseHeaders: Record<string, string>;
  responseText?: string;
  startedAt: string;
  elapsedMs: number;
}
