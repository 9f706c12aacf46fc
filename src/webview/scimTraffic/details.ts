// The selected request beside the list: its request and its answer as text (headers, then the body pretty-printed),
// secrets already masked by the extension. Text only: every value is tenant or SCIM app text.
import { element } from '../dom';
import type { TrafficDetail } from './protocol';

export function renderDetail(detail: TrafficDetail | undefined, rows: number): HTMLElement[] {
  if (!detail)
    return [
      element('p', {
        className: 'muted',
        text: rows
          ? 'Select a request (arrow keys, then Enter) to see it and its answer.'
          : 'No request to show with these filters.',
      }),
    ];
  const block = (label: string, text: string) =>
    element('section', { attributes: { 'aria-label': label } }, [
      element('h3', { text: label }),
      element('pre', { className: 'message', text, attributes: { tabindex: '0', 'aria-label': `${label} text` } }),
    ]);
  return [
    element('h2', { text: detail.heading, attributes: { tabindex: '-1', id: 'details-heading' } }),
    block('Request', detail.request),
    block('Response', detail.response),
  ];
}
