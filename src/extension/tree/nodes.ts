import * as vscode from 'vscode';
import { GraphRequestError } from '../../graph/errors';
import { canPause, canStart, describeInterval, jobState } from '../../graph/jobState';
import type { ServicePrincipal, SynchronizationJob, SynchronizationTemplate } from '../../graph/types';
import { assessJobHealth } from '../../health/jobHealth';
import { jobLabel } from '../../model/jobLabel';
import { commandIds } from '../ids';
import { templateCaveat, templateDescription } from '../templates';
import { schemaItem, type SchemaNode } from './schemaNodes';

// Tree nodes are plain data; commands receive them as arguments, so a command can also be called with an object of
// the same shape (from the palette flow or a test). All tenant text is put into labels, descriptions and plain-string
// tooltips, which VS Code renders as text.

export interface ServicePrincipalNode {
  kind: 'servicePrincipal';
  servicePrincipal: ServicePrincipal;
}

export interface GroupNode {
  kind: 'group';
  group: 'templates' | 'jobs';
  servicePrincipal: ServicePrincipal;
  count: number;
}

export interface TemplateNode {
  kind: 'template';
  servicePrincipal: ServicePrincipal;
  template: SynchronizationTemplate;
  /** Jobs of the service principal made from this template, shown before a create is tried. */
  jobCount?: number;
}

export interface JobNode {
  kind: 'job';
  servicePrincipal: ServicePrincipal;
  job: SynchronizationJob;
  /** The service principal's jobs, so that two from one template get distinct labels. */
  siblings?: readonly SynchronizationJob[];
}

export interface LoadMoreNode {
  kind: 'loadMore';
}

export interface MessageNode {
  kind: 'message';
  /** The node id of where the message stands (rootId or a node's id). */
  parentId: string;
  text: string;
  /** A failed load: a Graph error shows its code and request-id; anything else its message. */
  error?: unknown;
  command?: vscode.Command;
}

export type TreeNode =
  ServicePrincipalNode | GroupNode | TemplateNode | JobNode | LoadMoreNode | MessageNode | SchemaNode;

/** The parent id of messages at the top of the tree. */
export const rootId = 'root';

const spId = (sp: Pick<ServicePrincipal, 'id'>) => `sp/${sp.id}`;

/** The one node-id scheme: sp/<id>[/templates|jobs[/<id>]]; VS Code keeps expansion and selection by these ids. */
export function nodeId(node: TreeNode): string {
  switch (node.kind) {
    case 'servicePrincipal':
      return spId(node.servicePrincipal);
    case 'group':
      return groupId(node.servicePrincipal, node.group);
    case 'template':
      return `${groupId(node.servicePrincipal, 'templates')}/${node.template.id}`;
    case 'job':
      return `${groupId(node.servicePrincipal, 'jobs')}/${node.job.id}`;
    case 'loadMore':
      return 'loadMore';
    case 'message':
      return `${node.parentId}/message`;
    case 'schema':
      return node.id;
  }
}

export function groupId(servicePrincipal: Pick<ServicePrincipal, 'id'>, group: GroupNode['group']): string {
  return `${spId(servicePrincipal)}/${group}`;
}

export function toTreeItem(node: TreeNode): vscode.TreeItem {
  const item = itemFor(node);
  item.id = nodeId(node);
  return item;
}

function itemFor(node: TreeNode): vscode.TreeItem {
  switch (node.kind) {
    case 'servicePrincipal': {
      const sp = node.servicePrincipal;
      // The name only: ids are in the tooltip and the Copy actions, not cutting the name short or read aloud per row.
      const item = new vscode.TreeItem(sp.displayName || sp.appId, vscode.TreeItemCollapsibleState.Collapsed);
      item.accessibilityInformation = { label: `Service principal ${sp.displayName || sp.appId}` };
      item.tooltip = lines(
        sp.displayName,
        `Object ID: ${sp.id}`,
        `Application ID: ${sp.appId}`,
        sp.applicationTemplateId && `Application template: ${sp.applicationTemplateId}`,
      );
      item.iconPath = new vscode.ThemeIcon(sp.applicationTemplateId ? 'extensions' : 'symbol-class');
      item.contextValue = 'servicePrincipal';
      return item;
    }
    case 'group': {
      const label = node.group === 'templates' ? 'Templates' : 'Jobs';
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.count);
      item.iconPath = new vscode.ThemeIcon(node.group === 'templates' ? 'files' : 'server-process');
      item.contextValue = `group.${node.group}`;
      return item;
    }
    case 'template': {
      const t = node.template;
      const item = new vscode.TreeItem(t.id, vscode.TreeItemCollapsibleState.None);
      item.description = templateDescription(t, node.jobCount);
      const caveat = templateCaveat(t);
      item.tooltip = lines(
        `Template ${t.id}${t.default ? ' (default)' : ''}`,
        t.factoryTag && `Factory tag: ${t.factoryTag}`,
        t.description,
        node.jobCount
          ? `${node.servicePrincipal.displayName} already has ${node.jobCount} job(s) from this template.`
          : undefined,
        caveat && `This template ${caveat}.`,
      );
      item.accessibilityInformation = { label: `Template ${t.id}, ${item.description || 'synchronization template'}` };
      item.iconPath = new vscode.ThemeIcon(t.default ? 'star-full' : 'file-code');
      item.contextValue = 'template';
      return item;
    }
    case 'job':
      return jobItem(node);
    case 'schema':
      return schemaItem(node);
    case 'loadMore': {
      const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.command = { command: commandIds.loadMore, title: 'Load More' };
      item.contextValue = 'loadMore';
      return item;
    }
    case 'message': {
      const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      const error = node.error;
      if (error instanceof GraphRequestError) {
        item.description = error.requestId ? `request-id ${error.requestId}` : error.code;
        item.tooltip = lines(
          error.message,
          error.hint,
          error.requestId && `request-id: ${error.requestId}`,
          error.date && `date: ${error.date}`,
        );
      } else if (error) {
        item.tooltip = error instanceof Error ? error.message : String(error);
      }
      if (error) {
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
        item.contextValue = 'error';
      } else {
        item.iconPath = new vscode.ThemeIcon('info');
        item.contextValue = 'message';
      }
      item.command = node.command;
      return item;
    }
  }
}

const stateIcons = {
  Active: new vscode.ThemeIcon('sync', new vscode.ThemeColor('testing.iconPassed')),
  Paused: new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('disabledForeground')),
  Disabled: new vscode.ThemeIcon('circle-slash'),
  Quarantine: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
};

function jobItem(node: JobNode): vscode.TreeItem {
  const job = node.job;
  const state = jobState(job);
  const label = jobLabel(job, node.siblings);
  // Collapsed: its child is the job's Schema node (tree/schemaNodes.ts).
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
  const every = describeInterval(job.schedule?.interval);
  const health = job.status ? assessJobHealth(job, new Date()).quarantine : undefined;
  // A quarantined job says how long it has been so and how long Entra waits before disabling it, not its schedule.
  const quarantined = health && `since ${health.since.slice(0, 10)} · ${daysLeft(health.daysUntilDisabled)}`;
  item.description = [state, quarantined || (every && every !== 'never' ? `every ${every}` : undefined)]
    .filter(Boolean)
    .join(' · ');
  const quarantine = job.status?.quarantine;
  item.tooltip = lines(
    `Job ${job.id}`,
    `State: ${state} (schedule ${job.schedule?.state}, status ${job.status?.code})`,
    every && `Interval: ${every}`,
    quarantine &&
      `Quarantined: ${quarantine.reason}${quarantine.error?.message ? ` — ${quarantine.error.message}` : ''}`,
  );
  item.iconPath = stateIcons[state];
  // e.g. "job startable pausable": menus match words with regular expressions.
  item.contextValue = ['job', canStart(state) && 'startable', canPause(state) && 'pausable'].filter(Boolean).join(' ');
  item.accessibilityInformation = {
    label: `Synchronization job ${label}, ${item.description}`,
  };
  item.command = { command: commandIds.showJob, title: 'Show JSON', arguments: [node] };
  return item;
}

function daysLeft(days: number): string {
  return days > 0 ? `disabled in ${days} day${days === 1 ? '' : 's'}` : 'may be disabled already';
}

function lines(...parts: (string | null | undefined | false)[]): string {
  return parts.filter(Boolean).join('\n');
}
