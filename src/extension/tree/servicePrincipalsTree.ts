import * as vscode from 'vscode';
import type { GraphClient } from '../../graph/client';
import { GraphRequestError } from '../../graph/errors';
import { listServicePrincipals, nextServicePrincipalPage, type Page } from '../../graph/servicePrincipals';
import { getSynchronization, type ServicePrincipalSynchronization } from '../../graph/synchronization';
import type { ServicePrincipal } from '../../graph/types';
import type { ConnectionManager } from '../connection';
import { readSettings } from '../settings';
import { nodeId, toTreeItem, type JobNode, type MessageNode, type ServicePrincipalNode, type TreeNode } from './nodes';

export const servicePrincipalsViewId = 'graphSync.servicePrincipals';
const onlyFromTemplatesKey = 'graphSync.onlyFromApplicationTemplates';

type Loaded<T> = { ok: true; value: T } | { ok: false; error: GraphRequestError };

/**
 * Service principals (paged, filtered on the server) and, per service principal, its templates and jobs read in one
 * $batch when expanded. A refresh cancels the loads in flight; their late answers are dropped.
 */
export class ServicePrincipalsTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<TreeNode>;
  private search = '';
  private root?: Promise<Loaded<Page<ServicePrincipal>> | undefined>;
  private readonly synchronization = new Map<string, Promise<Loaded<ServicePrincipalSynchronization> | undefined>>();
  /** The node objects handed to VS Code: a change event must name the very object VS Code has, or it is ignored. */
  private readonly listed = new Map<string, ServicePrincipalNode>();
  private loads = new AbortController();

  constructor(
    private readonly connection: ConnectionManager,
    private readonly state: vscode.Memento,
  ) {
    this.view = vscode.window.createTreeView(servicePrincipalsViewId, { treeDataProvider: this, showCollapseAll: true });
    this.describe();
    void this.setContext();
  }

  get onlyFromApplicationTemplates(): boolean {
    return this.state.get<boolean>(onlyFromTemplatesKey, true);
  }

  get currentSearch(): string {
    return this.search;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    switch (node.kind) {
      case 'template':
      case 'job':
        return { kind: 'group', group: node.kind === 'job' ? 'jobs' : 'templates', servicePrincipal: node.servicePrincipal, count: 0 };
      case 'group':
        return this.servicePrincipalNode(node.servicePrincipal);
      default:
        return undefined;
    }
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (this.connection.current.kind !== 'signedIn') return [];
    if (!node) return this.rootChildren();
    if (node.kind === 'servicePrincipal') return this.servicePrincipalChildren(node);
    if (node.kind === 'group') return this.groupChildren(node.servicePrincipal, node.group);
    return [];
  }

  /** Everything again from Graph; loads still in flight are cancelled. */
  refresh(): void {
    this.loads.abort();
    this.loads = new AbortController();
    this.root = undefined;
    this.synchronization.clear();
    this.listed.clear();
    this.describe();
    this.changed.fire(undefined);
  }

  /** One service principal's templates and jobs again (after a job was created, started, deleted…). */
  refreshServicePrincipal(servicePrincipal: Pick<ServicePrincipal, 'id'>): void {
    this.synchronization.delete(servicePrincipal.id);
    this.changed.fire(this.listed.get(servicePrincipal.id));
  }

  setSearch(search: string): void {
    this.search = search.trim();
    this.refresh();
  }

  async setOnlyFromApplicationTemplates(only: boolean): Promise<void> {
    await this.state.update(onlyFromTemplatesKey, only);
    await this.setContext();
    this.refresh();
  }

  async loadMore(): Promise<void> {
    const current = await this.root;
    if (!current?.ok || !current.value.nextLink) return;
    const nextLink = current.value.nextLink;
    const connection = this.connection.requireConnection();
    const signal = this.loads.signal;
    const next = await vscode.window.withProgress({ location: { viewId: servicePrincipalsViewId } }, () =>
      nextServicePrincipalPage(connection.client, nextLink, { version: this.connection.apiVersion, signal }),
    );
    if (signal.aborted) return;
    this.root = Promise.resolve({ ok: true, value: { ...next, items: [...current.value.items, ...next.items], totalCount: current.value.totalCount } });
    this.changed.fire(undefined);
  }

  /** The job's node once its service principal is loaded, for revealing it. */
  async findJob(servicePrincipal: ServicePrincipal, jobId: string): Promise<JobNode | undefined> {
    const jobs = await this.groupChildren(servicePrincipal, 'jobs');
    return jobs.find((node): node is JobNode => node.kind === 'job' && node.job.id === jobId);
  }

  private async rootChildren(): Promise<TreeNode[]> {
    const query = { search: this.search, onlyFromApplicationTemplates: this.onlyFromApplicationTemplates, pageSize: readSettings().pageSize };
    this.root ??= this.load((client, signal) => listServicePrincipals(client, query, { version: this.connection.apiVersion, signal }));
    const root = await this.root;
    if (!root) return [];
    if (!root.ok) return [this.errorNode('root', 'Could not load service principals', root.error, { command: 'graphSync.refresh', title: 'Retry' })];
    const { items, nextLink, totalCount } = root.value;
    this.describe(items.length, totalCount);
    if (items.length === 0) return [this.emptyNode()];
    const nodes: TreeNode[] = items.map((servicePrincipal) => this.servicePrincipalNode(servicePrincipal));
    return nextLink ? [...nodes, { kind: 'loadMore' }] : nodes;
  }

  private servicePrincipalNode(servicePrincipal: ServicePrincipal): ServicePrincipalNode {
    let node = this.listed.get(servicePrincipal.id);
    if (!node) {
      node = { kind: 'servicePrincipal', servicePrincipal };
      this.listed.set(servicePrincipal.id, node);
    }
    return node;
  }

  private async servicePrincipalChildren(node: ServicePrincipalNode): Promise<TreeNode[]> {
    const sp = node.servicePrincipal;
    const loaded = await this.synchronizationOf(sp);
    if (!loaded) return [];
    const parentId = nodeId(node);
    if (!loaded.ok) return [this.errorNode(parentId, 'Could not load templates and jobs', loaded.error, retryServicePrincipal(sp))];
    const { templates, jobs } = loaded.value;
    const group = (name: 'templates' | 'jobs', result: typeof templates | typeof jobs): TreeNode =>
      result.ok
        ? { kind: 'group', group: name, servicePrincipal: sp, count: result.value.length }
        : this.errorNode(`${parentId}/${name}`, `Could not load ${name}`, result.error, retryServicePrincipal(sp));
    return [group('templates', templates), group('jobs', jobs)];
  }

  private async groupChildren(sp: ServicePrincipal, group: 'templates' | 'jobs'): Promise<TreeNode[]> {
    const loaded = await this.synchronizationOf(sp);
    if (!loaded?.ok) return [];
    const parentId = `sp/${sp.id}/${group}`;
    if (group === 'templates') {
      const templates = loaded.value.templates.ok ? [...loaded.value.templates.value] : [];
      templates.sort((a, b) => Number(b.default) - Number(a.default) || a.id.localeCompare(b.id));
      if (!templates.length) return [{ kind: 'message', parentId, text: 'No synchronization templates' }];
      return templates.map((template) => ({ kind: 'template', servicePrincipal: sp, template }));
    }
    const jobs = loaded.value.jobs.ok ? loaded.value.jobs.value : [];
    if (!jobs.length) return [{ kind: 'message', parentId, text: 'No jobs yet: create one from a template' }];
    return jobs.map((job) => ({ kind: 'job', servicePrincipal: sp, job }));
  }

  private synchronizationOf(sp: ServicePrincipal): Promise<Loaded<ServicePrincipalSynchronization> | undefined> {
    let loaded = this.synchronization.get(sp.id);
    if (!loaded) {
      loaded = this.load((client, signal) => getSynchronization(client, sp.id, { version: this.connection.apiVersion, signal }));
      this.synchronization.set(sp.id, loaded);
    }
    return loaded;
  }

  /** Runs a load for the current connection; undefined when it was cancelled by a refresh. */
  private async load<T>(run: (client: GraphClient, signal: AbortSignal) => Promise<T>): Promise<Loaded<T> | undefined> {
    const signal = this.loads.signal;
    try {
      return { ok: true, value: await run(this.connection.requireConnection().client, signal) };
    } catch (error) {
      if (signal.aborted) return undefined;
      if (error instanceof GraphRequestError) return { ok: false, error };
      throw error;
    }
  }

  private errorNode(parentId: string, text: string, error: GraphRequestError, retry: vscode.Command): MessageNode {
    return { kind: 'message', parentId, text: `${text}: ${error.message}`, error, command: retry };
  }

  private emptyNode(): MessageNode {
    if (this.search) return { kind: 'message', parentId: 'root', text: `No service principals whose name starts with "${this.search}"`, command: { command: 'graphSync.clearFilter', title: 'Clear Filter' } };
    if (this.onlyFromApplicationTemplates) {
      return { kind: 'message', parentId: 'root', text: 'No service principals created from application templates. Show all…', command: { command: 'graphSync.showAllServicePrincipals', title: 'Show All' } };
    }
    return { kind: 'message', parentId: 'root', text: 'No service principals in this tenant' };
  }

  private describe(shown?: number, total?: number): void {
    const scope = this.onlyFromApplicationTemplates ? 'from application templates' : 'all';
    const search = this.search ? `name starts with "${this.search}"` : undefined;
    const count = shown !== undefined ? `${shown}${total !== undefined ? ` of ${total}` : ''}` : undefined;
    this.view.description = [count, scope].filter(Boolean).join(' · ');
    this.view.message = search ? `Filtered: ${search}` : undefined;
  }

  private async setContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'graphSync.onlyFromApplicationTemplates', this.onlyFromApplicationTemplates);
  }

  dispose(): void {
    this.loads.abort();
    this.view.dispose();
    this.changed.dispose();
  }
}

function retryServicePrincipal(servicePrincipal: ServicePrincipal): vscode.Command {
  return { command: 'graphSync.refreshServicePrincipal', title: 'Retry', arguments: [{ kind: 'servicePrincipal', servicePrincipal }] };
}
