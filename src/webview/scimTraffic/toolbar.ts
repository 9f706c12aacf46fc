// The filters (method, status class, a search of paths and bodies) and Refresh. A change asks the extension for the
// matching rows: the bodies the search reads stay there.
import { codicon, element } from '../dom';
import { statusClasses, type StatusClass, type TrafficFilter } from './protocol';

const searchDelayMs = 250;

export function toolbar(
  onFilter: (filter: TrafficFilter) => void,
  onRefresh: () => void,
): { root: HTMLElement; set(filter: TrafficFilter, methods: string[]): void } {
  const labelled = (text: string, id: string, control: HTMLElement) => [
    element('label', { text, attributes: { for: id } }),
    control,
  ];
  const method = element('select', { attributes: { id: 'filter-method' } });
  const status = element(
    'select',
    { attributes: { id: 'filter-status' } },
    [['', 'Any'], ...statusClasses.map((value) => [value, value])].map(([value, text]) =>
      element('option', { text, attributes: { value } }),
    ),
  );
  const search = element('input', {
    attributes: { id: 'filter-text', type: 'search', placeholder: 'Path or body text', spellcheck: 'false' },
  });
  const read = (): TrafficFilter => ({
    method: method.value,
    status: status.value as '' | StatusClass,
    text: search.value,
  });
  method.addEventListener('change', () => onFilter(read()));
  status.addEventListener('change', () => onFilter(read()));
  let timer: number | undefined;
  search.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => onFilter(read()), searchDelayMs);
  });
  const refresh = element('button', { attributes: { type: 'button', id: 'refresh' } }, [
    codicon('refresh'),
    ' Refresh',
  ]);
  refresh.addEventListener('click', onRefresh);
  const root = element(
    'div',
    { className: 'toolbar', attributes: { role: 'toolbar', 'aria-label': 'Filters and refresh' } },
    [
      ...labelled('Method', 'filter-method', method),
      ...labelled('Status', 'filter-status', status),
      ...labelled('Search', 'filter-text', search),
      refresh,
    ],
  );
  return {
    root,
    set(filter, methods) {
      method.replaceChildren(
        ...[['', 'Any'], ...methods.map((name) => [name, name])].map(([value, text]) =>
          element('option', { text, attributes: { value } }),
        ),
      );
      method.value = methods.includes(filter.method) ? filter.method : '';
      status.value = filter.status;
      search.value = filter.text;
    },
  };
}
