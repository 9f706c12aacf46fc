// The top of the view: what happened (outcome and what to do), then the request and the ids support asks for.
import type { ResponseViewModel } from '../protocol';
import { codicon, element, section } from '../dom';
import { copyButton } from './copyButton';
import { formatMs } from './findings';

const outcomeIcons = { success: 'pass', warning: 'warning', error: 'error' } as const;

export function outcomeHeader(view: ResponseViewModel): HTMLElement {
  const { kind, summary, hint } = view.outcome;
  return element('header', { className: 'outcome', attributes: { 'data-outcome': kind } }, [
    // Focusable from script only: it takes focus when the button the user pressed is not in the new view.
    element('h1', { text: view.title, attributes: { tabindex: '-1' } }),
    element('p', { className: 'summary' }, [codicon(outcomeIcons[kind], kind), element('span', { text: summary })]),
    hint !== undefined && hint !== view.error?.hint && hintParagraph(hint),
  ]);
}

export function hintParagraph(hint: string): HTMLElement {
  return element('p', { className: 'hint' }, [
    codicon('lightbulb'),
    element('strong', { text: 'What to do: ' }),
    element('span', { text: hint }),
  ]);
}

/** Name, value and an optional Copy button (copyAs names what is copied; copyText when it is not the whole value). */
export interface Fact {
  name: string;
  value: string;
  copyAs?: string;
  copyText?: string;
}

export function factsList(facts: Fact[]): HTMLElement {
  const list = element('dl', { className: 'facts' });
  for (const fact of facts) {
    list.append(
      element('dt', { text: fact.name }),
      element('dd', {}, [
        element('span', { className: 'value', text: fact.value }),
        fact.copyAs !== undefined && copyButton(fact.copyText ?? fact.value, fact.copyAs),
      ]),
    );
  }
  return list;
}

export function requestSection(request: NonNullable<ResponseViewModel['request']>): HTMLElement {
  const status =
    request.status === undefined
      ? request.statusText || 'no response'
      : `${request.status} ${request.statusText ?? ''}`.trim();
  const facts: (Fact | undefined)[] = [
    { name: 'Request', value: `${request.method} ${request.url}`, copyAs: 'request URL', copyText: request.url },
    { name: 'Status', value: status },
    { name: 'Elapsed', value: formatMs(request.elapsedMs) },
    { name: 'Started', value: request.startedAt },
    { name: 'API version', value: request.apiVersion },
    request.cloud ? { name: 'Cloud', value: request.cloud } : undefined,
    request.requestId ? { name: 'request-id', value: request.requestId, copyAs: 'request-id' } : undefined,
    request.clientRequestId
      ? { name: 'client-request-id', value: request.clientRequestId, copyAs: 'client-request-id' }
      : undefined,
    request.date ? { name: 'Date', value: request.date } : undefined,
  ];
  return section('Request and response', 'request', [
    factsList(facts.filter((fact): fact is Fact => fact !== undefined)),
  ]);
}

export function errorSection(error: NonNullable<ResponseViewModel['error']>): HTMLElement {
  const facts: (Fact | undefined)[] = [
    error.code ? { name: 'Code', value: error.code, copyAs: 'error code' } : undefined,
    { name: 'Message', value: error.message },
    error.requestId ? { name: 'request-id', value: error.requestId, copyAs: 'request-id' } : undefined,
    error.date ? { name: 'Date', value: error.date } : undefined,
  ];
  return section('Graph error', 'graph-error', [
    factsList(facts.filter((fact): fact is Fact => fact !== undefined)),
    hintParagraph(error.hint),
  ]);
}
