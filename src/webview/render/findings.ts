// The validation outcome: how many problems, and one button per finding that takes the user to its line.
import type { Finding, ResponseViewModel } from '../protocol';
import { codicon, element } from '../dom';

type Validation = NonNullable<ResponseViewModel['validation']>;

export function findingsSection(validation: Validation, reveal: (line: number) => void): HTMLElement {
  const { findings } = validation;
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  const heading = element('h2', { text: findingsHeadline(validation), attributes: { id: 'findings-heading' } });
  const status = element('div', { className: 'findings-status' }, [
    codicon(
      errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'pass',
      errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'success',
    ),
    heading,
  ]);
  const checked = element('p', {
    className: 'muted',
    text: `Checked against the ${validation.schema} schema in ${formatMs(validation.validateMs)}.`,
  });
  const list = element('ul', { className: 'findings', attributes: { 'aria-labelledby': 'findings-heading' } });
  for (const finding of findings) list.append(element('li', {}, [findingButton(finding, reveal)]));
  return element('section', { className: 'validation', attributes: { 'aria-labelledby': 'findings-heading' } }, [
    status,
    checked,
    findings.length > 0 && list,
  ]);
}

/** "No problems: valid synchronizationJob (v1.0)" or "1 error, 2 warnings"; also part of the view's announcement. */
export function findingsHeadline({ findings, schema }: Validation): string {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return findings.length === 0
    ? `No problems: valid ${schema}`
    : `${count(errors, 'error')}, ${count(findings.length - errors, 'warning')}`;
}

function findingButton(finding: Finding, reveal: (line: number) => void): HTMLButtonElement {
  const severity = finding.severity === 'error' ? 'Error' : 'Warning';
  const button = element(
    'button',
    {
      className: `finding ${finding.severity}`,
      attributes: { type: 'button', title: `${severity} (${finding.rule}): go to line ${finding.line}` },
    },
    [
      codicon(finding.severity, finding.severity),
      element('span', {}, [
        element('span', { className: 'sr-only', text: `${severity}: ` }),
        element('span', { className: 'location', text: `Line ${finding.line}: ${finding.pointer || '(document)'}` }),
        element('span', { className: 'message', text: ` — ${finding.message}` }),
      ]),
    ],
  );
  button.addEventListener('click', () => reveal(finding.line));
  return button;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}
