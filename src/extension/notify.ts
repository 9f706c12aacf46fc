import * as vscode from 'vscode';
import { GraphRequestError } from '../graph/errors';

/**
 * Tells the user that something failed, with what Graph said, the request-id support will ask for, and what to do.
 * The full story is also written to the log. Returns at once; the notification stays until dismissed.
 */
export function showError(what: string, error: unknown, log: vscode.LogOutputChannel): void {
  const actions: string[] = [];
  let text: string;
  if (error instanceof GraphRequestError) {
    const ids = error.requestId ? ` (request-id ${error.requestId})` : '';
    text = `${what}: ${error.message}${ids}. ${error.hint}`;
    if (error.requestId) actions.push('Copy Request ID');
  } else {
    text = `${what}: ${error instanceof Error ? error.message : String(error)}`;
  }
  log.error(text);
  actions.push('Show Log');
  // Not awaited: the command that failed is over, whether or not the user ever answers the notification.
  void vscode.window.showErrorMessage(text, ...actions).then(async (choice) => {
    if (choice === 'Copy Request ID' && error instanceof GraphRequestError && error.requestId) await vscode.env.clipboard.writeText(error.requestId);
    if (choice === 'Show Log') log.show(true);
  });
}
