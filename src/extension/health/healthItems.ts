// Tree items of the Provisioning Health view. Tenant text goes into labels, descriptions and plain-string tooltips,
// which VS Code renders as text.
import * as vscode from 'vscode';
import type { Severity } from '../../health/jobHealth';
import type { ScanProblem, ScanRow } from '../../health/scan';
import { flagSummary, type ScanGroup } from '../../health/scanGroups';
import { commandIds } from '../ids';

export interface HealthServicePrincipalNode {
  kind: 'health.servicePrincipal';
  group: ScanGroup;
}

export interface HealthJobNode {
  kind: 'health.job';
  row: ScanRow;
}

export interface HealthMessageNode {
  kind: 'health.message';
  text: string;
  problem?: ScanProblem;
}

export type HealthNode = HealthServicePrincipalNode | HealthJobNode | HealthMessageNode;

const icons: Record<Severity, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  note: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  ok: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
};

export function healthItem(node: HealthNode): vscode.TreeItem {
  switch (node.kind) {
    case 'health.servicePrincipal': {
      const { servicePrincipal: sp, rows, severity } = node.group;
      const open = severity === 'error' || severity === 'warning';
      const item = new vscode.TreeItem(
        sp.displayName || sp.appId,
        open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.id = `health/sp/${sp.id}`;
      const problems = rows.filter((row) => row.health.severity !== 'ok').length;
      item.description = `${rows.length} job${rows.length === 1 ? '' : 's'}${problems ? `, ${problems} with findings` : ''}`;
      item.tooltip = lines(sp.displayName, `Object ID: ${sp.id}`, `Application ID: ${sp.appId}`);
      item.iconPath = icons[severity];
      item.contextValue = 'health.servicePrincipal';
      return item;
    }
    case 'health.job': {
      const { servicePrincipal: sp, job, health } = node.row;
      const item = new vscode.TreeItem(job.templateId ?? job.id, vscode.TreeItemCollapsibleState.None);
      item.id = `health/sp/${sp.id}/job/${job.id}`;
      item.description = flagSummary(health);
      item.tooltip = lines(
        `Job ${job.id} of ${sp.displayName}`,
        ...health.findings.map((finding) => `• ${finding.message}\n  What to do: ${finding.action}`),
        health.findings.length === 0 && 'No findings.',
      );
      item.iconPath = icons[health.severity];
      item.contextValue = 'health.job';
      item.accessibilityInformation = { label: `Job ${job.templateId} of ${sp.displayName}: ${item.description}` };
      item.command = { command: commandIds.openScannedJob, title: 'Open Job', arguments: [node] };
      return item;
    }
    case 'health.message': {
      const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      const error = node.problem?.error;
      if (error) {
        item.id = `health/problem/${node.problem!.servicePrincipal.id}`;
        item.tooltip = lines(error.message, error.hint, error.requestId && `request-id: ${error.requestId}`);
        item.description = error.requestId ? `request-id ${error.requestId}` : error.code;
      }
      item.iconPath = new vscode.ThemeIcon(error ? 'error' : 'info');
      item.contextValue = 'health.message';
      return item;
    }
  }
}

function lines(...parts: (string | null | undefined | false)[]): string {
  return parts.filter(Boolean).join('\n');
}
