// The Service Principals view's own behaviour in a real VS Code: server-side name filter, the gallery-apps toggle,
// paging with Load More, and deleting a job after confirmation.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CreateJobOutcome } from '../../src/graph/createJob';
import type { JobNode, TemplateNode } from '../../src/extension/tree/nodes';
import type { TestApi } from '../../src/extension/extension';
import {
  activatedServices,
  emulatorControl,
  groupChildren,
  listedServicePrincipals,
  servicePrincipalNamed,
  signedIn,
  waitFor,
} from './support';

describe('Service Principals view', () => {
  let services: TestApi;
  const names = async () => (await listedServicePrincipals(services)).map((node) => node.servicePrincipal.displayName);

  before(async () => {
    services = await activatedServices();
    await signedIn(services);
  });

  it('filters by name prefix on the server, and clears the filter', async () => {
    const control = emulatorControl();
    await control.clearRequests();
    services.tree.setSearch('Box');
    assert.deepEqual(await names(), ['Box']);
    const [request] = (await control.requests()).filter((entry) => entry.route === 'listServicePrincipals');
    assert.match(decodeURIComponent(request.query), /startswith\(displayName,'Box'\)/);
    await vscode.commands.executeCommand('graphSync.clearFilter');
    assert.ok((await names()).length > 5);
  });

  it('shows all service principals or only those from application templates', async () => {
    const fromTemplates = await names();
    assert.ok(!fromTemplates.includes('Contoso Intranet'), 'a line-of-business app has no application template');
    await vscode.commands.executeCommand('graphSync.showAllServicePrincipals');
    const all = await names();
    assert.ok(all.includes('Contoso Intranet') && all.length > fromTemplates.length);
    await vscode.commands.executeCommand('graphSync.showTemplateServicePrincipals');
    assert.deepEqual(await names(), fromTemplates);
  });

  it('reads one page at a time and loads more on demand', async () => {
    const settings = vscode.workspace.getConfiguration('graphSync');
    await settings.update('servicePrincipals.pageSize', 5, vscode.ConfigurationTarget.Global);
    try {
      const first = await waitFor('a page of 5', async () => ((await names()).length === 5 ? names() : undefined));
      const roots = await services.tree.getChildren();
      assert.equal(roots.at(-1)?.kind, 'loadMore');
      await vscode.commands.executeCommand('graphSync.loadMore');
      const more = await names();
      assert.equal(more.length, 10);
      assert.deepEqual(more.slice(0, 5), first);
    } finally {
      await settings.update('servicePrincipals.pageSize', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the default page size again', async () => ((await names()).length > 10 ? true : undefined));
  });

  it('deletes a job only after confirmation', async () => {
    const box = await servicePrincipalNamed(services, 'Box');
    const template = (await groupChildren(services, box, 'templates')).find(
      (node): node is TemplateNode => node.kind === 'template',
    );
    assert.ok(template);
    services.ui.answers.confirm = true;
    const outcome = await vscode.commands.executeCommand<CreateJobOutcome>('graphSync.createJob', template);
    assert.equal(outcome?.kind, 'created');
    const jobId = outcome?.kind === 'created' ? outcome.job!.id : '';
    const node = ((await groupChildren(services, box, 'jobs')) as JobNode[]).find(
      (child) => child.kind === 'job' && child.job.id === jobId,
    );
    assert.ok(node);
    const control = emulatorControl();
    await control.clearRequests();
    services.ui.answers.confirm = false;
    assert.equal(await vscode.commands.executeCommand('graphSync.deleteJob', node), false);
    assert.equal(
      (await control.requests()).filter((entry) => entry.route === 'deleteJob').length,
      0,
      'declined: nothing sent',
    );
    services.ui.answers.confirm = true;
    assert.equal(await vscode.commands.executeCommand('graphSync.deleteJob', node), true);
    const jobs = (await groupChildren(services, box, 'jobs')).filter((child) => child.kind === 'job') as JobNode[];
    assert.ok(!jobs.some((child) => child.job.id === jobId), 'gone from the tree');
  });
});
