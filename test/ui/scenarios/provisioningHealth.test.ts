// The Provisioning Health view and the provisioning logs table in the real workbench, against the sample tenant.
import * as assert from 'node:assert/strict';
import { ui } from '../framework/hooks';

describe('Provisioning Health view', () => {
  beforeEach(() => ui().emulator.reset());

  it("scans from its title bar, lists the quarantined job first, and opens the job's logs and an entry", async () => {
    const { workbench } = ui();
    await workbench.openViewContainer('Graph Sync');
    const view = workbench.view('Provisioning Health');
    // Collapsed at first (the Service Principals view keeps the side bar): open it, and close it again at the end.
    const header = view.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    await header.hover();
    await view.locator('.pane-header .action-label[aria-label^="Scan Tenant"]').click();
    const rows = view.locator('.monaco-list-row');
    const quarantined = rows.filter({ hasText: /quarantine \(EncounteredQuarantineException\)/ }).first();
    await quarantined.waitFor({ timeout: 30_000 });
    // Worst first: Slack's service principal, then its quarantined job.
    assert.match(await rows.nth(0).innerText(), /^Slack/);
    assert.match(await rows.nth(1).innerText(), /quarantine/);
    await workbench.screenshot('health-view');

    await workbench.runContextMenuItem(quarantined, 'Show Provisioning Logs');
    const table = workbench.webview().getByRole('grid', { name: 'Provisioning log entries' });
    const firstEntry = table.getByRole('row').nth(1);
    await firstEntry.waitFor({ timeout: 30_000 });
    await table.focus();
    await workbench.page.keyboard.press('ArrowDown');
    await workbench.page.keyboard.press('Enter');
    const details = workbench.webview().getByRole('complementary', { name: 'Entry details' });
    await details.getByText('Date').first().waitFor({ timeout: 10_000 });
    assert.match(await details.innerText(), /Job\s+Slack\./);
    await workbench.screenshot('provisioning-logs');
    // Leave the workbench as the other scenarios expect it: no logs panel, the health view collapsed.
    await workbench.runCommand('View: Close All Editors');
    await header.click();
    await view.locator('.pane-header[aria-expanded="false"]').waitFor({ timeout: 10_000 });
  });
});
