// The filters (status, action, time range) and the export buttons. A change asks the extension to read again with
// the new $filter: Graph filters, not this page.
import { codicon, element } from '../dom';
import { post } from './channel';
import { logActions, logRanges, logStatuses, type LogRange, type LogsFilter } from './protocol';

export function filterBar(onChange: (filter: LogsFilter) => void): {
  root: HTMLElement;
  set(filter: LogsFilter): void;
} {
  const select = (label: string, id: string, options: [string, string][]) => {
    const control = element(
      'select',
      { attributes: { id } },
      options.map(([value, text]) => element('option', { text, attributes: { value } })),
    );
    return { control, label: element('label', { text: label, attributes: { for: id } }) };
  };
  const status = select('Status', 'filter-status', [['', 'Any'], ...logStatuses.map((s): [string, string] => [s, s])]);
  const action = select('Action', 'filter-action', [['', 'Any'], ...logActions.map((a): [string, string] => [a, a])]);
  const range = select('Time', 'filter-range', Object.entries(logRanges));
  const read = (): LogsFilter => ({
    statuses: status.control.value ? [status.control.value as LogsFilter['statuses'][number]] : [],
    actions: action.control.value ? [action.control.value as LogsFilter['actions'][number]] : [],
    range: range.control.value as LogRange,
  });
  for (const { control } of [status, action, range]) control.addEventListener('change', () => onChange(read()));
  const button = (format: 'csv' | 'json', text: string) => {
    const exportButton = element('button', { attributes: { type: 'button' } }, [
      codicon('desktop-download'),
      ` ${text}`,
    ]);
    exportButton.addEventListener('click', () => post({ type: 'export', format }));
    return exportButton;
  };
  const root = element(
    'div',
    { className: 'toolbar', attributes: { role: 'toolbar', 'aria-label': 'Filters and export' } },
    [
      status.label,
      status.control,
      action.label,
      action.control,
      range.label,
      range.control,
      button('csv', 'Export CSV'),
      button('json', 'Export JSON'),
    ],
  );
  return {
    root,
    set(filter) {
      status.control.value = filter.statuses[0] ?? '';
      action.control.value = filter.actions[0] ?? '';
      range.control.value = filter.range;
    },
  };
}
