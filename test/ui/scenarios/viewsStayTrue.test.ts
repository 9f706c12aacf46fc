// Issue 12 in the real workbench: views follow changes made elsewhere, a quarantined job says so first, names come
// before ids, and dialogs and pickers say what they will do before the user chooses. Screenshots go to test-results/ui.
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { ui } from '../framework/hooks';
import { servicePrincipalSearch } from '../framework/workbench';

const guid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** A tree row whose whole text (label, then description) matches. */
function row(text: RegExp): Locator {
  return ui().workbench.sideBar.locator('.monaco-list-row', { hasText: text }).first();
}

async function viewText(pattern: RegExp): Promise<string> {
  const body = ui().workbench.webview().locator('body');
  await body.getByText(pattern).first().waitFor({ timeout: 30_000 });
  return body.innerText();
}

const viewButton = (name: string) => ui().workbench.webview().getByRole('button', { name, exact: true });

async function expandServicePrincipal(name: string): Promise<void> {
  const { workbench } = ui();
  await workbench.openViewContainer('Graph Sync');
  await workbench.expandRow(name);
  await workbench.waitForTreeRow('Jobs');
}

async function createBoxJob(): Promise<void> {
  const { workbench } = ui();
  await expandServicePrincipal('Box');
  await workbench.runContextMenuItem('BoxOutDelta', 'Create Synchronization Job…');
}

describe('What the user sees stays true', () => {
  beforeEach(async () => {
    // The sample tenant as shipped, read again: Box has no job, Slack's is quarantined.
    await ui().emulator.reset();
    await ui().workbench.runCommand('Graph Sync: Refresh');
    await ui().workbench.openViewContainer('Graph Sync');
    await ui().workbench.collapseTopLevelRows();
  });

  it('the response view follows Start and Delete made in the tree, and offers nothing that cannot succeed', async () => {
    const { workbench, emulator } = ui();
    await createBoxJob();
    await viewText(/201 Created/);
    await viewButton('Start Job').waitFor({ timeout: 20_000 });

    await workbench.runContextMenuItem(row(/BoxOutDelta\s*Disabled/), 'Start');
    await viewButton('Start Job').waitFor({ state: 'detached', timeout: 20_000 });
    assert.equal(emulator.requests.count({ route: 'startJob' }), 1);

    await workbench.runContextMenuItem(row(/BoxOutDelta\s*Active/), 'Delete…');
    await workbench.clickDialogButton('Delete');
    const text = await viewText(/was deleted/);
    assert.equal(await viewButton('Start Job').count(), 0);
    assert.equal(await viewButton('Refresh').count(), 0, 'nothing to read again: the job is gone');
    await workbench.screenshot('issue12-deleted-job-view');
    assert.doesNotMatch(text, /until you start it/, 'no advice that can no longer succeed');
  });

  it('a job deleted outside the extension: a refresh that lists it no more takes Start away', async () => {
    const { workbench, emulator } = ui();
    await createBoxJob();
    await viewText(/201 Created/);
    await viewButton('Start Job').waitFor({ timeout: 20_000 });
    await emulator.reset();
    await workbench.runCommand('Graph Sync: Refresh');
    await viewButton('Start Job').waitFor({ state: 'detached', timeout: 20_000 });
    await viewButton('Refresh').click();
    await viewText(/404/);
    assert.equal(await viewButton('Start Job').count(), 0);
    assert.equal(emulator.requests.count({ route: 'startJob' }), 0);
  });

  it("a quarantined job states its health first, in the view's outcome and on its tree row", async () => {
    const { workbench } = ui();
    await expandServicePrincipal('Slack');
    const job = row(/Slack\s*Quarantine · since \d{4}-\d\d-\d\d · (disabled in \d+ days?|may be disabled already)/);
    await job.waitFor({ timeout: 20_000 });
    await job.click();
    const text = await viewText(/Quarantined since/);
    const outcome = text.slice(text.indexOf('Quarantined since'));
    assert.match(outcome, /^Quarantined since \d{4}-\d\d-\d\d \(EncounteredQuarantineException/);
    assert.match(outcome, /Entra (disables the job in \d+ days?|may have disabled it already)/);
    assert.match(text, /QuarantineState/, 'what to do');
    assert.equal(await viewButton('Start Job').count(), 0, 'no Start as the main action of a quarantined job');
    await workbench.screenshot('issue12-quarantined-job');
  });

  it('names before ids: no appId on rows, templates without their own id, two jobs from one template told apart', async () => {
    const { workbench, emulator } = ui();
    await createBoxJob();
    await viewText(/201 Created/);
    assert.doesNotMatch(await workbench.treeRow('Box').innerText(), guid);
    const template = row(/^BoxOutDelta\s*default · has a job/);
    await template.waitFor({ timeout: 20_000 });
    assert.doesNotMatch(await template.innerText(), /BoxOutDelta[\s\S]*BoxOutDelta/);

    // The duplicate dialog: Enter takes the safe default, which shows the existing job and creates nothing.
    await workbench.runContextMenuItem('BoxOutDelta', 'Create Synchronization Job…');
    await workbench.page.locator('.monaco-dialog-box').waitFor({ timeout: 10_000 });
    await workbench.screenshot('issue12-second-job-dialog');
    await workbench.page.keyboard.press('Enter');
    await workbench.page.locator('.monaco-dialog-box').waitFor({ state: 'detached', timeout: 10_000 });
    await viewText(/200 OK: job read/);
    assert.equal(emulator.requests.count({ route: 'createJob' }), 1, 'Enter did not create the duplicate');

    await workbench.runContextMenuItem('BoxOutDelta', 'Create Synchronization Job…');
    await workbench.clickDialogButton('Create Another Job');
    await viewText(/201 Created/);
    const twins = workbench.sideBar.locator('.monaco-list-row', { hasText: /^BoxOutDelta …[0-9a-f]{6}/ });
    await twins.nth(1).waitFor({ timeout: 20_000 });
    const labels = await twins.locator('.label-name').allInnerTexts();
    assert.equal(new Set(labels).size, 2, labels.join(', '));
    await twins.first().click();
    await viewText(/200 OK: job read/);
    // The response view's own tab: another editor group (an editor a scenario left open) has an active tab too.
    const tab = await workbench.page.locator('.tabs-container .tab.active[data-resource-name^="webview"]').innerText();
    assert.match(tab, /^Job BoxOutDelta …[0-9a-f]{6} on Box/);
    await workbench.screenshot('issue12-two-jobs-one-template');
  });

  it('the create flow shows its steps, and marks the template that already has a job before the choice', async () => {
    const { workbench } = ui();
    const search = await workbench.runCommandForInput(
      'Graph Sync: Create Synchronization Job…',
      servicePrincipalSearch,
    );
    const title = workbench.page.locator('.quick-input-widget .quick-input-title');
    await title.filter({ hasText: '1/2' }).waitFor({ timeout: 10_000 });
    await search.fill('Slack');
    const slackRow = workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Slack' }).first();
    // The search as you type can replace the list just as Enter is pressed: then the pick is still on step 1 with
    // Slack listed, and Enter is pressed again (each wait is on the pick's state, never a fixed delay).
    for (let attempt = 0; ; attempt++) {
      await slackRow.waitFor({ timeout: 20_000 });
      await workbench.page.keyboard.press('Enter');
      const stepTwo = await title
        .filter({ hasText: '2/2' })
        .waitFor({ timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
      if (stepTwo) break;
      assert.ok(attempt < 2, 'Enter on Slack never led to step 2/2');
    }
    const slack = workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'has a job' }).first();
    await slack.waitFor({ timeout: 20_000 });
    assert.match(await slack.innerText(), /Already has: Slack/);
    await workbench.screenshot('issue12-create-step-2');
    await workbench.page.keyboard.press('Escape');
  });

  it('Restart asks about what was picked only: Full without ForceDeletes', async () => {
    const { workbench, emulator } = ui();
    await expandServicePrincipal('Salesforce');
    await workbench.runContextMenuItem(row(/SfOutDelta\s*Active/), 'Restart…');
    const pick = workbench.page.locator('.quick-input-widget');
    await pick.locator('.quick-input-list .monaco-list-row', { hasText: /^Full/ }).first().click();
    await pick.locator('.quick-input-action .monaco-button', { hasText: 'OK' }).first().click();
    const dialog = workbench.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 10_000 });
    const text = await dialog.innerText();
    assert.match(text, /with Full\?/);
    assert.doesNotMatch(text, /ForceDeletes/);
    await workbench.clickDialogButton('Cancel');
    assert.equal(emulator.requests.count({ route: 'restartJob' }), 0);
  });

  it('Clear Filter stands next to Filter while a filter is on; the title says the mode and the count', async () => {
    const { workbench } = ui();
    await workbench.openViewContainer('Graph Sync');
    await workbench.waitForTreeRow('Box');
    // Alone in its container the view shows no description: its message says the mode and the count.
    const message = workbench.sideBar.locator('.message', { hasText: /^Gallery apps only · \d+ of \d+ loaded$/ });
    await message.waitFor({ timeout: 20_000 });
    // In the container's title while the view is alone in it, in the view's own header beside another view.
    const clear = workbench.sideBar.locator('.action-label[aria-label^="Clear Filter"]');
    assert.equal(await clear.count(), 0, 'no Clear Filter without a filter');
    await workbench.runCommand('Graph Sync: Filter Service Principals by Name…');
    await workbench.page.locator('.quick-input-widget input').fill('Sales');
    await workbench.page.keyboard.press('Enter');
    await clear.waitFor({ timeout: 10_000 });
    await workbench.sideBar.locator('.message', { hasText: 'name starts with "Sales"' }).waitFor({ timeout: 20_000 });
    await workbench.screenshot('issue12-filter-on');
    await clear.click();
    await clear.waitFor({ state: 'detached', timeout: 10_000 });
    await workbench.waitForTreeRow('Box');
  });
});
