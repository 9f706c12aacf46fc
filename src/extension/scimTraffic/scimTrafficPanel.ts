// The SCIM traffic panel: a job's last provisioning cycle as the SCIM endpoint saw it, read from the local emulator
// (src/scimTraffic), masked, listed by src/webview/scimTraffic. One panel, reused for whichever job is asked for. The
// requests stay here; the page gets their rows (as filtered) and the details of the one it selects.
import * as vscode from 'vscode';
import type { EntityStore } from '../../model/entityStore';
import { readScimTraffic } from '../../scimTraffic/readScimTraffic';
import { describeTraffic, trafficNotice, TrafficList } from '../../views/scimTrafficView';
import {
  noTrafficFilter,
  statusClasses,
  type TrafficFilter,
  type TrafficHostMessage,
  type TrafficRow,
  type TrafficViewState,
  type TrafficWebviewMessage,
} from '../../webview/scimTraffic/protocol';
import type { CommandRegistry } from '../commandRegistry';
import type { ConnectionManager } from '../connection';
import { panelTypes } from '../ids';
import { describeJob, type JobTarget } from '../jobs/jobTarget';
import { webviewOptions, webviewPage } from '../webviewPage';

type Rendered = Extract<TrafficWebviewMessage, { type: 'rendered' }>;

export class ScimTrafficPanel implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  /** The page said 'ready': messages posted now arrive. */
  private ready = false;
  private target?: JobTarget;
  private state?: TrafficViewState;
  private list = new TrafficList([]);
  private rows: TrafficRow[] = [];
  private filter: TrafficFilter = noTrafficFilter;
  private generation = 0;
  private abort = new AbortController();
  private readonly rendered = new vscode.EventEmitter<Rendered>();
  /** Fired whenever the webview has drawn (tests wait on it). */
  readonly onDidRender = this.rendered.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly connection: ConnectionManager,
    private readonly store: EntityStore,
    private readonly registry: Pick<CommandRegistry, 'run'>,
  ) {}

  /** What the view shows now: its state, the rows as filtered, a request's details by its 1-based index. */
  get model() {
    return { state: this.state, rows: this.rows, detail: (index: number) => this.list.detail(index) };
  }

  /** Opens (or reuses) the panel on this job's last cycle and reads it; resolves to what the view states. */
  async show(target: JobTarget): Promise<TrafficViewState> {
    this.target = target;
    this.filter = noTrafficFilter;
    if (this.panel) this.panel.reveal();
    else this.adopt(this.createPanel());
    this.panel!.title = `SCIM traffic: ${describeJob(target, this.store)}`;
    return this.refresh();
  }

  /** Reads the target's traffic again; a read still running is dropped. */
  async refresh(): Promise<TrafficViewState> {
    const target = this.target!;
    this.abort.abort();
    const abort = (this.abort = new AbortController());
    const generation = ++this.generation;
    const title = `SCIM traffic: ${describeJob(target, this.store)}`;
    this.setView(trafficNotice(title, 'loading', 'Reading the last cycle…'), []);
    try {
      const { client } = this.connection.requireConnection();
      const reading = await readScimTraffic(client, target.job.id, { signal: abort.signal });
      if (generation !== this.generation) return this.state!;
      this.list = new TrafficList(reading.kind === 'traffic' ? reading.record.exchanges : []);
      this.setView(describeTraffic(title, reading), this.list.rows(this.filter));
    } catch (error) {
      if (generation !== this.generation) return this.state!;
      this.list = new TrafficList([]);
      const hint = (error as { hint?: unknown }).hint;
      const message = `Could not read the SCIM traffic: ${error instanceof Error ? error.message : String(error)}`;
      this.setView(trafficNotice(title, 'failed', message, typeof hint === 'string' ? hint : undefined), []);
      throw error;
    }
    return this.state!;
  }

  /** Restored after a window reload: the panel knows no job any more, so it closes. */
  registerSerializer(): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(panelTypes.scimTraffic, {
      deserializeWebviewPanel: async (panel) => panel.dispose(),
    });
  }

  private createPanel(): vscode.WebviewPanel {
    return vscode.window.createWebviewPanel(panelTypes.scimTraffic, 'SCIM traffic', vscode.ViewColumn.Active, {
      ...webviewOptions(this.context.extensionUri),
      retainContextWhenHidden: false,
    });
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    panel.webview.onDidReceiveMessage((message: TrafficWebviewMessage) => this.receive(message));
    panel.onDidDispose(() => {
      this.abort.abort();
      this.panel = undefined;
    });
    // Hidden, the page is dropped (retainContextWhenHidden false); shown again, it says 'ready' once more.
    panel.onDidChangeViewState(() => {
      if (!panel.visible) this.ready = false;
    });
    panel.webview.html = webviewPage(panel.webview, this.context.extensionUri, {
      title: 'SCIM traffic',
      script: ['dist', 'scimTrafficView.js'],
      style: ['media', 'scimTraffic.css'],
      loading: 'Loading SCIM traffic…',
    });
  }

  private receive(message: TrafficWebviewMessage): void {
    switch (message?.type) {
      case 'ready':
        this.ready = true;
        this.postView();
        break;
      case 'refresh':
        void this.registry.run('Could not read the SCIM traffic', () => this.refresh());
        break;
      case 'filter':
        this.filter = checkedFilter(message.filter);
        this.rows = this.list.rows(this.filter);
        this.post({ type: 'rows', generation: this.generation, rows: this.rows });
        break;
      case 'select': {
        const detail = message.generation === this.generation && this.list.detail(Number(message.index));
        if (detail) this.post({ type: 'detail', generation: this.generation, detail });
        break;
      }
      case 'rendered':
        this.rendered.fire(message);
        break;
    }
  }

  private setView(state: TrafficViewState, rows: TrafficRow[]): void {
    this.state = state;
    this.rows = rows;
    this.postView();
  }

  private postView(): void {
    if (this.state)
      this.post({ type: 'view', generation: this.generation, state: this.state, rows: this.rows, filter: this.filter });
  }

  private post(message: TrafficHostMessage): void {
    if (this.ready) void this.panel?.webview.postMessage(message);
  }

  dispose(): void {
    this.abort.abort();
    this.panel?.dispose();
    this.rendered.dispose();
  }
}

/** Only what the view offers reaches the filter: a method name, a status class, a bounded search text. */
function checkedFilter(filter: Partial<TrafficFilter> | undefined): TrafficFilter {
  const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');
  const status = statusClasses.find((value) => value === filter?.status) ?? '';
  return { method: text(filter?.method, 16), status, text: text(filter?.text, 500) };
}
