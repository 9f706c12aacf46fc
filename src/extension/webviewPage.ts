// The one HTML page every webview of the extension starts from: a strict CSP (scripts only with this page's nonce,
// styles, fonts and images only from the extension), the codicons, one stylesheet and one script from the extension.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export interface PageParts {
  title: string;
  /** Under the extension: e.g. ['dist', 'webview.js']. */
  script: string[];
  style: string[];
  /** What the page says until its script has rendered. */
  loading: string;
}

/** Scripts on, command links off, and only the extension's dist and media folders readable. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export function webviewPage(webview: vscode.Webview, extensionUri: vscode.Uri, parts: PageParts): string {
  const nonce = randomBytes(18).toString('base64');
  const asset = (path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const text = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${asset(['dist', 'codicons', 'codicon.css'])}">
  <link rel="stylesheet" href="${asset(parts.style)}">
  <title>${text(parts.title)}</title>
</head>
<body>
  <main id="app" aria-busy="true"><p>${text(parts.loading)}</p></main>
  <script nonce="${nonce}" src="${asset(parts.script)}"></script>
</body>
</html>`;
}
