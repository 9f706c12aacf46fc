// The webview's side of the channel to the extension, and the state VS Code keeps while the panel is hidden or
// the window reloads.
import { isViewModel, type ResponseViewModel, type SavedState, type WebviewToHost } from './protocol';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

// acquireVsCodeApi may be called only once per page.
const vscode = acquireVsCodeApi();

export function post(message: WebviewToHost): void {
  vscode.postMessage(message);
}

/** Asks the extension to put text on the clipboard; `what` names it in the confirmation ("Copied request-id"). */
export function copy(text: string, what: string): void {
  post({ type: 'copy', text, what });
}

export function saveView(view: ResponseViewModel): void {
  const state: SavedState = { view };
  vscode.setState(state);
}

export function savedView(): ResponseViewModel | undefined {
  const state = vscode.getState() as Partial<SavedState> | undefined;
  return isViewModel(state?.view) ? state.view : undefined;
}
