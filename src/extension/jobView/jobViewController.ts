import * as vscode from 'vscode';
import { GraphRequestError } from '../../graph/errors';
import type { EntityStore, StoreChange } from '../../model/entityStore';
import { describeJobView } from '../../views/jobView';
import { describeOnDemand } from '../../views/onDemandView';
import {
  isJobViewModel,
  jobViewActions,
  type HostToJobView,
  type JobViewAction,
  type JobViewModel,
  type JobViewSavedState,
  type JobViewToHost,
} from '../../webview/jobViewModel';
import type { CommandRegistry } from '../commandRegistry';
import type { ConnectionManager } from '../connection';
import { commandIds, panelTypes } from '../ids';
import type { ConnectionResult, CredentialsScope } from '../jobs/credentialOperations';
import type { JobOperations } from '../jobs/jobOperations';
import type { JobTarget } from '../jobs/jobTarget';
import type { OnDemandRun } from '../jobs/onDemandOperation';
import { webviewOptions, webviewPage } from '../webviewPage';
import { CycleCounter } from './cycleCounter';
import { JobRefresher, type RefreshOutcome } from './jobRefresher';

interface JobView {
  panel: vscode.WebviewPanel;
  target: JobTarget;
  connection?: JobViewModel['connection'];
  onDemand?: JobViewModel['onDemand'];
  model?: JobViewModel;
  ready: boolean;
  refresher: JobRefresher;
  cycle: CycleCounter;
  subscriptions: vscode.Disposable[];
}

const actionCommands: Partial<Record<JobViewAction, string>> = {
  start: commandIds.startJob,
  pause: commandIds.pauseJob,
  restart: commandIds.restartJob,
  setCredentials: commandIds.setCredentials,
  testConnection: commandIds.testConnection,
  provisionOnDemand: commandIds.provisionOnDemand,
  showScimTraffic: commandIds.showScimTraffic,
  showJson: commandIds.showJob,
};

const keyOf = (servicePrincipalId: string, jobId: string) => `${servicePrincipalId}/${jobId}`;

/**
 * The job views: one webview panel per job, rendered from the store (so a change made anywhere shows), refreshed
 * while visible, and whose buttons run the same commands as the tree. Results of Test Connection and Provision on
 * Demand are kept with the view that showed them, never the values that were entered.
 */
export class JobViewController implements vscode.Disposable {
  private readonly views = new Map<string, JobView>();
  private readonly rendered = new vscode.EventEmitter<{ jobId: string; state: string }>();
  private readonly storeSubscription: { dispose(): void };
  /** Fired when a job view's webview has put a model on screen (tests wait on it). */
  readonly onDidRender = this.rendered.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly store: EntityStore,
    private readonly jobs: JobOperations,
    private readonly registry: Pick<CommandRegistry, 'run'>,
    private readonly connection: ConnectionManager,
  ) {
    this.storeSubscription = store.onDidChange((change) => this.follow(change));
  }

  /** What the job's view shows, if it is open. */
  current(servicePrincipalId: string, jobId: string): JobViewModel | undefined {
    return this.views.get(keyOf(servicePrincipalId, jobId))?.model;
  }

  /** Opens (or reveals) the job's view and reads the job. */
  async open(target: JobTarget): Promise<JobViewModel> {
    const key = keyOf(target.servicePrincipal.id, target.job.id);
    let view = this.views.get(key);
    if (view) view.panel.reveal(undefined, false);
    else {
      const panel = vscode.window.createWebviewPanel(
        panelTypes.jobView,
        `Job ${target.job.templateId ?? target.job.id}`,
        vscode.ViewColumn.Active,
        { ...webviewOptions(this.context.extensionUri), enableFindWidget: true, retainContextWhenHidden: false },
      );
      view = this.adopt(panel, target);
    }
    await this.readJob(view);
    return view.model!;
  }

  /** Test Connection's result, in the job's view when it is open. */
  showConnection(scope: CredentialsScope, result: ConnectionResult): void {
    for (const view of this.views.values())
      if (
        view.target.servicePrincipal.id === scope.servicePrincipal.id &&
        (!scope.job || view.target.job.id === scope.job.id)
      ) {
        view.connection = result;
        this.render(view);
      }
  }

  /** Provision on Demand's steps, in the job's view (opened for them). */
  async showOnDemand(target: JobTarget, run: OnDemandRun): Promise<JobViewModel> {
    const onDemand = describeOnDemand(run.subject, run.parsed);
    const key = keyOf(target.servicePrincipal.id, target.job.id);
    if (!this.views.has(key)) await this.open(target);
    const view = this.views.get(key)!;
    view.onDemand = onDemand;
    return this.render(view);
  }

  /** Runs a button of the view, as the webview's message does (tests call it directly). */
  async runAction(servicePrincipalId: string, jobId: string, action: JobViewAction): Promise<void> {
    const view = this.views.get(keyOf(servicePrincipalId, jobId));
    if (!view?.model?.actions.includes(action)) return;
    const command = actionCommands[action];
    if (command) await vscode.commands.executeCommand(command, view.target);
    else if (action === 'refresh') await this.readJob(view);
    else if (action === 'openTroubleshooting' && view.model.troubleshootingUrl)
      await vscode.env.openExternal(vscode.Uri.parse(view.model.troubleshootingUrl, true));
    view.refresher.schedule(true);
  }

  registerSerializer(): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(panelTypes.jobView, {
      deserializeWebviewPanel: async (panel, state: Partial<JobViewSavedState> | undefined) => {
        const saved = state?.jobView;
        if (!isJobViewModel(saved) || this.views.has(keyOf(saved.servicePrincipalId, saved.jobId))) {
          panel.dispose();
          return;
        }
        const target = {
          servicePrincipal: { id: saved.servicePrincipalId, displayName: saved.servicePrincipalName },
          job: { id: saved.jobId },
        };
        this.adopt(panel, target).model = saved;
      },
    });
  }

  private adopt(panel: vscode.WebviewPanel, target: JobTarget): JobView {
    const key = keyOf(target.servicePrincipal.id, target.job.id);
    panel.webview.options = webviewOptions(this.context.extensionUri);
    const view: JobView = {
      panel,
      target,
      ready: false,
      subscriptions: [],
      cycle: new CycleCounter(this.connection),
      refresher: new JobRefresher(
        () => this.refresh(view),
        () => panel.visible && view.model?.state !== 'Deleted',
      ),
    };
    view.subscriptions.push(
      panel.webview.onDidReceiveMessage((message: JobViewToHost) => this.receive(view, message)),
      panel.onDidChangeViewState(() => (panel.visible ? view.refresher.schedule(true) : view.refresher.stop())),
      panel.onDidDispose(() => {
        view.refresher.stop();
        for (const subscription of view.subscriptions) subscription.dispose();
        this.views.delete(key);
      }),
    );
    this.views.set(key, view);
    panel.webview.html = webviewPage(panel.webview, this.context.extensionUri, {
      title: 'Synchronization job',
      loading: 'Loading the job…',
      script: ['dist', 'jobView.js'],
      style: ['media', 'response.css'],
    });
    return view;
  }

  private async refresh(view: JobView): Promise<RefreshOutcome> {
    const before = view.model;
    const result = await this.readJob(view, true);
    const after = this.render(view);
    const retryAfterSeconds = result instanceof GraphRequestError ? result.retryAfterSeconds : undefined;
    const changed = JSON.stringify([before?.sections, before?.cycle]) !== JSON.stringify([after.sections, after.cycle]);
    return { changed, retryAfterSeconds, running: after.cycle?.running ?? false };
  }

  /** Reads the job, then the log entries of its running cycle (or of the one that just ended) for the counts. */
  private async readJob(view: JobView, quiet = false): Promise<Awaited<ReturnType<JobOperations['read']>>> {
    const result = await this.jobs.read(view.target, { quiet });
    await view.cycle.update(this.store.job(view.target.servicePrincipal.id, view.target.job.id)?.value);
    this.render(view);
    return result;
  }

  private receive(view: JobView, message: JobViewToHost): void {
    switch (message?.type) {
      case 'ready':
        view.ready = true;
        if (view.model) void this.post(view, view.model);
        view.refresher.schedule();
        break;
      case 'action':
        if (jobViewActions.includes(message.action))
          void this.registry.run('The job view could not do that', () =>
            this.runAction(view.target.servicePrincipal.id, view.target.job.id, message.action),
          );
        break;
      case 'rendered':
        if (typeof message.jobId === 'string' && typeof message.state === 'string')
          this.rendered.fire({ jobId: message.jobId, state: message.state });
        break;
    }
  }

  /** The job changed in the store: every view of it shows the new state (or that it was deleted). */
  private follow(change: StoreChange): void {
    if (change.entity !== 'job' && change.entity !== 'jobs') return;
    for (const view of this.views.values()) {
      if (view.target.servicePrincipal.id !== change.servicePrincipalId) continue;
      if (change.entity === 'job' && change.jobId !== view.target.job.id) continue;
      this.render(view, change.entity === 'job' && change.removed);
    }
  }

  private render(view: JobView, removed = false): JobViewModel {
    const read = this.store.job(view.target.servicePrincipal.id, view.target.job.id);
    if (read?.value.templateId) view.target.job.templateId = read.value.templateId;
    const model = describeJobView({
      servicePrincipal: view.target.servicePrincipal,
      jobId: view.target.job.id,
      job: removed ? undefined : read?.value,
      removed: removed || (view.model?.state === 'Deleted' && !read),
      readAt: read?.readAt,
      stale: read?.stale,
      connection: view.connection,
      onDemand: view.onDemand,
      cycleCounts: view.cycle.shown,
      emulator: this.connection.current.kind === 'signedIn' && this.connection.current.connection.endpoint.isLoopback,
      now: new Date(),
    });
    view.model = model;
    view.panel.title = model.title;
    if (view.ready) void this.post(view, model);
    return model;
  }

  private async post(view: JobView, model: JobViewModel): Promise<void> {
    const message: HostToJobView = { type: 'showJob', view: model };
    await view.panel.webview.postMessage(message);
  }

  dispose(): void {
    this.storeSubscription.dispose();
    for (const view of [...this.views.values()]) view.panel.dispose();
    this.rendered.dispose();
  }
}
