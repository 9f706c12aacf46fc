// The logs webview's side of the channel to the extension.
import type { LogsWebviewMessage } from './protocol';

declare function acquireVsCodeApi(): { postMessage(message: LogsWebviewMessage): void };

// acquireVsCodeApi may be called only once per page.
const vscode = acquireVsCodeApi();

export function post(message: LogsWebviewMessage): void {
  vscode.postMessage(message);
}
