// Messages between the provisioning logs panel (src/extension/logs/logsPanel.ts) and its webview.
import type { ProvisioningAction, ProvisioningObjectSummary, ProvisioningResult } from '../../graph/provisioningLogs';

export const logStatuses: readonly ProvisioningResult[] = ['success', 'failure', 'skipped', 'warning'];
export const logActions: readonly ProvisioningAction[] = [
  'create',
  'update',
  'delete',
  'disable',
  'stagedDelete',
  'other',
];
export const logRanges = {
  all: 'Any time',
  '1d': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
} as const;
export type LogRange = keyof typeof logRanges;

/** The filters of the view; applied by Graph ($filter), never in the webview. Empty lists filter nothing. */
export interface LogsFilter {
  statuses: ProvisioningResult[];
  actions: ProvisioningAction[];
  range: LogRange;
}

export const noFilter: LogsFilter = { statuses: [], actions: [], range: 'all' };

export type LogsHostMessage =
  /** A new target or filter: the rows so far are dropped. `generation` names the answers that belong to it. */
  | { type: 'reset'; title: string; scope: string; filter: LogsFilter; generation: number }
  | { type: 'rows'; generation: number; entries: ProvisioningObjectSummary[]; more: boolean }
  | { type: 'failed'; generation: number; message: string; hint: string; requestId?: string; permission: boolean };

export type LogsWebviewMessage =
  | { type: 'ready' }
  | { type: 'filter'; filter: LogsFilter }
  /** The user scrolled near the end of what is loaded: the next page, if any. */
  | { type: 'more'; generation: number }
  | { type: 'export'; format: 'csv' | 'json' }
  /** What is on screen (tests wait on it): rows loaded, rows in the DOM, the selected entry's id, the texts shown. */
  | { type: 'rendered'; loaded: number; inDom: number; selected?: string; details?: string; problem?: string };
