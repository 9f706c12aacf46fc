import * as vscode from 'vscode';
import { provisioningPortalUrl } from '../../graph/clouds';
import { safe } from '../plainText';
import type { Services } from '../services';
import type { ServicePrincipalNode } from '../tree/nodes';

export function refresh(services: Services): void {
  services.tree.refresh();
}

export function refreshServicePrincipal(services: Services, node: ServicePrincipalNode): void {
  services.tree.refreshServicePrincipal(node.servicePrincipal);
}

export async function filter(services: Services): Promise<void> {
  const search = await services.ui.input({
    title: 'Graph Sync: Filter Service Principals',
    prompt: 'Show service principals whose display name starts with this text (searched by Graph; leave empty for all)',
    value: services.tree.currentSearch,
  });
  if (search !== undefined) services.tree.setSearch(search);
}

export function clearFilter(services: Services): void {
  services.tree.setSearch('');
}

export function showAll(services: Services): Promise<void> {
  return services.tree.setOnlyFromApplicationTemplates(false);
}

export function showFromApplicationTemplates(services: Services): Promise<void> {
  return services.tree.setOnlyFromApplicationTemplates(true);
}

export function loadMore(services: Services): Promise<void> {
  return services.tree.loadMore();
}

export async function copyObjectId(services: Services, node: ServicePrincipalNode): Promise<void> {
  await vscode.env.clipboard.writeText(node.servicePrincipal.id);
  services.ui.status(safe`Copied the object ID of ${node.servicePrincipal.displayName}`, 3000);
}

export async function openInEntra(services: Services, node: ServicePrincipalNode): Promise<void> {
  const { endpoint } = services.connection.requireConnection();
  const { id, appId } = node.servicePrincipal;
  await vscode.env.openExternal(vscode.Uri.parse(provisioningPortalUrl(endpoint, id, appId)));
}
