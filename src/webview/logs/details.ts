// The details of one provisioning log entry, beside the table: what happened, the error and what to do, its steps and
// the properties it changed. Text only (every value is tenant text).
import type { ProvisioningObjectSummary } from '../../graph/provisioningLogs';
import { element } from '../dom';

type Child = HTMLElement | undefined | false;

export function renderDetails(entry: ProvisioningObjectSummary | undefined): HTMLElement[] {
  if (!entry)
    return [element('p', { className: 'muted', text: 'Select an entry (arrow keys, then Enter) to see its details.' })];
  const status = entry.provisioningStatusInfo;
  const error = status?.errorInformation;
  return [
    element('h2', {
      text: `${entry.provisioningAction} ${entry.sourceIdentity?.displayName ?? entry.targetIdentity?.displayName ?? ''}`.trim(),
      attributes: { tabindex: '-1', id: 'details-heading' },
    }),
    facts([
      ['Date', entry.activityDateTime],
      ['Status', status?.status],
      ['Action', entry.provisioningAction],
      ['Source', identity(entry.sourceIdentity, entry.sourceSystem?.displayName)],
      ['Target', identity(entry.targetIdentity, entry.targetSystem?.displayName)],
      ['Job', entry.jobId],
      ['Cycle', entry.cycleId],
      ['Change', entry.changeId],
      ['Duration', entry.durationInMilliseconds === null ? undefined : `${entry.durationInMilliseconds} ms`],
    ]),
    error &&
      element('section', { className: 'error', attributes: { 'aria-label': 'Error' } }, [
        element('h3', { text: 'Error' }),
        facts([
          ['Error code', error.errorCode],
          ['Category', error.errorCategory],
          ['Reason', error.reason],
          ['Details', error.additionalDetails],
          ['Recommended action', error.recommendedAction],
        ]),
      ]),
    steps(entry),
    modifiedProperties(entry),
  ].filter((child): child is HTMLElement => Boolean(child));
}

function identity(
  who: ProvisioningObjectSummary['sourceIdentity'],
  system: string | null | undefined,
): string | undefined {
  if (!who) return system ?? undefined;
  return [who.displayName, who.id && `(${who.id})`, system && `in ${system}`].filter(Boolean).join(' ');
}

function facts(pairs: [string, string | null | undefined][]): HTMLElement {
  return element(
    'dl',
    {},
    pairs
      .filter(([, value]) => value)
      .flatMap(([term, value]) => [element('dt', { text: term }), element('dd', { text: value! })]),
  );
}

function steps(entry: ProvisioningObjectSummary): Child {
  const list = entry.provisioningSteps ?? [];
  if (!list.length) return false;
  return element('section', { attributes: { 'aria-label': 'Steps' } }, [
    element('h3', { text: 'Steps' }),
    element(
      'ol',
      {},
      list.map((step) =>
        element('li', {}, [
          element('span', { className: `status ${step.status ?? ''}`, text: `${step.status ?? ''}` }),
          element('strong', { text: ` ${step.name ?? step.provisioningStepType ?? ''}` }),
          step.description ? element('div', { className: 'muted', text: step.description }) : undefined,
        ]),
      ),
    ),
  ]);
}

function modifiedProperties(entry: ProvisioningObjectSummary): Child {
  const list = entry.modifiedProperties ?? [];
  if (!list.length) return false;
  const cell = (tag: 'th' | 'td', text: string | null) => element(tag, { text: text ?? '' });
  return element('section', { attributes: { 'aria-label': 'Modified properties' } }, [
    element('h3', { text: 'Modified properties' }),
    element('table', {}, [
      element('thead', {}, [
        element('tr', {}, [cell('th', 'Property'), cell('th', 'Old value'), cell('th', 'New value')]),
      ]),
      element(
        'tbody',
        {},
        list.map((p) => element('tr', {}, [cell('td', p.displayName), cell('td', p.oldValue), cell('td', p.newValue)])),
      ),
    ]),
  ]);
}
