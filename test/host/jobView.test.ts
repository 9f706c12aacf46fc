// The workflow after create in a real VS Code against the sample tenant (issue 8): wrong credentials, a failed Test
// Connection, a start that ends in quarantine (on the emulator's manual clock), the right credentials, a restart that
// makes the job Active, and provision on demand, all seen in the job view.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sampleTenant } from '../../src/emulator';
import type { TestApi } from '../../src/extension/extension';
import type { ConnectionResult } from '../../src/extension/jobs/credentialOperations';
import type { JobTarget } from '../../src/extension/jobs/jobTarget';
import type { OnDemandRun } from '../../src/extension/jobs/onDemandOperation';
import type { TemplateNode } from '../../src/extension/tree/nodes';
import type { CreateJobOutcome } from '../../src/graph/createJob';
import type { JobViewModel } from '../../src/webview/jobViewModel';
import { wrongSecretToken } from '../fixtures/secretValues';
import { activatedServices, emulatorControl, groupChildren, servicePrincipalNamed, signedIn, waitFor } from './support';

const { BaseAddress, SecretToken } = sampleTenant.scimCredentials;

describe('The job view and the workflow after create', () => {
  let services: TestApi;
  let target: JobTarget;
  const view = () => services.jobViews.current(target.servicePrincipal.id, target.job.id);
  const row = (model: JobViewModel | undefined, section: string, label: string) =>
    model?.sections.find((part) => part.label === section)?.rows.find((entry) => entry.label === label)?.value;
  /** Runs a cycle on the emulator's clock, then the view's Refresh; resolves when the webview shows `state`. */
  async function cycleUntil(state: string): Promise<JobViewModel> {
    await emulatorControl().advanceClock(15);
    const rendered = new Promise<void>((resolve) =>
      services.jobViews.onDidRender((shown) => shown.jobId === target.job.id && shown.state === state && resolve()),
    );
    await services.jobViews.runAction(target.servicePrincipal.id, target.job.id, 'refresh');
    await rendered;
    return view()!;
  }
  async function setCredentials(token: string): Promise<void> {
    services.ui.answers.input.push(BaseAddress, token);
    services.ui.answers.pick.push([]);
    assert.equal(await vscode.commands.executeCommand<boolean>('graphSync.setCredentials', target), true);
  }

  before(async () => {
    services = await activatedServices();
    await signedIn(services);
    const scim = await servicePrincipalNamed(services, 'SCIM app');
    const template = (await groupChildren(services, scim, 'templates')).find(
      (node): node is TemplateNode => node.kind === 'template' && node.template.id === 'scim',
    );
    assert.ok(template);
    services.ui.answers.confirm = true;
    const outcome = await vscode.commands.executeCommand<CreateJobOutcome>('graphSync.createJob', template);
    assert.ok(outcome?.kind === 'created' && outcome.job);
    target = { servicePrincipal: scim.servicePrincipal, job: { id: outcome.job.id, templateId: 'scim' } };
  });

  // No job view left refreshing behind the next suite's back.
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens a job view of the new job: disabled, with Start and no Pause', async () => {
    const model = await vscode.commands.executeCommand<JobViewModel>('graphSync.openJobView', target);
    assert.equal(model.state, 'Disabled');
    assert.ok(model.actions.includes('start') && !model.actions.includes('pause'));
    assert.equal(row(model, 'Last execution', 'Run'), 'none yet');
  });

  it('saves wrong credentials, and Test Connection fails naming the credential, in place and in the view', async () => {
    const control = emulatorControl();
    await control.clearRequests();
    await setCredentials(wrongSecretToken);
    const result = await vscode.commands.executeCommand<ConnectionResult>('graphSync.testConnection', target);
    const routes = (await control.requests()).map((entry) => entry.route);
    assert.ok(routes.includes('putSecrets'), routes.join(', '));
    assert.equal(result.valid, false);
    assert.match(result.text, /CredentialValidationFailed/);
    assert.match(result.text, /SecretToken/);
    assert.ok(result.hint);
    assert.equal(view()?.connection?.valid, false);
  });

  it('starts the job; after a cycle the view shows the quarantine and the days until Entra disables it', async () => {
    await services.jobViews.runAction(target.servicePrincipal.id, target.job.id, 'start');
    assert.ok(!view()?.actions.includes('start'), 'a started job offers no Start');
    const model = await cycleUntil('Quarantine');
    assert.equal(row(model, 'Quarantine', 'Reason'), 'EncounteredQuarantineException');
    assert.match(row(model, 'Quarantine', 'Disabled by Entra') ?? '', /\((27|28) days left\)/);
    assert.match(row(model, 'Last execution', 'Error') ?? '', /InvalidCredentials/);
    assert.equal(model.headline.kind, 'error');
  });

  it('with the right credentials Test Connection passes, and a restart makes the job Active', async () => {
    // First the entered values are tested before they are saved (validateCredentials with credentials), then saved.
    const control = emulatorControl();
    await control.clearRequests();
    services.ui.answers.input.push(BaseAddress, SecretToken);
    services.ui.answers.pick.push(['Test Connection before saving']);
    assert.equal(await vscode.commands.executeCommand<boolean>('graphSync.setCredentials', target), true);
    assert.match(view()?.connection?.text ?? '', /passed: .* entered credentials/);
    const routes = (await control.requests()).map((entry) => entry.route);
    const tested = routes.indexOf('validateJobCredentials');
    assert.ok(tested >= 0 && routes.indexOf('putSecrets') > tested, routes.join(', '));
    const result = await vscode.commands.executeCommand<ConnectionResult>('graphSync.testConnection', target);
    assert.equal(result.valid, true, result.text);
    assert.equal(view()?.connection?.valid, true);
    services.ui.answers.pick.push(['QuarantineState']);
    await services.jobViews.runAction(target.servicePrincipal.id, target.job.id, 'restart');
    const model = await cycleUntil('Active');
    assert.equal(row(model, 'Last execution', 'Result'), 'Succeeded');
    assert.ok(!model.actions.includes('start'));
    assert.ok(model.sections.some((part) => part.label === 'Synchronized entries'));
  });

  it('provisions a sample user on demand and shows the steps in the view', async () => {
    services.ui.answers.pick.push(['User']);
    // The user search runs as the user types: the scripted answer types the name and accepts that user.
    services.ui.answers.pick.push(['Adele Vance']);
    const run = await vscode.commands.executeCommand<OnDemandRun>('graphSync.provisionOnDemand', target);
    assert.ok(run?.parsed.ok, 'the answer parsed');
    const shown = view()?.onDemand;
    assert.match(shown?.subject ?? '', /^User Adele Vance/);
    assert.ok((shown?.steps.length ?? 0) > 0);
    assert.ok(shown?.steps.every((step) => step.status && step.description));
  });

  it('a job deleted elsewhere is shown as deleted, with nothing to do', async () => {
    services.ui.answers.confirm = true;
    await vscode.commands.executeCommand('graphSync.deleteJob', target);
    const model = await waitFor('the view to say the job is deleted', () =>
      view()?.state === 'Deleted' ? view() : undefined,
    );
    assert.deepEqual(model?.actions, []);
  });
});
