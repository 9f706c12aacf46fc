// Issue 13 in the real workbench: a provisioning cycle run from the job view. The seeded Salesforce job saves the
// sample SCIM server's address; paused and started with the view's buttons, its cycle is held mid-way (the SCIM
// server answers the first PATCH, a group's members after every user, with 429 Retry-After 60, which the engine waits
// out on the emulator's manual clock). The view, refreshing on its own, shows it running with its counts, then
// finished once the clock has passed the Retry-After; the users are in the SCIM server.
import * as assert from 'node:assert/strict';
import { EmulatorControl } from '../../../src/emulator/control';
import { sampleUsers } from '../../../src/emulator/sampleDirectory';
import { seedJobs } from '../../../src/emulator/sampleTenant';
import { ui } from '../framework/hooks';

const salesforceJob = seedJobs.find((job) => job.templateId === 'SfOutDelta')!;
const inScope = sampleUsers.filter((user) => user.department !== null);

/** The view's text once it shows `pattern`; the view refreshes every 10 s while a cycle runs. */
async function viewText(pattern: RegExp, timeout = 30_000): Promise<string> {
  const body = ui().workbench.webview().locator('body');
  await body.getByText(pattern).first().waitFor({ timeout });
  return body.innerText();
}

const viewButton = (name: string) => ui().workbench.webview().getByRole('button', { name, exact: true });

describe('A provisioning cycle in the job view', () => {
  before(async () => {
    const { workbench, emulator } = ui();
    // Signed in (the tree lists the tenant) before the palette offers the signed-in commands.
    await workbench.openViewContainer('Graph Sync');
    await workbench.waitForTreeRow('Salesforce');
    emulator.reset();
    await workbench.runCommand('Graph Sync: Refresh');
    await workbench.collapseTopLevelRows();
  });
  after(() => ui().workbench.runCommand('View: Close All Editors'));

  it('runs a cycle from the job view: running with its counts, then finished, the users in the target', async function () {
    this.timeout(240_000);
    const { workbench, emulator } = ui();
    await workbench.expandRow('Salesforce');
    await workbench.expandRow(/^Jobs/);
    const job = workbench.sideBar.locator('.monaco-list-row', { hasText: /SfOutDelta\s*Active/ }).first();
    await workbench.runContextMenuItem(job, 'Open Job View');
    await viewText(/Active: runs every/);
    await viewButton('Pause').click();
    await viewButton('Start').waitFor({ timeout: 20_000 });
    await viewButton('Start').click();
    await viewButton('Pause').waitFor({ timeout: 20_000 });

    emulator.scim!.faults.add({ status: 429, retryAfter: 60, method: 'PATCH' });
    const throttled = emulator.cycles.nextThrottle(salesforceJob.id);
    const done = emulator.cycles.next(salesforceJob.id);
    emulator.clock.advance(emulator.clock.cycleSeconds * 1000);
    await throttled;
    // No click: the view reads the job (and the cycle's log entries) again on its own.
    const counts = `created ${inScope.length}, updated 0, failed 0`;
    const running = await viewText(new RegExp(`Cycle running: \\d+ of \\d+ objects processed; ${counts}`), 60_000);
    const [, processed, total] = /Cycle running: (\d+) of (\d+)/.exec(running)!;
    const bar = workbench.webview().getByRole('progressbar', { name: 'Cycle progress' });
    assert.equal(await bar.getAttribute('aria-valuenow'), processed);
    assert.equal(await bar.getAttribute('aria-valuemax'), total);
    await workbench.runCommand('Notifications: Clear All Notifications');
    await workbench.screenshot('job-view-cycle-running');

    emulator.clock.advance(60_000);
    assert.equal((await done).state, 'Succeeded');
    const finished = await viewText(/Cycle finished \(Succeeded\)/, 60_000);
    assert.match(finished, new RegExp(`${total} objects processed; created \\d+, updated 0, failed 0; exported \\d+`));
    const control = new EmulatorControl(emulator.url, emulator.tls.caCertPem);
    const users = await control.scimUsers();
    assert.deepEqual(users.map((user) => user.userName).sort(), inScope.map((user) => user.userPrincipalName).sort());
    await workbench.screenshot('job-view-cycle-finished');
  });
});
