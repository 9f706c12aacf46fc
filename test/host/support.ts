// What the extension-host tests share: the activated extension's services, and waiting for things that happen
// asynchronously in a real VS Code (sign-in, tree loads, webview rendering).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { EmulatorControl } from '../../src/emulator/control';
import type { TestApi } from '../../src/extension/extension';
import type { JobNode, ServicePrincipalNode, TreeNode } from '../../src/extension/tree/nodes';

export const extensionId = 'graph-sync-explorer.graph-sync-explorer';

export function requiredEnv(name: string): string {
  const value = process.env[name];
  assert.ok(value, `${name} is not set in the extension host: run the suite through test/harness (npm run test:host)`);
  return value;
}

export async function activatedServices(): Promise<TestApi> {
  const extension = vscode.extensions.getExtension<TestApi>(extensionId);
  assert.ok(extension, `${extensionId} is not installed`);
  const services = await extension.activate();
  assert.ok(services, 'the extension returns its services in test mode');
  return services;
}

/** The emulator the driver started, reached over TLS pinned to its CA. */
export function emulatorControl(): EmulatorControl {
  return new EmulatorControl(
    requiredEnv('GRAPH_SYNC_TEST_EMULATOR_URL'),
    fs.readFileSync(requiredEnv('NODE_EXTRA_CA_CERTS'), 'utf8'),
  );
}

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function signedIn(services: TestApi): Promise<void> {
  await waitFor('sign-in to the sample tenant', () => services.connection.current.kind === 'signedIn');
}

/** The tree's service principals (first page), as VS Code asks for them. */
export async function listedServicePrincipals(services: TestApi): Promise<ServicePrincipalNode[]> {
  const roots = await services.tree.getChildren();
  const listed = roots.filter((node): node is ServicePrincipalNode => node.kind === 'servicePrincipal');
  const messages = roots.flatMap((node) => (node.kind === 'message' ? [node.text] : []));
  assert.ok(listed.length > 0, `no service principals listed; the tree says: ${messages.join(' | ') || '(nothing)'}`);
  return listed;
}

export async function servicePrincipalNamed(services: TestApi, displayName: string): Promise<ServicePrincipalNode> {
  const found = (await listedServicePrincipals(services)).find(
    (node) => node.servicePrincipal.displayName === displayName,
  );
  assert.ok(found, `${displayName} is listed`);
  return found;
}

/** Children of a service principal's group ('templates' or 'jobs'). */
export async function groupChildren(
  services: TestApi,
  node: ServicePrincipalNode,
  group: 'templates' | 'jobs',
): Promise<TreeNode[]> {
  const groups = await services.tree.getChildren(node);
  const groupNode = groups.find((child) => child.kind === 'group' && child.group === group);
  assert.ok(
    groupNode,
    `${node.servicePrincipal.displayName} has a ${group} group (children: ${groups.map((g) => g.kind).join(', ')})`,
  );
  return services.tree.getChildren(groupNode);
}

/** The first job listed under the service principal with this name (the sample tenant's seeded job). */
export async function firstJobOf(services: TestApi, displayName: string): Promise<JobNode> {
  const servicePrincipal = await servicePrincipalNamed(services, displayName);
  const job = (await groupChildren(services, servicePrincipal, 'jobs')).find(
    (node): node is JobNode => node.kind === 'job',
  );
  assert.ok(job, `${displayName} has a job`);
  return job;
}
