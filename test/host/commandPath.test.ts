// The one command path: failures shown once as one line, a cancel never an error, UI input driven through the UI
// seam (restart scopes, the filter), one Load More at a time, and the response view following the store.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CreateJobOutcome } from '../../src/graph/createJob';
import type { TestApi } from '../../src/extension/extension';
import { commandIds } from '../../src/extension/ids';
import type { JobNode, TemplateNode } from '../../src/extension/tree/nodes';
import type { ShownMessage } from '../../src/extension/ui';
import {
  activatedServices,
  emulatorControl,
  firstJobOf,
  groupChildren,
  listedServicePrincipals,
  servicePrincipalNamed,
  signedIn,
  waitFor,
} from './support';

describe('The command path', () => {
  let services: TestApi;
  let shown: ShownMessage[];
  let subscription: vscode.Disposable;
  const errors = () => shown.filter((message) => message.severity === 'error');

  before(async () => {
    services = await activatedServices();
    await signedIn(services);
  });

  beforeEach(async () => {
    shown = [];
    subscription = services.ui.onDidShow((message) => shown.push(message));
    await emulatorControl().clearRequests();
  });

  afterEach(async () => {
    subscription.dispose();
    services.ui.answers.confirm = undefined;
    await emulatorControl().clearFaults();
  });

  it("shows a failure once, as one line with Graph's status and code, and a cancel not at all", async () => {
    const job = await firstJobOf(services, 'Salesforce');
    await emulatorControl().addFault({ route: 'startJob', kind: 'throttle', times: 1 });
    assert.equal(await vscode.commands.executeCommand(commandIds.startJob, job), undefined);
    assert.equal(errors().length, 1, JSON.stringify(shown));
    assert.match(
      errors()[0].text,
      /^Could not start the SfOutDelta job of Salesforce: 429 \w+( \(request-id [\w-]+\))?$/,
    );
    // Errors made in this test bundle are not the extension's GraphRequestError class, so Graph's own cancel is
    // proven by the create tests (a cancelled create); VS Code's and the platform's cancels are thrown here.
    for (const cancel of [new vscode.CancellationError(), AbortSignal.abort().reason as unknown]) {
      await services.registry.run('Could not wait', () => Promise.reject(cancel));
    }
    assert.equal(errors().length, 1, 'cancels show nothing');
  });

  it('restarts a job with the scopes picked through the UI seam', async () => {
    const job = await firstJobOf(services, 'Slack');
    services.ui.answers.pick.push(['QuarantineState']);
    assert.equal(await vscode.commands.executeCommand(commandIds.restartJob, job), true);
    const restarts = (await emulatorControl().requests()).filter((entry) => entry.route === 'restartJob');
    assert.equal(restarts.length, 1);
    assert.ok(shown.some((message) => message.severity === 'pick' && /QuarantineState/.test(message.text)));
    services.ui.answers.pick.push(undefined);
    assert.equal(await vscode.commands.executeCommand(commandIds.restartJob, job), false, 'dismissed: nothing sent');
    assert.equal((await emulatorControl().requests()).filter((entry) => entry.route === 'restartJob').length, 1);
    assert.deepEqual(errors(), []);
  });

  it('creates a job from the palette: the service principal and template pickers through the UI seam', async () => {
    services.ui.answers.pick.push(['ServiceNow'], ['ServiceNowOutDelta']);
    services.ui.answers.confirm = true;
    const outcome = await vscode.commands.executeCommand<CreateJobOutcome>(commandIds.createJob);
    assert.equal(outcome?.kind, 'created');
    const picks = shown.filter((message) => message.severity === 'pick');
    assert.ok(
      picks.some((message) => /ServiceNowOutDelta/.test(message.text)),
      'the template picker listed the templates',
    );
    const search = (await emulatorControl().requests()).find((entry) => entry.route === 'listServicePrincipals');
    assert.match(decodeURIComponent(search?.query ?? ''), /startswith\(displayName,'ServiceNow'\)/);
  });

  it('filters by the text typed into the input box', async () => {
    services.ui.answers.input.push('Slack');
    await vscode.commands.executeCommand(commandIds.filter);
    assert.deepEqual(
      (await listedServicePrincipals(services)).map((node) => node.servicePrincipal.displayName),
      ['Slack'],
    );
    await vscode.commands.executeCommand(commandIds.clearFilter);
  });

  it('reads the next page once when Load More is asked twice', async () => {
    const settings = vscode.workspace.getConfiguration('graphSync');
    await settings.update('servicePrincipals.pageSize', 5, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('a page of 5', async () =>
        (await listedServicePrincipals(services)).length === 5 ? true : undefined,
      );
      await emulatorControl().clearRequests();
      await Promise.all([
        vscode.commands.executeCommand(commandIds.loadMore),
        vscode.commands.executeCommand(commandIds.loadMore),
      ]);
      assert.equal((await listedServicePrincipals(services)).length, 10);
      const pages = (await emulatorControl().requests()).filter((entry) => entry.route === 'listServicePrincipals');
      assert.equal(pages.length, 1);
    } finally {
      await settings.update('servicePrincipals.pageSize', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('keeps the response view in step with the job: started elsewhere, no Start; deleted elsewhere, nothing to do', async () => {
    const aws = await servicePrincipalNamed(services, 'Amazon Web Services (AWS)');
    const template = (await groupChildren(services, aws, 'templates')).find(
      (node): node is TemplateNode => node.kind === 'template',
    );
    assert.ok(template);
    services.ui.answers.confirm = true;
    const outcome = await vscode.commands.executeCommand<CreateJobOutcome>(commandIds.createJob, template);
    assert.ok(outcome?.kind === 'created' && outcome.job);
    const jobId = outcome.job.id;
    assert.equal(services.responses.panel.current?.job?.canStart, true);
    const node = ((await groupChildren(services, aws, 'jobs')) as JobNode[]).find((child) => child.job.id === jobId);
    assert.ok(node);
    assert.equal(await vscode.commands.executeCommand(commandIds.startJob, node), true);
    assert.equal(
      services.responses.panel.current?.job?.canStart,
      false,
      'started from the tree: the view offers no Start',
    );
    assert.equal(await vscode.commands.executeCommand(commandIds.deleteJob, node), true);
    const view = services.responses.panel.current;
    assert.equal(view?.job, undefined, 'a deleted job offers nothing');
    assert.match(view?.outcome.summary ?? '', /deleted/);
    assert.ok(
      !((await groupChildren(services, aws, 'jobs')) as JobNode[]).some((child) => child.job?.id === jobId),
      'gone from the tree',
    );
  });
});
