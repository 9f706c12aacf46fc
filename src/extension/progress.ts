import * as vscode from 'vscode';
import { servicePrincipalsViewId } from './tree/servicePrincipalsTree';

/**
 * Runs a Graph operation with progress where the user looks: a progress bar on the tree view and a cancellable
 * notification that says what is happening. Cancelling aborts the request.
 */
export function withProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: { viewId: servicePrincipalsViewId } }, () =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) => {
      const abort = new AbortController();
      const subscription = token.onCancellationRequested(() => abort.abort(new vscode.CancellationError()));
      return task(abort.signal).finally(() => subscription.dispose());
    }),
  );
}
