// At most one job (issue 7 §1), the extension's side: one create per service principal + template at a time, a
// create whose outcome was left open makes the next one read the job list again (and say what appeared, or ask with
// Cancel as the default), and a bad graphSync.apiVersion neither breaks a create nor turns it into a failure.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CreateJobOutcome } from '../../src/graph/createJob';
import type { TestApi } from '../../src/extension/extension';
import { commandIds } from '../../src/extension/ids';
import type { JobNode, ServicePrincipalNode, TemplateNode } from '../../src/extension/tree/nodes';
import type { ShownMessage } from '../../src/extension/ui';
import { activatedServices, emulatorControl, groupChildren, servicePrincipalNamed, signedIn } from './support';

describe('Creating a job at most once', () => {
  let services: TestApi;
  let dropbox: ServicePrincipalNode;
  let template: TemplateNode;
  let shown: ShownMessage[];
  let subscription: vscode.Disposable;
  const posts = async () => (await emulatorControl().requests()).filter((entry) => entry.route === 'createJob').length;
  const jobIds = async () =>
    ((await groupChildren(services, dropbox, 'jobs')).filter((node) => node.kind === 'job') as JobNode[]).map(
      (node) => node.job.id,
    );
  const key = () => ({ servicePrincipalId: dropbox.servicePrincipal.id, templateId: template.template.id });

  before(async () => {
    services = await activatedServices();
    await signedIn(services);
    dropbox = await servicePrincipalNamed(services, 'Dropbox Business');
    const found = (await groupChildren(services, dropbox, 'templates')).find(
      (node): node is TemplateNode => node.kind === 'template',
    );
    assert.ok(found);
    template = found;
  });

  beforeEach(async () => {
    shown = [];
    subscription = services.ui.onDidShow((message) => shown.push(message));
    await emulatorControl().clearRequests();
  });

  afterEach(() => {
    subscription.dispose();
    services.ui.answers.confirm = undefined;
    services.creation.tracker.forget(key());
  });

  it('sends one POST for a double click on the inline "+": the second create says one is running', async () => {
    services.ui.answers.confirm = true;
    const [first, second] = await Promise.all([
      vscode.commands.executeCommand<CreateJobOutcome>(commandIds.createJob, template),
      vscode.commands.executeCommand<CreateJobOutcome>(commandIds.createJob, template),
    ]);
    assert.equal(first?.kind, 'created');
    assert.equal(second, undefined);
    assert.equal(await posts(), 1);
    assert.ok(
      shown.some((message) => message.severity === 'info' && /already being created/.test(message.text)),
      JSON.stringify(shown),
    );
  });

  it('after a create left open, reports the job that appeared instead of creating another', async () => {
    const [appeared, ...others] = await jobIds();
    assert.ok(appeared, 'the job the earlier test created');
    services.creation.tracker.remember({ key: key(), sentAt: new Date(), knownJobIds: others });
    services.ui.answers.confirm = true;
    const outcome = await vscode.commands.executeCommand<{ kind: string; jobs?: { id: string }[] }>(
      commandIds.createJob,
      template,
    );
    assert.equal(outcome?.kind, 'appeared');
    assert.deepEqual(
      outcome.jobs?.map((job) => job.id),
      [appeared],
    );
    assert.equal(await posts(), 0, 'nothing was sent');
    assert.equal(services.creation.tracker.pending(key()), undefined, 'the open create is settled');
    const listed = (await emulatorControl().requests()).filter((entry) => entry.route === 'listJobs');
    assert.equal(listed.length, 1, 'the job list was read again');
  });

  it('after a create left open with no job yet, warns that it may still be in progress, and Cancel is the default', async () => {
    services.creation.tracker.remember({ key: key(), sentAt: new Date(), knownJobIds: await jobIds() });
    // No scripted answer: VS Code's test host dismisses the modal, as Escape does, and that must send nothing.
    const outcome = await vscode.commands.executeCommand(commandIds.createJob, template);
    assert.equal(outcome, undefined);
    assert.equal(await posts(), 0);
    assert.ok(
      shown.some((message) => message.severity === 'modal' && /may still be in progress/.test(message.text)),
      JSON.stringify(shown),
    );
    assert.ok(services.creation.tracker.pending(key()), 'still remembered for the next create');
  });

  it('falls back to v1.0 when graphSync.apiVersion is not a version, says so, and still reports the created job', async () => {
    const settings = vscode.workspace.getConfiguration('graphSync');
    await settings.update('apiVersion', 'v1.0/', vscode.ConfigurationTarget.Global);
    try {
      assert.equal(services.connection.apiVersion, 'v1.0');
      services.ui.answers.confirm = true;
      const outcome = await vscode.commands.executeCommand<CreateJobOutcome>(commandIds.createJob, template);
      assert.equal(outcome?.kind, 'created');
      assert.equal(services.responses.panel.current?.outcome.kind, 'success');
      assert.ok(
        shown.some((message) => message.severity === 'warning' && /apiVersion/.test(message.text)),
        JSON.stringify(shown),
      );
      assert.ok(!shown.some((message) => message.severity === 'error'), JSON.stringify(shown));
    } finally {
      await settings.update('apiVersion', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('states a created job even when the response view cannot be built', async () => {
    const responses = services.responses;
    const showCreateOutcome = responses.showCreateOutcome;
    // The view failing, as it did with apiVersion "v1.0/": the create itself succeeded.
    responses.showCreateOutcome = () => Promise.reject(new Error('the view broke'));
    try {
      services.ui.answers.confirm = true;
      const outcome = await vscode.commands.executeCommand<CreateJobOutcome>(commandIds.createJob, template);
      assert.equal(outcome?.kind, 'created');
      assert.ok(
        shown.some((message) => message.severity === 'info' && /^Created job /.test(message.text)),
        JSON.stringify(shown),
      );
      const errors = shown.filter((message) => message.severity === 'error').map((message) => message.text);
      assert.deepEqual(errors, ['Could not show the response: the view broke']);
    } finally {
      responses.showCreateOutcome = showCreateOutcome;
    }
  });
});
