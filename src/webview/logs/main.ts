// The provisioning logs webview: filters and export on top, the virtual table, the selected entry's details beside
// it. The extension reads Graph; this page asks for the next page when the user scrolls near the end.
import type { ProvisioningObjectSummary } from '../../graph/provisioningLogs';
import { announce } from '../announce';
import { element } from '../dom';
import { post } from './channel';
import { renderDetails } from './details';
import { filterBar } from './filterBar';
import { noFilter, type LogsFilter, type LogsHostMessage } from './protocol';
import { VirtualGrid } from './virtualGrid';

let generation = -1;
let more = false;
let asked = false;
let filter: LogsFilter = noFilter;

const heading = element('h1', { text: 'Provisioning logs' });
const status = element('p', { className: 'muted', attributes: { id: 'logs-status' } });
const problem = element('div', { className: 'problem', attributes: { role: 'alert' } });
const details = element('aside', { className: 'details', attributes: { 'aria-label': 'Entry details' } });
const grid = new VirtualGrid<ProvisioningObjectSummary>(
  'Provisioning log entries',
  [
    { header: 'Date', className: 'date', value: (e) => e.activityDateTime.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') },
    { header: 'Action', className: 'action', value: (e) => e.provisioningAction },
    { header: 'Status', className: 'status', value: (e) => e.provisioningStatusInfo?.status ?? '' },
    { header: 'Source', className: 'identity', value: (e) => e.sourceIdentity?.displayName ?? '' },
    {
      header: 'Target',
      className: 'identity',
      value: (e) => e.targetIdentity?.displayName ?? e.targetIdentity?.id ?? '',
    },
    {
      header: 'Error code',
      className: 'code',
      value: (e) => e.provisioningStatusInfo?.errorInformation?.errorCode ?? '',
    },
  ],
  {
    onSelect: (entry) => showDetails(entry),
    onOpen: (entry) => {
      showDetails(entry);
      details.querySelector<HTMLElement>('#details-heading')?.focus();
    },
    onNearEnd: () => {
      if (more && !asked) {
        asked = true;
        post({ type: 'more', generation });
      }
    },
  },
);
const filters = filterBar((next) => {
  filter = next;
  post({ type: 'filter', filter });
});

function showDetails(entry: ProvisioningObjectSummary | undefined): void {
  details.replaceChildren(...renderDetails(entry));
  reportRendered();
}

function reportRendered(): void {
  post({
    type: 'rendered',
    loaded: grid.loaded,
    inDom: grid.inDom,
    selected: grid.selected?.id,
    details: details.textContent ?? '',
    problem: problem.innerText,
  });
}

function describe(): void {
  status.textContent = `${grid.loaded} entries loaded${more ? '; scroll for more' : ''}.`;
}

function receive(message: LogsHostMessage): void {
  switch (message.type) {
    case 'reset':
      generation = message.generation;
      more = false;
      asked = false;
      filter = message.filter;
      filters.set(filter);
      heading.textContent = message.title;
      document.title = message.title;
      problem.replaceChildren();
      status.textContent = 'Loading…';
      grid.setRows([]);
      showDetails(undefined);
      break;
    case 'rows':
      if (message.generation !== generation) return;
      more = message.more;
      asked = false;
      grid.append(message.entries);
      describe();
      announce(status.textContent ?? '');
      reportRendered();
      break;
    case 'failed':
      if (message.generation !== generation) return;
      problem.replaceChildren(
        element('strong', { text: message.message }),
        element('p', { text: message.hint }),
        element('p', { className: 'muted', text: message.requestId ? `request-id: ${message.requestId}` : '' }),
      );
      status.textContent = `${grid.loaded} entries loaded.`;
      reportRendered();
      break;
  }
}

const app = document.getElementById('app')!;
app.replaceChildren(
  heading,
  filters.root,
  status,
  problem,
  element('div', { className: 'split' }, [element('div', { className: 'table' }, [grid.root]), details]),
);
app.setAttribute('aria-busy', 'false');
window.addEventListener('message', (event: MessageEvent<LogsHostMessage>) => receive(event.data));
post({ type: 'ready' });
