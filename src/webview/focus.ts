// Keeps keyboard focus meaningful when a new view replaces the old one: the control the user was on gets it back in
// the new view, or the view's heading when that control is gone (Start Job on a started job). Controls that can
// survive a new view carry data-focus-key (dom.ts focusKey).
// A button whose action brings a new view says so when pressed: while the extension works, VS Code can take focus
// from the webview (the tree updates), so by the time the view arrives the button may no longer have it.

let expected: string | undefined;

/** The next view comes from the control with this key: focus goes back to it (or the heading) whatever happens meanwhile. */
export function focusAfterNextView(key: string): void {
  expected = key;
}

/**
 * Called before a new view replaces the old: the key to focus afterwards ('' for the heading), or undefined to leave
 * focus alone (the view changed because of something done elsewhere, and the user is not in it).
 */
export function focusToKeep(root: HTMLElement): string | undefined {
  const key = expected;
  expected = undefined;
  if (key !== undefined) return key;
  const active = document.activeElement;
  return document.hasFocus() && active instanceof HTMLElement && root.contains(active)
    ? (active.dataset.focusKey ?? '')
    : undefined;
}

export function restoreFocus(root: HTMLElement, key: string): void {
  const same = key === '' ? null : root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
  (same ?? root.querySelector<HTMLElement>('h1'))?.focus();
}
