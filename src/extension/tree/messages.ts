import type * as vscode from 'vscode';
import type { ServicePrincipal } from '../../graph/types';
import { commandIds } from '../ids';
import { rootId, type MessageNode } from './nodes';

// The tree's messages: what it says when a load failed (with a retry) or listed nothing, and the view's description.

/** A failed load of any kind: the message says what could not be loaded and why; the item retries it. */
export function errorNode(parentId: string, text: string, error: unknown, retry: vscode.Command): MessageNode {
  return {
    kind: 'message',
    parentId,
    text: `${text}: ${error instanceof Error ? error.message : String(error)}`,
    error,
    command: retry,
  };
}

export function retryServicePrincipal(servicePrincipal: ServicePrincipal): vscode.Command {
  return {
    command: commandIds.refreshServicePrincipal,
    title: 'Retry',
    arguments: [{ kind: 'servicePrincipal', servicePrincipal }],
  };
}

export const retryRoot: vscode.Command = { command: commandIds.refresh, title: 'Retry' };

/** What the tree says when no service principal is listed, with the command that would list some. */
export function emptyListNode(search: string, onlyFromApplicationTemplates: boolean): MessageNode {
  if (search) {
    return {
      kind: 'message',
      parentId: rootId,
      text: `No service principals whose name starts with "${search}"`,
      command: { command: commandIds.clearFilter, title: 'Clear Filter' },
    };
  }
  if (onlyFromApplicationTemplates) {
    return {
      kind: 'message',
      parentId: rootId,
      text: 'No service principals created from application templates. Show all…',
      command: { command: commandIds.showAllServicePrincipals, title: 'Show All' },
    };
  }
  return { kind: 'message', parentId: rootId, text: 'No service principals in this tenant' };
}

/**
 * The view's description ("5 of 20 · gallery apps only") and message ("Gallery apps only · 5 of 20 loaded · name
 * starts with "Sa""). The message says the mode and the count too: a view alone in its container shows no description.
 */
export function viewDescription(
  search: string,
  onlyFromApplicationTemplates: boolean,
  shown?: number,
  total?: number,
): { description: string; message?: string } {
  // Apps from application templates are the gallery and non-gallery (SCIM) apps: the only ones with templates.
  const scope = onlyFromApplicationTemplates ? 'gallery apps only' : 'all apps';
  const count = shown !== undefined ? `${shown}${total !== undefined ? ` of ${total}` : ''}` : undefined;
  const mode = scope[0].toUpperCase() + scope.slice(1);
  return {
    description: [count, scope].filter(Boolean).join(' · '),
    message: [mode, count && `${count} loaded`, search && `name starts with "${search}"`].filter(Boolean).join(' · '),
  };
}
