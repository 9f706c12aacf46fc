// A Copy button. The extension writes the clipboard (navigator.clipboard is unreliable inside webviews).
import { codicon, element } from '../dom';
import { copy } from '../host';

const confirmationMs = 1500;

/** `what` names the copied value for screen readers and the extension's confirmation, e.g. "request-id". */
export function copyButton(text: string, what: string): HTMLButtonElement {
  const label = element('span', { text: 'Copy' });
  const button = element('button', { className: 'copy', attributes: { type: 'button', 'aria-label': `Copy ${what}`, title: `Copy ${what}` } }, [codicon('copy'), label]);
  button.addEventListener('click', () => {
    copy(text, what);
    label.textContent = 'Copied';
    window.setTimeout(() => (label.textContent = 'Copy'), confirmationMs);
  });
  return button;
}
