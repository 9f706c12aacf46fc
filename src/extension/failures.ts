import * as vscode from 'vscode';
import { GraphRequestError } from '../graph/errors';
import { plainText } from './plainText';
import type { Ui } from './ui';

/** A failure with what the user was doing ("Could not start the Box job", tenant text made plain with `safe`). */
export class Failure extends Error {
  constructor(
    readonly what: string,
    override readonly cause: unknown,
  ) {
    super(`${what}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'Failure';
  }
}

/** Runs a step and names it in the failure it may throw (cancellations pass through unchanged). */
export async function describedAs<T>(what: string, step: () => PromiseLike<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw isCancellation(error) || error instanceof Failure ? error : new Failure(what, error);
  }
}

/** A user's cancel: never an error toast. */
export function isCancellation(error: unknown): boolean {
  if (error instanceof Failure) return isCancellation(error.cause);
  if (error instanceof vscode.CancellationError) return true;
  if (error instanceof GraphRequestError) return error.kind === 'cancelled';
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * The short form of a cause for the one line a notification shows: Graph's status, code and request-id (what support
 * asks for), or the first line of the message. The rest (Graph's message, the hint) goes to the log.
 */
function briefly(cause: unknown): string {
  if (cause instanceof GraphRequestError) {
    const code = [cause.status, cause.code].filter(Boolean).join(' ') || cause.message;
    return cause.requestId ? `${code} (request-id ${cause.requestId})` : code;
  }
  return (cause instanceof Error ? cause.message : String(cause)).split('\n')[0];
}

/** Everything about a failure, for the log: Graph's message, request-id, date and what to do, or the stack. */
function inFull(what: string, cause: unknown): string {
  if (cause instanceof GraphRequestError) {
    const ids = [
      cause.requestId && `request-id ${cause.requestId}`,
      cause.clientRequestId && `client-request-id ${cause.clientRequestId}`,
      cause.date && `date ${cause.date}`,
    ];
    return [`${what}: ${cause.message}`, ids.filter(Boolean).join(', '), cause.hint].filter(Boolean).join('. ');
  }
  return `${what}: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`;
}

/**
 * Shows a failure once, as one line (what failed and Graph's code), with Show Details and Copy Request ID; writes the
 * full story to the log. Show Details opens where the whole story is: the view that shows it (`showView`), else the
 * log. Returns at once: the notification stays until dismissed.
 */
export function reportFailure(
  ui: Ui,
  log: vscode.LogOutputChannel,
  what: string,
  error: unknown,
  showView?: () => void,
): void {
  const cause = error instanceof Failure ? error.cause : error;
  log.error(inFull(what, cause));
  const requestId = cause instanceof GraphRequestError ? cause.requestId : undefined;
  const actions = ['Show Details', ...(requestId ? ['Copy Request ID'] : [])];
  // Not awaited: the command that failed is over, whether or not the user ever answers the notification.
  void ui.error(`${what}: ${plainText(briefly(cause))}`, ...actions).then(async (choice) => {
    if (choice === 'Copy Request ID' && requestId) await vscode.env.clipboard.writeText(requestId);
    if (choice === 'Show Details') {
      if (showView) showView();
      else log.show(true);
    }
  });
}
