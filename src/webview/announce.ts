// The view's one polite live region (role=status): what a button did, or the outcome of the view that replaced the
// previous one, is read out without moving focus. It lives outside #app, so a new view does not replace it.
import { element } from './dom';

// A screen reader says nothing when a live region's text is set to what it already was (Refresh twice): empty it,
// then fill it a moment later.
const refillDelayMs = 100;

let region: HTMLElement | undefined;
let pending: number | undefined;

export function announce(message: string): void {
  region ??= document.body.appendChild(
    element('div', {
      className: 'sr-only',
      attributes: { id: 'announcements', role: 'status', 'aria-live': 'polite' },
    }),
  );
  const live = region;
  live.textContent = '';
  window.clearTimeout(pending);
  pending = window.setTimeout(() => (live.textContent = message), refillDelayMs);
}
