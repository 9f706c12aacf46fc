// The response body as numbered lines, each finding marked on its line. Line numbers and markers are drawn by CSS
// (::before), so selecting and copying the body copies only the body.
import type { Finding, ResponseViewModel } from '../protocol';
import { element } from '../dom';
import { jsonTokens } from './jsonTokens';

export interface BodyView {
  element: HTMLElement;
  lineCount: number;
  /** Scrolls to a line, highlights it and moves keyboard focus there. */
  reveal(line: number): void;
}

export function lineId(line: number): string {
  return `line-${line}`;
}

export function bodyView(body: ResponseViewModel['body'], findings: Finding[]): BodyView {
  const lines = body.text.split(/\r?\n/);
  const byLine = groupByLine(findings, lines.length);
  const code = element('div', {
    className: 'code',
    attributes: { role: 'region', 'aria-label': `Response body, ${lines.length} lines`, tabindex: '0' },
  });
  // Wide enough for the largest line number, so the text column does not shift.
  code.style.setProperty('--line-digits', String(String(lines.length).length));
  lines.forEach((text, index) => code.append(lineElement(index + 1, text, body.language, byLine.get(index + 1))));

  let revealed: HTMLElement | undefined;
  return {
    element: code,
    lineCount: lines.length,
    reveal(line) {
      const target = code.querySelector<HTMLElement>(`#${lineId(Math.min(Math.max(line, 1), lines.length))}`);
      if (!target) return;
      revealed?.classList.remove('revealed');
      target.classList.add('revealed');
      revealed = target;
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    },
  };
}

/** Findings beyond the last line (a truncated body) are shown on the last line rather than lost. */
function groupByLine(findings: Finding[], lineCount: number): Map<number, Finding[]> {
  const byLine = new Map<number, Finding[]>();
  for (const finding of findings) {
    const line = Math.min(Math.max(finding.line, 1), lineCount);
    byLine.set(line, [...(byLine.get(line) ?? []), finding]);
  }
  return byLine;
}

function lineElement(
  number: number,
  text: string,
  language: 'json' | 'text',
  findings: Finding[] | undefined,
): HTMLElement {
  const line = element('div', {
    className: 'line',
    attributes: { id: lineId(number), 'data-line': String(number), tabindex: '-1' },
  });
  const marker = element('span', { className: 'marker' });
  if (findings) {
    const severity = findings.some((finding) => finding.severity === 'error') ? 'error' : 'warning';
    const messages = findings
      .map((finding) => `${finding.severity === 'error' ? 'Error' : 'Warning'}: ${finding.message}`)
      .join('\n');
    line.classList.add(`has-${severity}`);
    marker.classList.add('codicon', `codicon-${severity}`, severity);
    marker.setAttribute('role', 'img');
    marker.setAttribute('aria-label', messages);
    marker.title = messages;
  }
  line.append(marker, lineText(text, language));
  return line;
}

function lineText(text: string, language: 'json' | 'text'): HTMLElement {
  const code = element('code', { className: 'text' });
  if (language === 'text') {
    code.textContent = text;
    return code;
  }
  for (const token of jsonTokens(text)) {
    code.append(
      token.kind === 'plain' ? token.text : element('span', { className: `token-${token.kind}`, text: token.text }),
    );
  }
  return code;
}
