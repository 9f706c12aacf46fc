// The response view's action bar in a real VS Code against the sample tenant: Start Job, Refresh and Open as JSON
// Document, run through the panel exactly as the webview's 'action' message runs them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CreateJobOutcome } from '../../src/graph/createJob';
import type { JobNode, TemplateNode } from '../../src/extension/tree/nodes';
import type { TestApi } from '../../src/extension/extension';
import { activatedServices, emulatorControl, groupChildren, servicePrincipalNamed, signedIn, waitFor } from './support';

/** The schedule state in the body the view shows. */
function shownScheduleState(services: TestApi): unknown {
  const view = services.responses.panel.current;
  assert.ok(view?.body.parsed, 'the view shows a JSON body');
  return (JSON.parse(view.body.text) as { schedule?: { state?: unknown } }).schedule?.state;
}

describe("The response view's actions", () => {
  let services: TestApi;
  let jobId: string;

  before(async () => {
    services = await activatedServices();
    await signedIn(services);
    const box = await servicePrincipalNamed(services, 'Box');
    const template = (await groupChildren(services, box, 'templates')).find(
      (node): node is TemplateNode => node.kind === 'template' && node.template.id === 'BoxOutDelta',
    );
    assert.ok(template);
    // Other suites may have created jobs from this template already: confirm the second one.
    services.ui.answers.confirm = true;
    const rendered = new Promise((resolve) => services.responses.panel.onDidRender(resolve));
    const outcome = await vscode.commands.executeCommand<CreateJobOutcome>('graphSync.createJob', template);
    // Waited for, so that a later test's render event cannot be this one's.
    await rendered;
    assert.equal(outcome?.kind, 'created');
    assert.ok(outcome.kind === 'created' && outcome.job);
    jobId = outcome.job.id;
  });

  it('offers Start and Refresh for a created job, and names the cloud next to the API version', () => {
    const view = services.responses.panel.current;
    assert.equal(view?.job?.jobId, jobId);
    assert.equal(view.job.servicePrincipalName, 'Box');
    assert.equal(view.job.canStart, true, 'a new job is disabled until started');
    assert.equal(view.request?.cloud, services.connection.requireConnection().endpoint.displayName);
    assert.equal(view.request?.cloud, 'Sample tenant (emulator)');
  });

  it('Start Job starts it in the tenant, updates the tree and shows the job read again', async () => {
    const control = emulatorControl();
    await control.clearRequests();
    const rendered = new Promise<{ lines: number }>((resolve) => services.responses.panel.onDidRender(resolve));
    await services.responses.panel.runAction('startJob');
    const routes = (await control.requests()).map((entry) => entry.route);
    assert.ok(routes.includes('startJob'), `requests: ${routes.join(', ')}`);
    assert.ok(routes.indexOf('getJob') > routes.indexOf('startJob'), 'the job is read after it was started');
    const view = services.responses.panel.current;
    assert.equal(view?.request?.method, 'GET');
    assert.equal(view.request.status, 200);
    assert.equal(shownScheduleState(services), 'Active');
    assert.equal(view.job?.canStart, false, 'an active job offers no Start');
    assert.ok((await rendered).lines > 10, 'the webview rendered the new view');
    const box = await servicePrincipalNamed(services, 'Box');
    await waitFor('the job to be active in the tree', async () =>
      ((await groupChildren(services, box, 'jobs')) as JobNode[]).some(
        (node) => node.job.id === jobId && node.job.schedule?.state === 'Active',
      ),
    );
  });

  it('Refresh reads the job again and validates the new answer', async () => {
    const control = emulatorControl();
    await control.clearRequests();
    const before = services.responses.panel.current;
    await services.responses.panel.runAction('refresh');
    const routes = (await control.requests()).map((entry) => entry.route);
    assert.deepEqual(
      routes.filter((route) => route === 'getJob'),
      ['getJob'],
    );
    const view = services.responses.panel.current;
    assert.notEqual(view, before, 'a new view replaced the old one');
    assert.equal(view?.request?.status, 200);
    assert.ok(view.validation, 'the answer was validated');
    assert.equal(view.job?.jobId, jobId);
    assert.equal(shownScheduleState(services), 'Active');
  });

  it('Open as JSON Document opens the body in a JSON editor', async () => {
    const view = services.responses.panel.current;
    assert.ok(view);
    await services.responses.panel.runAction('openJson');
    const editor = await waitFor('the JSON document', () => {
      const document = vscode.window.activeTextEditor?.document;
      return document?.isUntitled && document.languageId === 'json' ? document : undefined;
    });
    assert.equal(editor.getText(), view.body.text);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
