// Tenant and Graph text (a display name anyone who owns an app can set, a Graph error message) must reach VS Code's
// notifications, progress titles, quick picks, modals and status bar as text. VS Code turns `[label](command:…)` and
// `[label](https://…)` in notification and progress messages into links, and `$(icon)` into icons in quick picks and the
// status bar. A zero-width space breaks each pattern; the text reads the same. No vscode import: tested in Node.

const zeroWidthSpace = '\u200b';

/** Link syntax only: what the UI seam applies to every message, whoever wrote it. */
export function withoutLinks(text: string): string {
  return (
    text
      // `[label](target)`: VS Code's link parser needs `](` adjacent.
      .replace(/\]\(/g, `]${zeroWidthSpace}(`)
      // Bare URIs with a scheme VS Code opens (command:, vscode:, http(s):, file:) in a message.
      .replace(
        /\b(command|vscode|vscode-insiders|https?|file|mailto)(?=:)/gi,
        (scheme: string) => `${scheme.slice(0, 1)}${zeroWidthSpace}${scheme.slice(1)}`,
      )
  );
}

/** Tenant text for any UI string: no links, no icons, on one line. */
export function plainText(text: string): string {
  return withoutLinks(text)
    .replace(/\$\(/g, `$${zeroWidthSpace}(`)
    .replace(/[\r\n\t]+/g, ' ');
}

/**
 * A template tag for UI messages that carry tenant text: the literal parts are ours (and may use `$(icon)`), every
 * interpolated value is made plain. `safe`Started ${job} of ${servicePrincipal.displayName}``.
 */
export function safe(literals: TemplateStringsArray, ...values: unknown[]): string {
  return literals.reduce((text, literal, index) => text + plainText(String(values[index - 1])) + literal);
}
