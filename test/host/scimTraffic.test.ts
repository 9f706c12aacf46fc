// The SCIM traffic view in a real VS Code (issue 13): the seeded Salesforce job, whose saved credentials point at the
// emulator's sample SCIM server, runs a real-engine cycle on the emulator's manual clock; Show SCIM Traffic (from the
// job's node, then from the palette's job picker) lists the cycle's requests in order, the bearer masked.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sampleTenant } from '../../src/emulator';
import { sampleUsers } from '../../src/emulator/sampleDirectory';
import type { TestApi } from '../../src/extension/extension';
import type { JobNode } from '../../src/extension/tree/nodes';
import type { TrafficViewState, TrafficWebviewMessage } from '../../src/webview/scimTraffic/protocol';
import { activatedServices, emulatorControl, firstJobOf, signedIn, waitFor } from './support';

type Rendered = Extract<TrafficWebviewMessage, { type: 'rendered' }>;
const adele = sampleUsers[0];

describe('The SCIM traffic view', () => {
  let services: TestApi;
  let job: JobNode;

  /** Resolves when the webview has drawn something `accept` accepts. */
  const rendered = (accept: (shown: Rendered) => boolean) =>
    new Promise<Rendered>((resolve) => {
      const subscription = services.scimTraffic.onDidRender((shown) => {
        if (!accept(shown)) return;
        subscription.dispose();
        resolve(shown);
      });
    });

  before(async () => {
    services = await activatedServices();
    await signedIn(services);
    // A fresh sample tenant: the SCIM server holds nothing yet, so the first cycle creates every user in scope.
    await emulatorControl().reset();
    job = await firstJobOf(services, 'Salesforce');
  });

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('before any cycle, says nothing has run yet and names the sample SCIM server to set as BaseAddress', async () => {
    const drawn = rendered((shown) => shown.kind === 'empty');
    const state = await vscode.commands.executeCommand<TrafficViewState>('graphSync.showScimTraffic', job);
    assert.equal(state.kind, 'empty');
    assert.match(state.message, /^No cycle has run against a SCIM endpoint yet/);
    const { scimBaseAddress } = await emulatorControl().health();
    assert.ok(scimBaseAddress && state.hint?.includes(`BaseAddress ${scimBaseAddress}`), state.hint);
    assert.equal((await drawn).rows, 0);
  });

  it('after a real cycle, lists its requests in order with the bearer masked, and draws only what is in view', async () => {
    const control = emulatorControl();
    await control.advanceClock(15);
    await waitFor('the Salesforce job’s cycle to end', async () =>
      (await control.cycles()).some((cycle) => cycle.jobId === job.job.id),
    );
    const drawn = rendered((shown) => shown.kind === 'traffic' && shown.selected === 1);
    const state = await vscode.commands.executeCommand<TrafficViewState>('graphSync.showScimTraffic', job);
    assert.equal(state.kind, 'traffic', state.message);
    assert.deepEqual(state.problems, []);
    const { rows, detail } = services.scimTraffic.model;
    assert.equal(rows.length, state.total);
    assert.deepEqual(
      rows.map((row) => row.index),
      rows.map((_, position) => position + 1),
    );
    assert.equal(rows[0].method, 'GET');
    assert.equal(rows[0].path, `/scim/Users?filter=userName eq "${adele.userPrincipalName}"`);
    const post = rows.find((row) => row.method === 'POST' && row.path === '/scim/Users');
    assert.ok(post && post.status === 201, 'a user was created');
    const created = detail(post.index)!;
    assert.match(created.request, /\nAuthorization: Bearer \*\*\*\*\n/);
    assert.ok(created.request.includes(`"userName": "${adele.userPrincipalName}"`), created.request);
    assert.ok(!JSON.stringify(rows.map((row) => detail(row.index))).includes(sampleTenant.scimCredentials.SecretToken));

    const shown = await drawn;
    assert.equal(shown.rows, rows.length);
    assert.ok(shown.inDom <= rows.length && shown.inDom > 0, `${shown.inDom} rows in the DOM`);
    assert.match(shown.detail ?? '', /Authorization: Bearer \*\*\*\*/);
  });

  it("opens from the job view's SCIM Traffic button, which the job view offers on the emulator", async () => {
    const model = await services.jobViews.open(job);
    assert.ok(model.actions.includes('showScimTraffic'));
    const drawn = rendered((shown) => shown.kind === 'traffic');
    await services.jobViews.runAction(job.servicePrincipal.id, job.job.id, 'showScimTraffic');
    await drawn;
    const { state } = services.scimTraffic.model;
    assert.equal(state?.kind, 'traffic');
    assert.match(state.title, /^SCIM traffic: SfOutDelta job of Salesforce$/);
  });

  it('from the palette, picks the service principal, then its job', async () => {
    services.ui.answers.pick.push(['Salesforce'], ['SfOutDelta']);
    const state = await vscode.commands.executeCommand<TrafficViewState>('graphSync.showScimTraffic');
    assert.equal(state?.kind, 'traffic');
    assert.match(state.title, /^SCIM traffic: SfOutDelta job of Salesforce$/);
  });
});
