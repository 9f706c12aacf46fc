// Puts the whole response view together, in reading order: outcome, actions, error, request, findings, body, snippets.
import type { ResponseViewModel } from '../protocol';
import { element, section } from '../dom';
import { actionBar } from './actions';
import { findingsHeadline, findingsSection } from './findings';
import { bodyView } from './jsonView';
import { errorSection, outcomeHeader, requestSection } from './summary';
import { snippetsSection } from './snippets';

export interface RenderedView {
  nodes: HTMLElement[];
  findings: number;
  lines: number;
  /** What the live region says when this view is shown: the outcome, then the validation's headline. */
  announcement: string;
}

export function renderView(view: ResponseViewModel): RenderedView {
  const findings = view.validation?.findings ?? [];
  const body = bodyView(view.body, findings);
  const bodyNotes = [
    !view.body.parsed &&
      view.body.text !== '' &&
      element('p', { className: 'muted', text: 'Not valid JSON: shown exactly as received.' }),
    view.body.text === '' && element('p', { className: 'muted', text: 'The response had no body.' }),
  ];
  const nodes = [
    outcomeHeader(view),
    actionBar(view),
    view.error && errorSection(view.error),
    view.request && requestSection(view.request),
    view.validation && findingsSection(view.validation, body.reveal),
    section('Response body', 'body', [...bodyNotes, body.element]),
    view.snippets && snippetsSection(view.snippets),
  ];
  const announcement = [view.outcome.summary, view.validation && findingsHeadline(view.validation)]
    .filter(Boolean)
    .join('. ');
  return {
    nodes: nodes.filter((node): node is HTMLElement => node instanceof HTMLElement),
    findings: findings.length,
    lines: body.lineCount,
    announcement,
  };
}
