import * as vscode from 'vscode';
import { assessJobHealth } from '../../health/jobHealth';
import { scanTenant, type ScanMemory, type ScanProgress } from '../../health/scan';
import { describeReuse, forgetServicePrincipal, reuseMaxAgeMs } from '../../health/scanMemory';
import { ScanResults } from '../../health/scanGroups';
import type { SynchronizationJob } from '../../graph/types';
import type { EntityStore, StoreChange } from '../../model/entityStore';
import type { ConnectionManager } from '../connection';
import { viewIds } from '../ids';
import type { Ui } from '../ui';
import { HealthDiagnostics } from './healthDiagnostics';
import { healthItem, type HealthNode } from './healthItems';

export interface ScanOutcome {
  state: 'done' | 'cancelled';
  progress?: ScanProgress;
}

/** 'repeat' reuses the last scan's empty job lists (if under an hour old); 'full' reads every job list again. */
export type ScanMode = 'repeat' | 'full';

/**
 * The Provisioning Health view: Scan Tenant reads every service principal's jobs (scanTenant) and lists them worst
 * first while the scan goes on, one update per batch. Findings go to the Problems panel and the jobs to the store,
 * so the other views show what the scan read. A new scan, a sign-out or another tenant cancels the one running.
 * A repeat scan does not ask again for the jobs of service principals that had none (see ScanOptions.reuse) and says
 * so in the view's message; Scan All reads everything.
 */
export class HealthView implements vscode.TreeDataProvider<HealthNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<HealthNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<HealthNode>;
  readonly diagnostics: HealthDiagnostics;
  private results = new ScanResults();
  private running?: AbortController;
  /** The last scan finished: an empty list then means the tenant has no jobs. */
  private scanned = false;
  /** What the last finished scan of this connection read, for the next repeat scan. */
  private memory?: ScanMemory;
  private readonly updated = new vscode.EventEmitter<ScanProgress>();
  /** Fired after each batch of rows is in the view (tests wait on it). */
  readonly onDidUpdate = this.updated.event;
  private readonly subscriptions: vscode.Disposable[];
  /** The time jobs are judged at (tests set it to the emulator's manual clock). */
  now: () => Date = () => new Date();

  constructor(
    private readonly connection: ConnectionManager,
    private readonly store: EntityStore,
    private readonly ui: Ui,
  ) {
    this.diagnostics = new HealthDiagnostics(store);
    this.view = vscode.window.createTreeView(viewIds.health, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions = [
      connection.onDidChange(() => this.reset()),
      new vscode.Disposable(store.onDidChange((change) => this.follow(change)).dispose),
    ];
  }

  get current(): ScanResults {
    return this.results;
  }

  getTreeItem(node: HealthNode): vscode.TreeItem {
    return healthItem(node);
  }

  getChildren(node?: HealthNode): HealthNode[] {
    if (node?.kind === 'health.servicePrincipal') return node.group.rows.map((row) => ({ kind: 'health.job', row }));
    if (node) return [];
    const groups: HealthNode[] = this.results.groups().map((group) => ({ kind: 'health.servicePrincipal', group }));
    const problems: HealthNode[] = this.results.problems.map((problem) => ({
      kind: 'health.message',
      problem,
      text:
        problem.kind === 'deleted'
          ? `${problem.servicePrincipal.displayName}: deleted during the scan`
          : `${problem.servicePrincipal.displayName}: could not read its jobs`,
    }));
    if (this.scanned && groups.length === 0 && problems.length === 0)
      return [{ kind: 'health.message', text: 'No provisioning jobs in this tenant.' }];
    return [...groups, ...problems];
  }

  /** Scans the tenant; resolves when it is done, or cancelled (the user's cancel is thrown, to be logged). */
  async scan(mode: ScanMode = 'repeat'): Promise<ScanOutcome> {
    const { client } = this.connection.requireConnection();
    this.running?.abort(new vscode.CancellationError());
    const running = (this.running = new AbortController());
    this.results = new ScanResults();
    this.diagnostics.clear();
    this.scanned = false;
    this.view.description = 'Scanning…';
    this.view.message = undefined;
    const now = this.now();
    const memory = mode === 'repeat' ? this.memory : undefined;
    this.changed.fire(undefined);
    let progress: ScanProgress | undefined;
    try {
      await this.ui.countedProgress(
        viewIds.health,
        'Scanning the tenant for provisioning health…',
        async (signal, report) => {
          const both = AbortSignal.any([signal, running.signal]);
          for await (const event of scanTenant(client, {
            version: this.connection.apiVersion,
            signal: both,
            now,
            reuse: memory && { memory, maxAgeMs: reuseMaxAgeMs },
          })) {
            progress = event.progress;
            if (event.kind === 'rows') {
              this.results.add(event.rows);
              this.diagnostics.add(event.rows);
              this.putJobs(event.rows);
            } else if (event.kind === 'problem') this.results.addProblem(event.problem);
            if (event.kind !== 'servicePrincipals') this.changed.fire(undefined);
            report(describeProgress(event.progress));
            this.view.description = `Scanning… ${describeProgress(event.progress)}`;
            if (event.kind === 'rows') this.updated.fire(event.progress);
            if (event.kind === 'done') this.memory = event.memory;
          }
        },
      );
      this.scanned = true;
      this.view.description = this.summary();
      const reused = progress && memory && describeReuse(progress, memory, now);
      this.view.message = reused && `${reused}. Scan All reads every job list again.`;
      return { state: 'done', progress };
    } catch (error) {
      if (running.signal.aborted || error instanceof vscode.CancellationError) {
        if (this.running === running) this.view.description = `Cancelled: ${this.summary()}`;
        throw error instanceof vscode.CancellationError ? error : new vscode.CancellationError();
      }
      this.view.description = `Failed: ${this.summary()}`;
      throw error;
    } finally {
      if (this.running === running) this.running = undefined;
      this.changed.fire(undefined);
    }
  }

  /** Cancels the scan that is running, if any. */
  cancel(): void {
    this.running?.abort(new vscode.CancellationError());
  }

  /** A batch holds each service principal's whole job list: the store gets them as lists. */
  private putJobs(rows: readonly { servicePrincipal: { id: string }; job: SynchronizationJob }[]): void {
    const bySp = new Map<string, SynchronizationJob[]>();
    for (const row of rows) bySp.set(row.servicePrincipal.id, [...(bySp.get(row.servicePrincipal.id) ?? []), row.job]);
    for (const [spId, jobs] of bySp) this.store.putJobs(spId, jobs);
  }

  /** A scanned job changed elsewhere (started, restarted, deleted): its row and findings follow. */
  private follow(change: StoreChange): void {
    if (change.entity !== 'job' && change.entity !== 'jobs') return;
    const spId = change.servicePrincipalId;
    // A job created (here) for a service principal that had none: the next repeat scan asks for its jobs again.
    if (this.memory && this.store.jobs(spId)?.length) this.memory = forgetServicePrincipal(this.memory, spId);
    const jobIds =
      change.entity === 'job'
        ? [change.jobId]
        : (this.results.groups().find((g) => g.servicePrincipal.id === spId)?.rows ?? []).map((r) => r.job.id);
    let changed = false;
    for (const jobId of jobIds) {
      const before = this.results.row(spId, jobId);
      const read = this.store.job(spId, jobId);
      // A job read again with the same content is no change: redrawing the tree would close a menu open on its row.
      if (!before || (read && sameJob(read.value, before.job))) continue;
      const row = read && { ...before, job: read.value, health: assessJobHealth(read.value, this.now()) };
      this.results.update(spId, jobId, row);
      if (row) this.diagnostics.add([row]);
      else this.diagnostics.remove(spId, jobId);
      changed = true;
    }
    if (!changed) return;
    if (!this.running) this.view.description = this.summary();
    this.changed.fire(undefined);
  }

  private summary(): string {
    const counts = this.results.counts();
    const parts = [
      counts.error && `${counts.error} error${counts.error === 1 ? '' : 's'}`,
      counts.warning && `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`,
      counts.note && `${counts.note} note${counts.note === 1 ? '' : 's'}`,
      `${counts.ok} OK`,
    ].filter(Boolean);
    return parts.join(' · ');
  }

  private reset(): void {
    this.cancel();
    this.results = new ScanResults();
    this.scanned = false;
    this.memory = undefined;
    this.diagnostics.clear();
    this.view.description = undefined;
    this.view.message = undefined;
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.cancel();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.diagnostics.dispose();
    this.view.dispose();
    this.changed.dispose();
    this.updated.dispose();
  }
}

function describeProgress(progress: ScanProgress): string {
  const total = progress.servicePrincipalsTotal;
  const listed =
    total === undefined ? `${progress.servicePrincipalsListed}` : `${progress.servicePrincipalsListed} of ${total}`;
  return `${listed} service principals listed, ${progress.jobListsRead + progress.jobListsReused} job lists read, ${progress.jobsFound} jobs`;
}

/** Jobs are small: their JSON tells whether anything the view shows could differ. */
function sameJob(a: SynchronizationJob, b: SynchronizationJob): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
