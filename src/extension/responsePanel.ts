// The webview panel that shows a Graph response (src/webview renders it). One panel is reused; it survives a
// window reload through a serializer and the state the webview saves, never through retainContextWhenHidden.
import * as vscode from 'vscode';
import type { CommandRegistry } from './commandRegistry';
import { panelTypes } from './ids';
import { webviewOptions, webviewPage } from './webviewPage';
import {
  isViewModel,
  responseActions,
  type HostToWebview,
  type ResponseAction,
  type ResponseViewModel,
  type SavedState,
  type WebviewToHost,
} from '../webview/protocol';

export interface RenderedResponse {
  findings: number;
  lines: number;
}

/** What the action bar's job buttons do; the panel opens documents and writes the clipboard itself. */
export interface ResponseActions {
  startJob(view: ResponseViewModel): Promise<void>;
  refresh(view: ResponseViewModel): Promise<void>;
}

export class ResponsePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private view: ResponseViewModel | undefined;
  /** Settles on the first 'ready' of the panel's page (messages posted earlier could be lost), or when it closes. */
  private ready = deferred();
  private isReady = false;
  private panelSubscriptions: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<RenderedResponse>();
  /** An action is running: another click (a double click on Start Job) is ignored rather than sent twice. */
  private acting = false;
  /** Views posted to the webview so far. */
  private posts = 0;
  /**
   * The view's job changed in the store while an action ran: the action's own answer will replace the view, so the
   * change is posted only if the action ends without one. One action, one new view: a second render would take the
   * focus the webview gave back to the button or heading.
   */
  private updatedWhileActing = false;

  /** Fired when the webview has put a view on screen (tests wait on it). */
  readonly onDidRender = this.rendered.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly actions: ResponseActions,
    private readonly registry: Pick<CommandRegistry, 'run'>,
  ) {}

  /** What the panel is showing, if it is open. */
  get current(): ResponseViewModel | undefined {
    return this.view;
  }

  /** Shows a response, reusing the open panel; resolves once the view has been posted to the webview. */
  async show(view: ResponseViewModel, options: { preserveFocus?: boolean } = {}): Promise<void> {
    const preserveFocus = options.preserveFocus ?? false;
    this.view = view;
    if (this.panel) {
      this.panel.reveal(undefined, preserveFocus);
    } else {
      // Beside the file being edited, if any; otherwise in the active editor group.
      const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
      const options = { ...this.webviewOptions(), enableFindWidget: true, retainContextWhenHidden: false };
      this.adopt(
        vscode.window.createWebviewPanel(
          panelTypes.response,
          view.title,
          { viewColumn: column, preserveFocus },
          options,
        ),
      );
    }
    this.panel!.title = view.title;
    this.updatedWhileActing = false;
    await this.ready.promise;
    // A later show() may have replaced the view while this one waited; post what is current, once the page listens.
    if (this.view) await this.post(this.view);
  }

  /** Brings the open panel to the front (Show Details of a failure it shows). */
  reveal(): void {
    this.panel?.reveal(undefined, false);
  }

  /** Replaces the view on screen in place (its job changed elsewhere) without revealing the panel. */
  async update(view: ResponseViewModel): Promise<void> {
    if (!this.panel) return;
    this.view = view;
    if (this.acting) this.updatedWhileActing = true;
    else if (this.isReady) await this.post(view);
  }

  /** Runs a button of the action bar on the view on screen, as the webview's message does (tests call it directly). */
  async runAction(action: ResponseAction): Promise<void> {
    const view = this.view;
    if (!view || this.acting) return;
    this.acting = true;
    const postsBefore = this.posts;
    try {
      switch (action) {
        case 'startJob':
          if (view.job?.canStart) await this.actions.startJob(view);
          break;
        case 'refresh':
          if (view.job) await this.actions.refresh(view);
          break;
        case 'openJson':
          await this.openDocument(view);
          break;
      }
    } finally {
      this.acting = false;
      // The webview waits for the view that answers Start Job or Refresh, to put focus back on the button. When the
      // action showed none (nothing to start, a failure told in a notification), the view as it is answers: else the
      // next view, whatever brought it, would pull focus into the webview from wherever the user went meanwhile.
      const unanswered = action !== 'openJson' && this.posts === postsBefore;
      if ((this.updatedWhileActing || unanswered) && this.isReady && this.view) await this.post(this.view);
      this.updatedWhileActing = false;
    }
  }

  /** An untitled document beside the panel, to search, fold or save the body with the editor's tools. */
  private async openDocument(view: ResponseViewModel): Promise<void> {
    const document = await vscode.workspace.openTextDocument({
      language: view.body.language === 'json' ? 'json' : 'plaintext',
      content: view.body.text,
    });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  }

  /** Restores the panel after a window reload from the state the webview saved. */
  registerSerializer(): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(panelTypes.response, {
      deserializeWebviewPanel: async (panel, state: Partial<SavedState> | undefined) => {
        // Nothing to show, or a panel is already open (only one is kept): close the restored one.
        if (!isViewModel(state?.view) || this.panel) {
          panel.dispose();
          return;
        }
        this.view = state.view;
        this.adopt(panel);
      },
    });
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = deferred();
    this.isReady = false;
    const { webview } = panel;
    // A restored panel comes without options; a new one already has them.
    webview.options = this.webviewOptions();
    this.panelSubscriptions = [
      webview.onDidReceiveMessage((message: WebviewToHost) => this.receive(message)),
      panel.onDidDispose(() => this.forgetPanel()),
    ];
    webview.html = this.html(webview);
  }

  private webviewOptions(): vscode.WebviewOptions {
    return webviewOptions(this.context.extensionUri);
  }

  private receive(message: WebviewToHost): void {
    switch (message?.type) {
      case 'ready':
        // A page that loads again (the panel was hidden, so VS Code dropped it) gets the current view again.
        if (this.isReady && this.view) void this.post(this.view);
        this.isReady = true;
        this.ready.resolve();
        break;
      case 'copy':
        if (typeof message.text === 'string' && typeof message.what === 'string')
          void this.copy(message.text, message.what);
        break;
      case 'action':
        if (responseActions.includes(message.action)) {
          void this.registry.run('The response view could not do that', () => this.runAction(message.action));
        }
        break;
      case 'rendered':
        if (typeof message.findings === 'number' && typeof message.lines === 'number')
          this.rendered.fire({ findings: message.findings, lines: message.lines });
        break;
    }
  }

  private async copy(text: string, what: string): Promise<void> {
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(`Copied ${what}`, 3000);
  }

  private async post(view: ResponseViewModel): Promise<void> {
    const message: HostToWebview = { type: 'show', view };
    this.posts++;
    await this.panel?.webview.postMessage(message);
  }

  private forgetPanel(): void {
    for (const subscription of this.panelSubscriptions) subscription.dispose();
    this.panelSubscriptions = [];
    this.panel = undefined;
    this.view = undefined;
    this.ready.resolve();
  }

  private html(webview: vscode.Webview): string {
    return webviewPage(webview, this.context.extensionUri, {
      title: 'Graph response',
      script: ['dist', 'webview.js'],
      style: ['media', 'response.css'],
      loading: 'Loading the response…',
    });
  }

  dispose(): void {
    this.panel?.dispose();
    this.forgetPanel();
    this.rendered.dispose();
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}
