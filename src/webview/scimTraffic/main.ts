// The SCIM traffic webview: what the last cycle sent (or why there is nothing), filters, the requests in a virtual
// list (only the rows in view are in the DOM, so 20,000 requests cost what 40 do) and the selected one beside it.
// The extension reads the emulator and masks secrets; this page renders text only.
import { announce } from '../announce';
import { element } from '../dom';
import { VirtualGrid } from '../logs/virtualGrid';
import { renderDetail } from './details';
import type {
  TrafficDetail,
  TrafficHostMessage,
  TrafficRow,
  TrafficViewState,
  TrafficWebviewMessage,
} from './protocol';
import { toolbar } from './toolbar';

declare function acquireVsCodeApi(): { postMessage(message: TrafficWebviewMessage): void };
const vscode = acquireVsCodeApi();
const post = (message: TrafficWebviewMessage) => vscode.postMessage(message);

let generation = -1;
let kind: TrafficViewState['kind'] = 'loading';
let total = 0;
let shown: TrafficDetail | undefined;
/** Enter was pressed on a row whose details had not arrived yet: focus them when they do. */
let focusDetail = false;

const heading = element('h1', { text: 'SCIM traffic' });
const summary = element('p', { attributes: { id: 'traffic-summary' } });
const hint = element('p', { className: 'muted' });
const facts = element('dl');
const problems = element('div', { className: 'problem', attributes: { role: 'alert' } });
const details = element('aside', { className: 'details', attributes: { 'aria-label': 'Request details' } });
const grid = new VirtualGrid<TrafficRow>(
  'Requests of the last cycle',
  [
    { header: '#', className: 'index', value: (row) => String(row.index) },
    { header: 'Time', className: 'time', value: (row) => row.time },
    { header: 'Method', className: 'method', value: (row) => row.method },
    { header: 'Path', className: 'path', value: (row) => row.path },
    { header: 'Status', className: 'status', value: (row) => (row.status ? String(row.status) : '') },
    { header: 'ms', className: 'duration', value: (row) => String(row.durationMs) },
  ],
  {
    onSelect: (row) => post({ type: 'select', generation, index: row.index }),
    onOpen: (row) => {
      focusDetail = shown?.index !== row.index;
      if (focusDetail) post({ type: 'select', generation, index: row.index });
      else details.querySelector<HTMLElement>('#details-heading')?.focus();
    },
    onNearEnd: () => undefined,
  },
);
const filters = toolbar(
  (filter) => post({ type: 'filter', filter }),
  () => post({ type: 'refresh' }),
);
const list = element('div', { className: 'split' }, [element('div', { className: 'table' }, [grid.root]), details]);

function showDetail(detail: TrafficDetail | undefined): void {
  shown = detail;
  details.replaceChildren(...renderDetail(detail, grid.loaded));
}

function reportRendered(): void {
  post({
    type: 'rendered',
    kind,
    rows: grid.loaded,
    inDom: grid.inDom,
    selected: shown?.index,
    detail: details.textContent ?? '',
  });
}

function showState(state: TrafficViewState): void {
  kind = state.kind;
  total = state.total;
  heading.textContent = state.title;
  document.title = state.title;
  summary.textContent = state.message;
  hint.textContent = state.hint ?? '';
  facts.replaceChildren(
    ...state.facts.flatMap(([term, value]) => [element('dt', { text: term }), element('dd', { text: value })]),
  );
  problems.replaceChildren(
    ...(state.problems.length
      ? [
          element('strong', { text: 'The emulator’s answer does not have the expected shape; all of it is shown.' }),
          element(
            'ul',
            {},
            state.problems.map((problem) => element('li', { text: problem })),
          ),
        ]
      : []),
  );
  // Without traffic there is nothing to filter or list: only Refresh stays.
  list.hidden = state.kind !== 'traffic';
  filters.root.classList.toggle('no-filters', state.kind !== 'traffic');
}

function showRows(rows: TrafficRow[]): void {
  grid.setRows(rows);
  showDetail(undefined);
  if (rows.length) grid.select(0);
}

function receive(message: TrafficHostMessage): void {
  switch (message.type) {
    case 'view':
      generation = message.generation;
      showState(message.state);
      filters.set(message.filter, message.state.methods);
      showRows(message.rows);
      announce(message.state.message);
      break;
    case 'rows':
      if (message.generation !== generation) return;
      showRows(message.rows);
      announce(`${message.rows.length} of ${total} requests shown.`);
      break;
    case 'detail':
      if (message.generation !== generation) return;
      showDetail(message.detail);
      if (focusDetail) details.querySelector<HTMLElement>('#details-heading')?.focus();
      focusDetail = false;
      break;
  }
  reportRendered();
}

const app = document.getElementById('app')!;
app.replaceChildren(heading, summary, hint, facts, problems, filters.root, list);
app.setAttribute('aria-busy', 'false');
window.addEventListener('message', (event: MessageEvent<TrafficHostMessage>) => receive(event.data));
post({ type: 'ready' });
