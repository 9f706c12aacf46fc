// The job view's webview: renders the JobViewModel the extension sends, as text only, and keeps it in the webview
// state so the panel comes back after a reload. Buttons only post messages; the extension does the work.
import { announce } from './announce';
import { codicon, element, section } from './dom';
import { cycleSection, exchangeList } from './render/jobCycle';
import {
  isJobViewModel,
  type HostToJobView,
  type JobViewAction,
  type JobViewModel,
  type JobViewSavedState,
  type JobViewToHost,
  type JobViewRow,
} from './jobViewModel';

interface VsCodeApi {
  postMessage(message: JobViewToHost): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode = acquireVsCodeApi();
const app = document.getElementById('app');

const labels: Record<JobViewAction, [string, string]> = {
  start: ['Start', 'debug-start'],
  pause: ['Pause', 'debug-pause'],
  restart: ['Restart…', 'debug-restart'],
  setCredentials: ['Set Credentials…', 'key'],
  testConnection: ['Test Connection', 'plug'],
  provisionOnDemand: ['Provision on Demand…', 'person-add'],
  showScimTraffic: ['SCIM Traffic', 'arrow-swap'],
  showJson: ['Show JSON', 'json'],
  refresh: ['Refresh', 'refresh'],
  openTroubleshooting: ['Open Troubleshooting Guide', 'link-external'],
};

const icons = { success: 'pass', warning: 'warning', error: 'error', info: 'info' } as const;

function rows(items: JobViewRow[]): HTMLElement {
  return element(
    'dl',
    { className: 'facts' },
    items.flatMap((row) => [
      element('dt', { text: row.label }),
      element('dd', { className: 'value', text: row.value }),
    ]),
  );
}

function actionButton(action: JobViewAction, primary: boolean): HTMLButtonElement {
  const [label, icon] = labels[action];
  const button = element(
    'button',
    { className: `action ${primary ? 'primary' : 'secondary'}`, attributes: { type: 'button' } },
    [codicon(icon), element('span', { text: label })],
  );
  button.addEventListener('click', () => vscode.postMessage({ type: 'action', action }));
  return button;
}

function render(view: JobViewModel): Node[] {
  const { headline } = view;
  const nodes: Node[] = [
    element('h1', { text: view.title }),
    element('p', { className: 'outcome' }, [
      element('span', { className: 'summary' }, [
        codicon(icons[headline.kind], headline.kind),
        element('span', { text: ` ${headline.text}` }),
      ]),
    ]),
  ];
  if (headline.hint) nodes.push(element('p', { className: 'hint', text: headline.hint }));
  const readAt = view.readAt ? `Read ${view.readAt.slice(0, 19).replace('T', ' ')} UTC` : 'Not read yet';
  nodes.push(
    element('p', {
      className: 'muted',
      text: `${readAt}${view.stale ? ' · may be out of date' : ''} · job ${view.jobId}`,
    }),
  );
  if (view.actions.length)
    nodes.push(
      element(
        'div',
        { className: 'actions', attributes: { role: 'group', 'aria-label': 'Actions' } },
        view.actions.map((action, index) => actionButton(action, index === 0 && action === 'start')),
      ),
    );
  if (view.connection)
    nodes.push(
      section('Test Connection', 'connection', [
        element('p', { className: 'summary' }, [
          codicon(view.connection.valid ? 'pass' : 'error', view.connection.valid ? 'success' : 'error'),
          element('span', { text: ` ${view.connection.text}` }),
        ]),
        view.connection.hint !== undefined && element('p', { className: 'hint', text: view.connection.hint }),
      ]),
    );
  if (view.cycle) nodes.push(cycleSection(view.cycle));
  for (const part of view.sections) nodes.push(section(part.label, 'job-section', [rows(part.rows)]));
  if (view.troubleshootingUrl)
    nodes.push(
      section('Troubleshooting', 'troubleshooting', [
        element('p', { className: 'value', text: view.troubleshootingUrl }),
      ]),
    );
  if (view.onDemand) {
    const result = view.onDemand;
    nodes.push(
      section(`Provision on demand: ${result.subject}`, 'on-demand', [
        element('p', { text: `${result.status}: ${result.summary}` }),
        element(
          'ol',
          { className: 'steps' },
          result.steps.map((step) =>
            element('li', {}, [
              element('strong', { text: `${step.status} · ${step.name} (${step.type})` }),
              element('p', { text: step.description }),
              step.details.length > 0 && rows(step.details),
              step.exchanges.length > 0 && exchangeList(step.exchanges),
            ]),
          ),
        ),
      ]),
    );
  }
  return nodes;
}

/** Whether the last view shown had a running cycle: a screen reader hears when one starts and when it ends, once. */
let cycleRunning: boolean | undefined;

function announceCycle(view: JobViewModel): void {
  const running = view.cycle?.running ?? false;
  if (cycleRunning !== undefined && running !== cycleRunning && view.cycle) announce(view.cycle.text);
  cycleRunning = running;
}

function show(view: JobViewModel): void {
  if (!app) return;
  announceCycle(view);
  app.replaceChildren(...render(view));
  app.setAttribute('aria-busy', 'false');
  document.title = view.title;
  vscode.postMessage({ type: 'rendered', jobId: view.jobId, state: view.state });
}

window.addEventListener('message', (event: MessageEvent<HostToJobView>) => {
  const message = event.data;
  if (message?.type !== 'showJob' || !isJobViewModel(message.view)) return;
  const state: JobViewSavedState = { jobView: message.view };
  vscode.setState(state);
  show(message.view);
});

const saved = (vscode.getState() as Partial<JobViewSavedState> | undefined)?.jobView;
if (isJobViewModel(saved)) show(saved);
vscode.postMessage({ type: 'ready' });
