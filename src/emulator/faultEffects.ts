// What each fault kind does to a response.
import { GraphErrorReply } from './errors';
import type { EmulatorResponse } from './call';
import type { FaultKind, FaultRule } from './types';

/** Kinds that replace the answer, before or after the request was applied. */
export const outcomeKinds: readonly FaultKind[] = [
  'throttle',
  'unavailable',
  'gatewayTimeout',
  'reset',
  'hang',
  'malformedJson',
];

const retryAfter = (rule: FaultRule, fallback?: number): Record<string, string> => {
  const seconds = rule.retryAfterSeconds ?? fallback;
  return seconds === undefined ? {} : { 'Retry-After': String(seconds) };
};

/** The failure a rule stands for; undefined for malformedJson, which needs the real answer to spoil. */
export function faultFailure(rule: FaultRule): GraphErrorReply | EmulatorResponse | undefined {
  switch (rule.kind) {
    case 'throttle':
      // The message of captured 429s (FACTS.md, "Errors, headers, queries as captured").
      return new GraphErrorReply(429, 'TooManyRequests', 'Please retry again later.', retryAfter(rule, 1));
    case 'unavailable':
      return new GraphErrorReply(
        503,
        'serviceNotAvailable',
        'The service is temporarily unavailable. Please retry later.',
        retryAfter(rule),
      );
    case 'gatewayTimeout':
      return new GraphErrorReply(
        504,
        'UnknownError',
        'The gateway did not receive a response from the service in time.',
        retryAfter(rule),
      );
    case 'reset':
    case 'hang':
      return { status: 0, transport: rule.kind };
    default:
      return undefined;
  }
}

/** A 2xx answer whose JSON body is cut off halfway, as a dropped proxy connection leaves it. */
export function spoilJson(response: EmulatorResponse): EmulatorResponse {
  if (response.body === undefined) return response;
  const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  return { ...response, body: text.slice(0, Math.max(1, Math.floor(text.length / 2))) };
}
