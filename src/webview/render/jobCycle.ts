// Parts of the job view: the cycle that runs (a progress bar with its text) and the SCIM requests of a provision on
// demand step (each collapsible, bodies as preformatted text). Text only: paths and bodies come from the SCIM app.
import { element, section } from '../dom';
import type { JobViewCycle, JobViewExchange } from '../jobViewModel';

/**
 * The cycle as a progressbar whose aria values say how far it is, and its text beside it. Not a live region: it
 * changes with every refresh, so the view announces only when a cycle starts and ends (jobMain.ts).
 */
export function cycleSection(cycle: JobViewCycle): HTMLElement {
  const bar = element('progress', {
    attributes: {
      max: String(Math.max(cycle.total, 1)),
      value: String(cycle.processed),
      'aria-label': 'Cycle progress',
      'aria-valuemin': '0',
      'aria-valuemax': String(cycle.total),
      'aria-valuenow': String(cycle.processed),
      'aria-valuetext': cycle.text,
    },
  });
  return section(cycle.running ? 'Cycle running' : 'Cycle finished', 'cycle', [
    bar,
    element('p', { className: 'value cycle-text', text: cycle.text }),
  ]);
}

function body(label: string, text: string): Node[] {
  return text === ''
    ? [element('p', { className: 'muted', text: `${label}: no body` })]
    : [element('p', { className: 'muted', text: `${label}:` }), element('pre', { text })];
}

/** One disclosure per SCIM request: "POST /scim/Users → 201", opening to the request and response bodies. */
export function exchangeList(exchanges: JobViewExchange[]): HTMLElement {
  return element(
    'div',
    { className: 'exchanges' },
    exchanges.map(({ request, response }) =>
      element('details', { className: 'snippet exchange' }, [
        element('summary', { text: `${request.method} ${request.path} → ${response.status}` }),
        ...body('Request body', request.body),
        ...body(`Response ${response.status}`, response.body),
      ]),
    ),
  );
}
