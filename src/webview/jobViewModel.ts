// What the job view shows, as plain data: it crosses postMessage, is saved with the webview's state and is rendered
// as text only (it holds tenant data). Built by src/views/jobView.ts; rendered by src/webview/jobMain.ts.

/** What the job view's buttons ask the extension to do. */
export type JobViewAction =
  | 'start'
  | 'pause'
  | 'restart'
  | 'setCredentials'
  | 'testConnection'
  | 'provisionOnDemand'
  | 'showScimTraffic'
  | 'showJson'
  | 'refresh'
  | 'openTroubleshooting';

export const jobViewActions: readonly JobViewAction[] = [
  'start',
  'pause',
  'restart',
  'setCredentials',
  'testConnection',
  'provisionOnDemand',
  'showScimTraffic',
  'showJson',
  'refresh',
  'openTroubleshooting',
];

export interface JobViewRow {
  label: string;
  value: string;
}

export interface JobViewSection {
  label: string;
  rows: JobViewRow[];
}

/** One SCIM request of a provision-on-demand step and the answer it got (bodies as text, pretty when JSON). */
export interface JobViewExchange {
  request: { method: string; path: string; body: string };
  response: { status: string; body: string };
}

export interface JobViewStep {
  name: string;
  type: string;
  status: string;
  description: string;
  details: JobViewRow[];
  exchanges: JobViewExchange[];
}

/** The cycle running now (progress and the counts of its log entries so far), or the one this view saw end. */
export interface JobViewCycle {
  running: boolean;
  processed: number;
  total: number;
  text: string;
}

export interface JobViewModel {
  title: string;
  servicePrincipalId: string;
  servicePrincipalName: string;
  jobId: string;
  /** Active, Paused, Disabled, Quarantine, or Deleted. */
  state: string;
  headline: { kind: 'success' | 'warning' | 'error' | 'info'; text: string; hint?: string };
  sections: JobViewSection[];
  /** The last Test Connection in this view. */
  connection?: { valid: boolean; text: string; hint?: string };
  cycle?: JobViewCycle;
  /** The last Provision on Demand in this view. */
  onDemand?: { subject: string; status: string; summary: string; steps: JobViewStep[] };
  /** The troubleshooting link, only when it is an https URL (shown as text; the extension opens it). */
  troubleshootingUrl?: string;
  /** The buttons that can succeed in the job's state, in order. */
  actions: JobViewAction[];
  /** When the job was read (ISO), and whether a change since then may not be shown yet. */
  readAt?: string;
  stale: boolean;
}

export interface JobViewSavedState {
  jobView: JobViewModel;
}

export function isJobViewModel(value: unknown): value is JobViewModel {
  const view = value as JobViewModel | undefined;
  return typeof view?.jobId === 'string' && Array.isArray(view.sections) && Array.isArray(view.actions);
}

export type HostToJobView = { type: 'showJob'; view: JobViewModel };

export type JobViewToHost =
  { type: 'ready' } | { type: 'action'; action: JobViewAction } | { type: 'rendered'; jobId: string; state: string };
