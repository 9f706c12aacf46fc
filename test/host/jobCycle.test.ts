// A real provisioning cycle in the job view (issue 13): the seeded Salesforce job saves the sample SCIM server's
// address, so its cycles run the engine against it. Paused and started from its view, the cycle is held mid-way
// (the SCIM server answers the first PATCH, a group's members after every user, with 429 Retry-After 60, which the
// engine waits out on the emulator's manual clock): the view shows it running with the counts of its log entries,
// then, after the clock passes the Retry-After, finished, and the users are in the SCIM server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sampleUsers } from '../../src/emulator/sampleDirectory';
import type { TestApi } from '../../src/extension/extension';
import type { JobTarget } from '../../src/extension/jobs/jobTarget';
import type { JobViewModel } from '../../src/webview/jobViewModel';
import { activatedServices, emulatorControl, firstJobOf, signedIn, waitFor } from './support';

const inScope = sampleUsers.filter((user) => user.department !== null);

describe('The job view shows a real cycle as it runs', () => {
  let services: TestApi;
  let target: JobTarget;
  const view = () => services.jobViews.current(target.servicePrincipal.id, target.job.id);
  const act = (action: 'pause' | 'start' | 'refresh') =>
    services.jobViews.runAction(target.servicePrincipal.id, target.job.id, action);
  /** Refreshes the view (as its Refresh button does) until its model shows what `wanted` looks for. */
  const refreshUntil = (what: string, wanted: (model: JobViewModel) => boolean) =>
    waitFor(what, async () => {
      await act('refresh');
      const model = view();
      return model && wanted(model) ? model : undefined;
    });

  before(async () => {
    services = await activatedServices();
    await signedIn(services);
    // The seeded jobs as the tenant starts: Salesforce Active, its next cycle one interval away; the SCIM server empty.
    await emulatorControl().reset();
    const job = await firstJobOf(services, 'Salesforce');
    target = { servicePrincipal: job.servicePrincipal, job: { id: job.job.id, templateId: job.job.templateId } };
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await emulatorControl().reset();
  });

  it('pauses and starts the job, shows the cycle running with its counts, then finished, with the users in the target', async () => {
    const control = emulatorControl();
    const opened = await vscode.commands.executeCommand<JobViewModel>('graphSync.openJobView', target);
    assert.equal(opened.state, 'Active');
    assert.equal(opened.cycle, undefined, 'no cycle runs yet');
    await act('pause');
    assert.equal(view()?.state, 'Paused');
    await act('start');
    assert.ok(!view()?.actions.includes('start'));

    await control.addScimFault({ status: 429, retryAfter: 60, method: 'PATCH' });
    const { cycleSeconds } = await control.clock();
    await control.advanceClock(cycleSeconds);
    // Held at the first group's PATCH: every user is processed and created, and the count stays there.
    const running = await refreshUntil(
      'the view to show the cycle running with every in-scope user created',
      (model) => model.cycle?.running === true && model.cycle.text.includes(`created ${inScope.length},`),
    );
    const { processed, total, text } = running.cycle!;
    assert.ok(processed >= sampleUsers.length && processed < total, `${processed} of ${total}`);
    assert.equal(
      text,
      `Cycle running: ${processed} of ${total} objects processed; created ${inScope.length}, updated 0, failed 0`,
    );

    await control.advanceClock(60);
    const finished = await refreshUntil(
      'the view to show the cycle finished',
      (model) => model.cycle?.running === false,
    );
    assert.match(
      finished.cycle!.text,
      new RegExp(
        `^Cycle finished \\(Succeeded\\): ${total} objects processed; created (\\d+), updated 0, failed 0; exported \\1, escrowed 0$`,
      ),
    );
    const users = await control.scimUsers();
    assert.deepEqual(users.map((user) => user.userName).sort(), inScope.map((user) => user.userPrincipalName).sort());
  });
});
