// The workflow after create in the real workbench (issue 8, shortened): a job of the SCIM app, its job view, wrong
// credentials typed masked, Test Connection failing with the reason, Start, and the quarantine with the days left.
import * as assert from 'node:assert/strict';
import { ui } from '../framework/hooks';
import { servicePrincipalSearch } from '../framework/workbench';
import { wrongSecretToken } from '../../fixtures/secretValues';
import { sampleTenant } from '../../../src/emulator';

/** Types into the input box that `selector` finds (each box replaces the one before: wait for the right one). */
async function typeIntoInputBox(selector: string, text: string): Promise<void> {
  const input = ui().workbench.page.locator(`.quick-input-widget ${selector}`);
  await input.waitFor({ timeout: 20_000 });
  await input.fill(text);
  await ui().workbench.page.keyboard.press('Enter');
}

async function jobViewText(pattern: RegExp): Promise<string> {
  const body = ui().workbench.webview().locator('body');
  await body.getByText(pattern).first().waitFor({ timeout: 30_000 });
  return body.innerText();
}

describe('The job view', () => {
  before(() => ui().emulator.reset());
  // The next scenarios expect no other webview on screen.
  after(() => ui().workbench.runCommand('View: Close All Editors'));

  it('takes a new job from wrong credentials to quarantine, with the reason and the days left', async () => {
    const { workbench, emulator } = ui();
    await workbench.openViewContainer('Graph Sync');
    const search = await workbench.runCommandForInput(
      'Graph Sync: Create Synchronization Job…',
      servicePrincipalSearch,
    );
    await search.fill('SCIM app');
    // The list shows every service principal until the server's answer to the search arrives: wait for it to lead.
    await workbench.page
      .locator('.quick-input-list .monaco-list-row')
      .first()
      .filter({ hasText: /^SCIM app/ })
      .waitFor({ timeout: 20_000 });
    await workbench.page.keyboard.press('Enter');
    await workbench.page
      .locator('.quick-input-widget input[placeholder="Template for SCIM app"]')
      .waitFor({ timeout: 20_000 });
    await workbench.page.keyboard.press('Enter');
    await jobViewText(/201 Created/);
    // One webview on screen: the job view's.
    await workbench.runCommand('View: Close All Editors');

    await workbench.expandRow('SCIM app');
    await workbench.expandRow(/^Jobs/);
    const job = workbench.sideBar.locator('.monaco-list-row', { hasText: /scim\s*Disabled/ }).first();
    await job.waitFor({ timeout: 20_000 });
    await workbench.runContextMenuItem(job, 'Open Job View');
    assert.match(await jobViewText(/Disabled: set the credentials/), /Last execution/);

    await workbench.webview().getByRole('button', { name: 'Set Credentials…' }).click();
    await typeIntoInputBox('input[type="text"]', sampleTenant.scimCredentials.BaseAddress);
    await typeIntoInputBox('input[type="password"]', wrongSecretToken);
    // Nothing else to do: accept the empty selection.
    const pick = workbench.page.locator('.quick-input-widget');
    await pick.locator('input[placeholder^="Choose what else to do"]').waitFor({ timeout: 20_000 });
    await pick.locator('.quick-input-action .monaco-button', { hasText: 'OK' }).first().click();
    await workbench.webview().getByRole('button', { name: 'Test Connection' }).click();
    assert.match(await jobViewText(/Test Connection failed/), /SecretToken/);

    await workbench.webview().getByRole('button', { name: 'Start', exact: true }).click();
    await jobViewText(/Active: runs every/);
    emulator.clock.advance(15_000);
    await workbench.webview().getByRole('button', { name: 'Refresh' }).click();
    const text = await jobViewText(/In quarantine/);
    assert.match(text, /EncounteredQuarantineException/);
    assert.match(text, /\d+ days left/);
    // The README's picture (docs/job-view.png is copied from it): the view without notifications over it.
    await workbench.runCommand('Notifications: Clear All Notifications');
    await workbench.screenshot('job-view');
  });
});
