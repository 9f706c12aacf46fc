import * as vscode from 'vscode';
import { listServicePrincipals, nextServicePrincipalPage, type Page } from '../../graph/servicePrincipals';
import { getSynchronization } from '../../graph/synchronization';
import type { ServicePrincipal } from '../../graph/types';
import type { StoreChange, EntityStore } from '../../model/entityStore';
import type { ConnectionManager } from '../connection';
import { contextKeys, viewIds } from '../ids';
import { readSettings } from '../settings';
import { sortTemplates } from '../templates';
import { emptyListNode, errorNode, retryRoot, retryServicePrincipal, viewDescription } from './messages';
import type { SchemaBrowser } from './schemaBrowser';
import { type Load, TreeLoads } from './treeLoads';
import { groupId, nodeId, rootId, toTreeItem, type JobNode, type ServicePrincipalNode, type TreeNode } from './nodes';

/** The per-group errors of a service principal's $batch (the lists themselves are in the store). */
interface GroupErrors {
  templates?: unknown;
  jobs?: unknown;
}

/**
 * Service principals (paged, filtered on the server) and, per service principal, its templates and jobs read in one
 * $batch when expanded. What is read goes to the store; templates and jobs are rendered from the store, so a job
 * changed or deleted anywhere shows here at once. A refresh cancels the loads in flight; their late answers are
 * dropped. Any failure of a load becomes an error node with a retry.
 */
export class ServicePrincipalsTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<TreeNode>;
  private search = '';
  private root?: Load<Page<ServicePrincipal>>;
  /** Load More in flight: a second one waits for it instead of reading the same page again. */
  private loadingMore?: Promise<void>;
  private readonly synchronization = new Map<string, Load<GroupErrors>>();
  /** The node objects handed to VS Code: a change event must name the very object VS Code has, or it is ignored. */
  private readonly listed = new Map<string, ServicePrincipalNode>();
  private readonly loads: TreeLoads;
  private readonly storeSubscription: { dispose(): void };
  private readonly schemaSubscription: vscode.Disposable;

  constructor(
    private readonly connection: ConnectionManager,
    private readonly store: EntityStore,
    private readonly state: vscode.Memento,
    private readonly schemas: SchemaBrowser,
  ) {
    this.loads = new TreeLoads(connection);
    this.view = vscode.window.createTreeView(viewIds.servicePrincipals, {
      treeDataProvider: this,
      showCollapseAll: true,
    });
    this.storeSubscription = store.onDidChange((change) => this.follow(change));
    this.schemaSubscription = schemas.onDidChange((node) => this.changed.fire(node));
    this.describe();
    void this.setContext();
  }

  get onlyFromApplicationTemplates(): boolean {
    return this.state.get<boolean>(contextKeys.onlyFromApplicationTemplates, true);
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
        return {
          kind: 'group',
          group: node.kind === 'job' ? 'jobs' : 'templates',
          servicePrincipal: node.servicePrincipal,
          count: 0,
        };
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
    if (node.kind === 'job') return [this.schemas.rootOf(nodeId(node), node.servicePrincipal.id, node.job.id)];
    if (node.kind === 'schema') return this.schemas.children(node);
    return [];
  }

  /** Everything again from Graph; loads still in flight are cancelled. */
  refresh(): void {
    this.loads.cancelAll();
    this.root = undefined;
    this.loadingMore = undefined;
    this.synchronization.clear();
    this.listed.clear();
    this.schemas.clear();
    this.describe();
    this.changed.fire(undefined);
  }

  /** One service principal's templates and jobs again from Graph. */
  refreshServicePrincipal(servicePrincipal: Pick<ServicePrincipal, 'id'>): void {
    this.synchronization.delete(servicePrincipal.id);
    this.changed.fire(this.listed.get(servicePrincipal.id));
  }

  setSearch(search: string): void {
    this.search = search.trim();
    void vscode.commands.executeCommand('setContext', contextKeys.filtered, this.search !== '');
    this.refresh();
  }

  async setOnlyFromApplicationTemplates(only: boolean): Promise<void> {
    await this.state.update(contextKeys.onlyFromApplicationTemplates, only);
    await this.setContext();
    this.refresh();
  }

  /** The next page of service principals; while one is being read, asking again waits for it. */
  loadMore(): Promise<void> {
    this.loadingMore ??= this.readNextPage().finally(() => (this.loadingMore = undefined));
    return this.loadingMore;
  }

  /** The job's node once its service principal is loaded, for revealing it. */
  async findJob(servicePrincipal: ServicePrincipal, jobId: string): Promise<JobNode | undefined> {
    const jobs = await this.groupChildren(servicePrincipal, 'jobs');
    return jobs.find((node): node is JobNode => node.kind === 'job' && node.job.id === jobId);
  }

  private async readNextPage(): Promise<void> {
    const current = await this.root;
    if (current?.status !== 'fulfilled' || !current.value.nextLink) return;
    const nextLink = current.value.nextLink;
    const connection = this.connection.requireConnection();
    const signal = this.loads.signal;
    const next = await vscode.window.withProgress({ location: { viewId: viewIds.servicePrincipals } }, () =>
      nextServicePrincipalPage(connection.client, nextLink, { version: this.connection.apiVersion, signal }),
    );
    if (signal.aborted) return;
    this.store.putServicePrincipals(next.items);
    this.root = Promise.resolve({
      status: 'fulfilled',
      value: { ...next, items: [...current.value.items, ...next.items], totalCount: current.value.totalCount },
    });
    this.changed.fire(undefined);
  }

  private async rootChildren(): Promise<TreeNode[]> {
    const query = {
      search: this.search,
      onlyFromApplicationTemplates: this.onlyFromApplicationTemplates,
      pageSize: readSettings().pageSize,
    };
    this.root ??= this.loads.run(async (client, signal) => {
      const page = await listServicePrincipals(client, query, { version: this.connection.apiVersion, signal });
      this.store.putServicePrincipals(page.items);
      return page;
    });
    const root = await this.root;
    if (!root) return [];
    if (root.status === 'rejected')
      return [errorNode(rootId, 'Could not load service principals', root.reason, retryRoot)];
    const { items, nextLink, totalCount } = root.value;
    this.describe(items.length, totalCount);
    if (items.length === 0) return [emptyListNode(this.search, this.onlyFromApplicationTemplates)];
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
    const retry = retryServicePrincipal(sp);
    if (loaded.status === 'rejected')
      return [errorNode(nodeId(node), 'Could not load templates and jobs', loaded.reason, retry)];
    const errors = loaded.value;
    const count = {
      templates: this.store.templates(sp.id)?.value.length ?? 0,
      jobs: this.store.jobs(sp.id)?.length ?? 0,
    };
    return (['templates', 'jobs'] as const).map((group) =>
      errors[group] === undefined
        ? { kind: 'group', group, servicePrincipal: sp, count: count[group] }
        : errorNode(groupId(sp, group), `Could not load ${group}`, errors[group], retry),
    );
  }

  private async groupChildren(sp: ServicePrincipal, group: 'templates' | 'jobs'): Promise<TreeNode[]> {
    const loaded = await this.synchronizationOf(sp);
    if (loaded?.status !== 'fulfilled') return [];
    const parentId = groupId(sp, group);
    if (group === 'templates') {
      const templates = sortTemplates(this.store.templates(sp.id)?.value ?? []);
      if (!templates.length) return [{ kind: 'message', parentId, text: 'No synchronization templates' }];
      const jobs = this.store.jobs(sp.id) ?? [];
      return templates.map((template) => ({
        kind: 'template',
        servicePrincipal: sp,
        template,
        jobCount: jobs.filter((read) => read.value.templateId === template.id).length,
      }));
    }
    const jobs = (this.store.jobs(sp.id) ?? []).map((read) => read.value);
    if (!jobs.length) return [{ kind: 'message', parentId, text: 'No jobs yet: create one from a template' }];
    return jobs.map((job) => ({ kind: 'job', servicePrincipal: sp, job, siblings: jobs }));
  }

  /** The service principal's $batch of templates and jobs, read once until refreshed; the lists go to the store. */
  private synchronizationOf(sp: ServicePrincipal): Load<GroupErrors> {
    let loaded = this.synchronization.get(sp.id);
    if (!loaded) {
      loaded = this.loads.run(async (client, signal) => {
        const { templates, jobs } = await getSynchronization(client, sp.id, {
          version: this.connection.apiVersion,
          signal,
        });
        if (templates.ok) this.store.putTemplates(sp.id, templates.value);
        if (jobs.ok) this.store.putJobs(sp.id, jobs.value);
        return { templates: templates.ok ? undefined : templates.error, jobs: jobs.ok ? undefined : jobs.error };
      });
      this.synchronization.set(sp.id, loaded);
    }
    return loaded;
  }

  /** A job or job list of a listed service principal changed in the store: its subtree renders again. */
  private follow(change: StoreChange): void {
    if (change.entity !== 'job' && change.entity !== 'jobs') return;
    const node = this.listed.get(change.servicePrincipalId);
    if (node && this.synchronization.has(change.servicePrincipalId)) this.changed.fire(node);
  }

  private describe(shown?: number, total?: number): void {
    const { description, message } = viewDescription(this.search, this.onlyFromApplicationTemplates, shown, total);
    this.view.description = description;
    this.view.message = message;
  }

  private async setContext(): Promise<void> {
    await vscode.commands.executeCommand(
      'setContext',
      contextKeys.onlyFromApplicationTemplates,
      this.onlyFromApplicationTemplates,
    );
  }

  dispose(): void {
    this.loads.dispose();
    this.storeSubscription.dispose();
    this.schemaSubscription.dispose();
    this.view.dispose();
    this.changed.dispose();
  }
}
