// The one way the extension's webviews are made: scripts only from dist/ with a nonce, styles and fonts only from
// the extension, no command URIs, and a page that says what it is loading. The response view and the job view use it.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export interface WebviewPage {
  title: string;
  /** Shown until the script renders. */
  loading: string;
  /** A file in dist/. */
  script: string;
  /** Files in media/. */
  styles: string[];
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const nonce = randomBytes(18).toString('base64');
  const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const styles = page.styles.map((style) => `\n  <link rel="stylesheet" href="${asset('media', style)}">`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${asset('dist', 'codicons', 'codicon.css')}">${styles}
  <title>${page.title}</title>
</head>
<body>
  <main id="app" aria-busy="true"><p>${page.loading}</p></main>
  <script nonce="${nonce}" src="${asset('dist', page.script)}"></script>
</body>
</html>`;
}
