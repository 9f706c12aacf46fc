// The only way the webview builds elements: text goes in as textContent, never as markup, because most of what is
// shown (display names, error messages, response bodies) comes from the tenant.

type Child = Node | string | undefined | false;

export interface ElementOptions {
  className?: string;
  text?: string;
  attributes?: Record<string, string>;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (options.className) created.className = options.className;
  if (options.text !== undefined) created.textContent = options.text;
  for (const [name, value] of Object.entries(options.attributes ?? {})) created.setAttribute(name, value);
  for (const child of children) {
    if (child) created.append(child);
  }
  return created;
}

/** Marks a control that the next view may have too, so focus can come back to it (see focus.ts). */
export function focusKey(key: string): Record<string, string> {
  return { 'data-focus-key': key };
}

/** A codicon from dist/codicons/codicon.css; decorative, so hidden from screen readers (the text next to it says it). */
export function codicon(name: string, extraClass = ''): HTMLElement {
  return element('span', {
    className: `codicon codicon-${name} ${extraClass}`.trim(),
    attributes: { 'aria-hidden': 'true' },
  });
}

/** A titled part of the view; `actions` (such as a Copy button) sit at the end of its heading row. */
export function section(label: string, className: string, children: Child[], actions: Child[] = []): HTMLElement {
  const heading = element('div', { className: 'section-heading' }, [element('h2', { text: label }), ...actions]);
  return element('section', { className, attributes: { 'aria-label': label } }, [heading, ...children]);
}
