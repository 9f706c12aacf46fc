import * as vscode from 'vscode';
import type { RequestTrace } from '../graph/middleware';

/** The "Graph Sync" log. Request traces carry method, URL, status and ids: never headers, bodies or tokens. */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Graph Sync', { log: true });
}

export function traceRequests(log: vscode.LogOutputChannel): (event: RequestTrace) => void {
  return (event) => {
    const ids = [
      event.requestId && `request-id ${event.requestId}`,
      event.clientRequestId && `client-request-id ${event.clientRequestId}`,
    ]
      .filter(Boolean)
      .join(', ');
    const outcome = event.failure ?? String(event.status ?? '');
    const attempt = event.attempt > 1 ? ` (attempt ${event.attempt})` : '';
    const line = `${event.method} ${event.url} -> ${outcome} in ${event.elapsedMs} ms${attempt}${ids ? ` [${ids}]` : ''}`;
    if (event.retryInSeconds !== undefined) log.warn(`${line}; retrying in ${event.retryInSeconds} s`);
    else if (event.failure || (event.status ?? 0) >= 400) log.warn(line);
    else log.info(line);
  };
}
