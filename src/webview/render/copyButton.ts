// A Copy button. The extension writes the clipboard (navigator.clipboard is unreliable inside webviews).
import { codicon, element, focusKey } from '../dom';
import { announce } from '../announce';
import { copy } from '../host';

const confirmationMs = 1500;

/** `what` names the copied value for screen readers and the extension's confirmation, e.g. "request-id"; `caption` is the button's text. */
export function copyButton(text: string, what: string, caption = 'Copy'): HTMLButtonElement {
  const label = element('span', { text: caption });
  // A bare "Copy" needs its value named for screen readers; a caption that names it already is the name.
  const name: Record<string, string> = caption === 'Copy' ? { 'aria-label': `Copy ${what}` } : {};
  const button = element(
    'button',
    { className: 'copy', attributes: { type: 'button', ...name, title: `Copy ${what}`, ...focusKey(`copy:${what}`) } },
    [codicon('copy'), label],
  );
  button.addEventListener('click', () => {
    copy(text, what);
    announce(`Copied ${what}`);
    label.textContent = 'Copied';
    window.setTimeout(() => (label.textContent = caption), confirmationMs);
  });
  return button;
}
