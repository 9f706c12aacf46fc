// The provisioning logs panel: a table of GET /auditLogs/provisioning for a job or a service principal, paged as the
// user scrolls, filtered by Graph, exported page by page. One panel, reused; src/webview/logs renders it.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import * as vscode from 'vscode';
import {
  allProvisioningLogs,
  listProvisioningLogs,
  needsLogPermission,
  provisioningLogPermissions,
  type ProvisioningLogFilter,
} from '../../graph/provisioningLogs';
import type { GraphClient } from '../../graph/client';
import { GraphRequestError } from '../../graph/errors';
import { logsAsCsv, logsAsJson } from '../../logs/exportLogs';
import type { CommandRegistry } from '../commandRegistry';
import type { Connection, ConnectionManager } from '../connection';
import { panelTypes } from '../ids';
import type { Ui } from '../ui';
import { webviewOptions, webviewPage } from '../webviewPage';
import {
  logActions,
  logRanges,
  logStatuses,
  noFilter,
  type LogsFilter,
  type LogsHostMessage,
  type LogsWebviewMessage,
} from '../../webview/logs/protocol';
import { describeLogsTarget, type LogsTarget } from './logsTarget';

type Rendered = Extract<LogsWebviewMessage, { type: 'rendered' }>;

const dayMs = 24 * 60 * 60 * 1000;
const rangeDays = { all: undefined, '1d': 1, '7d': 7, '30d': 30 } as const;

export class LogsPanel implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private target?: LogsTarget;
  private filter: LogsFilter = noFilter;
  private generation = 0;
  private nextLink?: string;
  private loading?: Promise<void>;
  private abort = new AbortController();
  /** The client for the logs of the current connection (it may carry the logs permission; see show). */
  private logsClient?: { connection: Connection; client: GraphClient };
  private readonly rendered = new vscode.EventEmitter<Rendered>();
  /** Fired whenever the webview has drawn the table (tests wait on it). */
  readonly onDidRender = this.rendered.event;
  /** Entries per page. Graph's default is 100 (its largest 1,000 is a guess of the emulator's). */
  pageSize = 200;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly connection: ConnectionManager,
    private readonly ui: Ui,
    private readonly registry: Pick<CommandRegistry, 'run'>,
  ) {}

  /** Opens (or reuses) the panel on these logs and reads their first page. */
  async show(target: LogsTarget): Promise<void> {
    await this.client();
    this.target = target;
    this.filter = noFilter;
    if (this.panel) this.panel.reveal();
    else {
      this.panel = vscode.window.createWebviewPanel(
        panelTypes.provisioningLogs,
        'Provisioning logs',
        vscode.ViewColumn.Active,
        {
          ...webviewOptions(this.context.extensionUri),
          retainContextWhenHidden: false,
        },
      );
      this.adopt(this.panel);
      return; // the page's 'ready' starts the first read
    }
    await this.restart();
  }

  /** Writes every entry of the current logs (as filtered) to a file the user picks, one page at a time. */
  async export(format: 'csv' | 'json'): Promise<vscode.Uri | undefined> {
    const target = this.target;
    if (!target) return undefined;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = await this.ui.saveAs({
      title: `Export ${describeLogsTarget(target)}`,
      defaultUri: folder && vscode.Uri.joinPath(folder, `provisioning-logs.${format}`),
      filters: { [format.toUpperCase()]: [format] },
    });
    if (!uri) return undefined;
    const client = await this.client();
    const filter = this.graphFilter(target);
    let entries = 0;
    await this.ui.progress(`Exporting provisioning logs to ${uri.fsPath}…`, async (signal) => {
      const pages = (async function* () {
        for await (const page of allProvisioningLogs(client, filter, 1000, { signal })) {
          entries += page.length;
          yield page;
        }
      })();
      const out = createWriteStream(uri.fsPath, { encoding: 'utf8' });
      try {
        for await (const chunk of format === 'csv' ? logsAsCsv(pages) : logsAsJson(pages))
          if (!out.write(chunk)) await once(out, 'drain');
      } finally {
        out.end();
        await once(out, 'close');
      }
    });
    this.ui.status(`$(check) Exported ${entries} provisioning log entries.`);
    return uri;
  }

  private adopt(panel: vscode.WebviewPanel): void {
    panel.webview.onDidReceiveMessage((message: LogsWebviewMessage) => this.receive(message));
    panel.onDidDispose(() => {
      this.abort.abort();
      this.panel = undefined;
    });
    panel.webview.html = webviewPage(panel.webview, this.context.extensionUri, {
      title: 'Provisioning logs',
      script: ['dist', 'logsView.js'],
      style: ['media', 'logs.css'],
      loading: 'Loading provisioning logs…',
    });
  }

  /** Restored after a window reload: the panel knows no target any more, so it closes. */
  registerSerializer(): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(panelTypes.provisioningLogs, {
      deserializeWebviewPanel: async (panel) => panel.dispose(),
    });
  }

  private receive(message: LogsWebviewMessage): void {
    switch (message?.type) {
      case 'ready':
        void this.registry.run('Could not read the provisioning logs', () => this.restart());
        break;
      case 'filter':
        this.filter = checkedFilter(message.filter);
        void this.registry.run('Could not read the provisioning logs', () => this.restart());
        break;
      case 'more':
        if (message.generation === this.generation)
          void this.registry.run('Could not read more provisioning logs', () => this.loadMore());
        break;
      case 'export':
        void this.registry.run('Could not export the provisioning logs', () => this.export(message.format));
        break;
      case 'rendered':
        this.rendered.fire(message);
        break;
    }
  }

  /** A new target or filter: drops what is loaded and reads the first page. */
  private async restart(): Promise<void> {
    const target = this.target;
    if (!target) return;
    this.abort.abort();
    this.abort = new AbortController();
    this.loading = undefined;
    this.nextLink = undefined;
    const generation = ++this.generation;
    const title = describeLogsTarget(target);
    if (this.panel) this.panel.title = target.jobId ? `Logs: ${target.jobId.split('.')[0]}` : 'Provisioning logs';
    await this.post({ type: 'reset', title, scope: title, filter: this.filter, generation });
    await this.read(generation, undefined);
  }

  private loadMore(): Promise<void> {
    if (!this.nextLink) return Promise.resolve();
    const generation = this.generation;
    this.loading ??= this.read(generation, this.nextLink).finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async read(generation: number, nextLink: string | undefined): Promise<void> {
    const target = this.target!;
    const signal = this.abort.signal;
    try {
      const client = await this.client();
      const page = await listProvisioningLogs(
        client,
        this.graphFilter(target),
        nextLink ? { nextLink } : { top: this.pageSize },
        { version: this.connection.apiVersion, signal },
      );
      if (generation !== this.generation) return;
      this.nextLink = page.nextLink;
      await this.post({ type: 'rows', generation, entries: page.items, more: page.nextLink !== undefined });
    } catch (error) {
      if (signal.aborted || generation !== this.generation) return;
      await this.post(failure(generation, error));
      // Shown in the view; a refused permission is an answer, not a failure of the extension.
      if (!needsLogPermission(error)) throw error;
    }
  }

  /** The logs permission is asked for here, when the logs are first opened, never at sign-in. */
  private async client(): Promise<GraphClient> {
    const connection = this.connection.requireConnection();
    if (this.logsClient?.connection !== connection) {
      const client = await this.connection.clientWithPermissions([provisioningLogPermissions[0]]);
      this.logsClient = { connection, client };
    }
    return this.logsClient.client;
  }

  private graphFilter(target: LogsTarget): ProvisioningLogFilter {
    const days = rangeDays[this.filter.range];
    return {
      jobId: target.jobId,
      servicePrincipalId: target.jobId ? undefined : target.servicePrincipal.id,
      statuses: this.filter.statuses,
      actions: this.filter.actions,
      since: days === undefined ? undefined : new Date(Date.now() - days * dayMs),
    };
  }

  private async post(message: LogsHostMessage): Promise<void> {
    await this.panel?.webview.postMessage(message);
  }

  dispose(): void {
    this.abort.abort();
    this.panel?.dispose();
    this.rendered.dispose();
  }
}

/** Only the values the view offers reach the $filter (they are quoted anyway). */
function checkedFilter(filter: Partial<LogsFilter> | undefined): LogsFilter {
  return {
    statuses: (filter?.statuses ?? []).filter((status) => logStatuses.includes(status)),
    actions: (filter?.actions ?? []).filter((action) => logActions.includes(action)),
    range: filter?.range && filter.range in logRanges ? filter.range : 'all',
  };
}

function failure(generation: number, error: unknown): LogsHostMessage {
  if (needsLogPermission(error)) {
    const e = error as GraphRequestError;
    return {
      type: 'failed',
      generation,
      permission: true,
      message: `Graph refused to read the provisioning logs (403 ${e.code ?? 'Forbidden'})${e.graphMessage ? `: ${e.graphMessage}` : '.'}`,
      hint: `Reading provisioning logs needs ${provisioningLogPermissions.join(' or ')}, which Synchronization.ReadWrite.All does not include. Ask an administrator to grant one of them to the app you sign in with (Microsoft Entra admin center: the app's API permissions, Microsoft Graph, then Grant admin consent), then open the logs again.`,
      requestId: e.requestId,
    };
  }
  if (error instanceof GraphRequestError)
    return {
      type: 'failed',
      generation,
      permission: false,
      message: error.message,
      hint: error.hint,
      requestId: error.requestId,
    };
  return {
    type: 'failed',
    generation,
    permission: false,
    message: error instanceof Error ? error.message : String(error),
    hint: '',
  };
}
