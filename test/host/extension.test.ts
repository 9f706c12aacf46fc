// The extension in a real VS Code against the emulator's sample tenant: commands, sign-in, the tree, creating a
// job from a template, the response view and the job actions. Commands are run through vscode.commands, as the
// tree's context menu and the palette run them.
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

describe('Graph Sync Explorer in VS Code', () => {
  let services: TestApi;

  before(async () => {
    services = await activatedServices();
    await signedIn(services);
  });

  it('activates without waiting on the network: sign-in was still under way when activate() returned', () => {
    assert.notEqual(services.signInAtActivation, 'signedIn');
  });

  it('signs in to the sample tenant from the user settings, with no prompt', () => {
    const state = services.connection.current;
    assert.equal(state.kind, 'signedIn');
  });

  it('lists service principals, with tenant text as plain labels', async () => {
    const listed = await listedServicePrincipals(services);
    assert.ok(listed.length >= 5, `${listed.length} listed`);
    const hostile = listed.find((node) => node.servicePrincipal.displayName.includes('<img'));
    assert.ok(hostile, 'the sample tenant has a service principal with markup in its name');
    const item = services.tree.getTreeItem(hostile);
    assert.equal(item.label, hostile.servicePrincipal.displayName, 'a plain string label: VS Code renders it as text');
    assert.ok(typeof item.tooltip === 'string', 'a plain string tooltip, not Markdown');
  });

  it('expands a service principal into its templates and jobs with one $batch', async () => {
    const box = await servicePrincipalNamed(services, 'Box');
    const control = emulatorControl();
    await control.clearRequests();
    services.tree.refreshServicePrincipal(box.servicePrincipal);
    const templates = await groupChildren(services, box, 'templates');
    await groupChildren(services, box, 'jobs');
    assert.ok(templates.some((node) => node.kind === 'template' && node.template.id === 'BoxOutDelta'));
    const graphRequests = (await control.requests()).filter(
      (entry) => !entry.inBatch && entry.route !== 'token' && entry.route !== 'openidConfiguration',
    );
    assert.deepEqual(
      graphRequests.map((entry) => entry.route),
      ['batch'],
    );
  });

  it('creates a job from a template: 201, a valid synchronizationJob, shown in the response view and the tree', async () => {
    const box = await servicePrincipalNamed(services, 'Box');
    const template = (await groupChildren(services, box, 'templates')).find(
      (node): node is TemplateNode => node.kind === 'template' && node.template.id === 'BoxOutDelta',
    );
    assert.ok(template);
    services.ui.answers.confirm = true;
    const rendered = new Promise<{ findings: number; lines: number }>((resolve) =>
      services.responses.panel.onDidRender(resolve),
    );
    const started = performance.now();
    const outcome = await vscode.commands.executeCommand<CreateJobOutcome>('graphSync.createJob', template);
    assert.equal(outcome?.kind, 'created');
    if (outcome?.kind !== 'created') return;
    assert.equal(outcome.response.status, 201);
    const view = services.responses.panel.current;
    assert.ok(view?.validation, 'the response was validated');
    assert.deepEqual(
      view.validation.findings.filter((finding) => finding.severity === 'error'),
      [],
    );
    assert.equal(view.request?.status, 201);
    assert.ok(view.request?.requestId);
    const shown = await rendered;
    console.log(
      `create job command to rendered webview (first webview of the window): ${(performance.now() - started).toFixed(0)} ms`,
    );
    assert.equal(shown.findings, view.validation.findings.length);
    assert.ok(shown.lines > 10, `${shown.lines} lines rendered`);
    const jobs = await waitFor('the new job in the tree', async () => {
      const nodes = (await groupChildren(services, box, 'jobs')) as JobNode[];
      return nodes.some((node) => node.job.id === outcome.job!.id) ? nodes : undefined;
    });
    assert.ok(jobs.length >= 1);
  });

  it('starts and pauses a job from the tree', async () => {
    const box = await servicePrincipalNamed(services, 'Box');
    const job = ((await groupChildren(services, box, 'jobs')) as JobNode[]).find(
      (node) => node.job.schedule?.state === 'Disabled',
    );
    assert.ok(job, 'a disabled job to start');
    assert.ok(/\bstartable\b/.test(String(services.tree.getTreeItem(job).contextValue)));
    assert.equal(await vscode.commands.executeCommand('graphSync.startJob', job), true);
    const started = await waitFor('the job to be active', async () =>
      ((await groupChildren(services, box, 'jobs')) as JobNode[]).find(
        (node) => node.job.id === job.job.id && node.job.schedule?.state === 'Active',
      ),
    );
    assert.ok(/\bpausable\b/.test(String(services.tree.getTreeItem(started).contextValue)));
    assert.equal(await vscode.commands.executeCommand('graphSync.pauseJob', started), true);
    await waitFor('the job to be paused', async () =>
      ((await groupChildren(services, box, 'jobs')) as JobNode[]).some(
        (node) => node.job.id === job.job.id && node.job.schedule?.state === 'Paused',
      ),
    );
  });

  it("shows a failed create with Graph's code, request-id and what to do, says the job may still appear, and creates nothing", async () => {
    const control = emulatorControl();
    await control.addFault({ route: 'createJob', kind: 'unavailable', when: 'before', times: 1 });
    const box = await servicePrincipalNamed(services, 'Box');
    const template = (await groupChildren(services, box, 'templates')).find(
      (node): node is TemplateNode => node.kind === 'template',
    );
    assert.ok(template);
    const before = (await groupChildren(services, box, 'jobs')).length;
    services.ui.answers.confirm = true;
    const outcome = await vscode.commands.executeCommand<CreateJobOutcome>('graphSync.createJob', template);
    // A 503 leaves the create's effect open: the list shows no job yet, so the honest outcome is "not visible yet".
    assert.equal(outcome?.kind, 'notVisibleYet');
    const view = services.responses.panel.current;
    assert.equal(view?.outcome.kind, 'warning');
    assert.equal(view?.request?.status, 503);
    assert.ok(view?.error?.requestId, 'the request-id support asks for');
    assert.ok(view?.error?.hint);
    services.tree.refreshServicePrincipal(box.servicePrincipal);
    assert.equal((await groupChildren(services, box, 'jobs')).length, before);
  });

  it('shows the Graph error of a template the server refuses, with its request-id', async () => {
    const restricted = await servicePrincipalNamed(services, 'Restricted SCIM app (insufficient privileges)');
    const template = (await groupChildren(services, restricted, 'templates')).find(
      (node): node is TemplateNode => node.kind === 'template' && node.template.id === 'scim',
    );
    assert.ok(template);
    const outcome = await vscode.commands.executeCommand<CreateJobOutcome>('graphSync.createJob', template);
    assert.equal(outcome?.kind, 'notCreated');
    if (outcome?.kind !== 'notCreated') return;
    assert.equal(outcome.error.status, 403);
    const view = services.responses.panel.current;
    assert.equal(view?.error?.code, 'Authorization_RequestDenied');
    assert.equal(view?.error?.requestId, outcome.error.requestId);
    assert.match(view?.error?.requestId ?? '', /^[0-9a-f-]{36}$/);
    assert.match(view?.body.text ?? '', /Authorization_RequestDenied/, 'the error body is shown as Graph sent it');
  });

  it("shows a job's JSON on demand", async () => {
    const box = await servicePrincipalNamed(services, 'Box');
    const [job] = (await groupChildren(services, box, 'jobs')) as JobNode[];
    assert.ok(job);
    const rendered = new Promise((resolve) => services.responses.panel.onDidRender(resolve));
    const started = performance.now();
    await vscode.commands.executeCommand('graphSync.showJob', job);
    await rendered;
    console.log(`show job command to rendered webview (panel open): ${(performance.now() - started).toFixed(0)} ms`);
    const view = services.responses.panel.current;
    assert.equal(view?.request?.status, 200);
    // Named by its short label, as the tree names it; the full id is in the request and the body.
    assert.match(view?.title ?? '', /^Job BoxOutDelta( …[0-9a-f]{6,})? on Box$/);
    assert.ok(view?.request?.url.includes(job.job.id));
    assert.ok(view?.body.parsed);
  });
});
