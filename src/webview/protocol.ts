// The messages between the extension and the response webview. Plain data only: everything here crosses
// postMessage, is saved with the webview's state, and is rendered as text (it contains tenant data).
import type { RequestSnippets } from '../graph/requestSnippets';
import type { Finding } from '../schema/types';

export type { Finding, RequestSnippets };

/** Everything the response view shows; built by src/responses/describeResponse.ts. */
export interface ResponseViewModel {
  /** e.g. "Create job: BoxOutDelta on Box". */
  title: string;
  /** The headline: "201 Created: job … created", or what failed; hint says what to do about it. */
  outcome: { kind: 'success' | 'warning' | 'error'; summary: string; hint?: string };
  /** Absent when no request was sent. status is absent when no response arrived. */
  request?: {
    method: string;
    url: string;
    status?: number;
    statusText?: string;
    elapsedMs: number;
    startedAt: string;
    apiVersion: string;
    /** The cloud as the status bar names it, e.g. "Global" or "Sample tenant (emulator)". */
    cloud?: string;
    requestId?: string;
    clientRequestId?: string;
    date?: string;
    requestBody?: string;
  };
  /** Graph's error for a failed request. */
  error?: { code?: string; message: string; requestId?: string; date?: string; hint: string };
  /** Pretty JSON when the response parsed (language 'json'), otherwise the raw text. Finding lines refer to this text. */
  body: { text: string; parsed: boolean; language: 'json' | 'text' };
  /** Absent when the body was not validated (error responses). */
  validation?: { schema: string; findings: Finding[]; validateMs: number };
  /** The request to reproduce it, with a token placeholder; absent when no request was sent. */
  snippets?: RequestSnippets;
  /** The job the response is about, when there is one to act on (read again, start). */
  job?: { servicePrincipalId: string; servicePrincipalName: string; jobId: string; canStart: boolean };
}

/** What the webview saves with vscode.setState, and what the panel serializer gets back after a reload. */
export interface SavedState {
  view: ResponseViewModel;
}

/** Enough of a shape check that state saved by another version of the extension cannot break the view. */
export function isViewModel(value: unknown): value is ResponseViewModel {
  const view = value as ResponseViewModel | undefined;
  return (
    typeof view?.title === 'string' && typeof view.outcome?.summary === 'string' && typeof view.body?.text === 'string'
  );
}

/** Extension → webview. */
export type HostToWebview = { type: 'show'; view: ResponseViewModel };

/** What the action bar asks the extension to do with the view on screen. */
export type ResponseAction = 'startJob' | 'refresh' | 'openJson';

export const responseActions: readonly ResponseAction[] = ['startJob', 'refresh', 'openJson'];

/**
 * Webview → extension. 'ready': the script runs and can receive 'show'. 'copy': the user asked to copy text (the
 * extension writes the clipboard; `what` names it for the status bar). 'action': a button of the action bar.
 * 'rendered': a view is on screen.
 */
export type WebviewToHost =
  | { type: 'ready' }
  | { type: 'copy'; text: string; what: string }
  | { type: 'action'; action: ResponseAction }
  | { type: 'rendered'; findings: number; lines: number };
