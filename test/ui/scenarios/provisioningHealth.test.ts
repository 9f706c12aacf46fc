// The Provisioning Health view and the provisioning logs table in the real workbench, against the sample tenant.
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { seedJobs } from '../../../src/emulator/sampleTenant';
import { allProvisioningLogs, type ProvisioningObjectSummary } from '../../../src/graph/provisioningLogs';
import { sampleClient } from '../../unit/graph/sampleClient';
import { ui } from '../framework/hooks';

const slackJobId = seedJobs.find((job) => job.templateId === 'Slack')!.id;

/** Opens the Provisioning Health view, scans from its title bar, and returns the quarantined (Slack) job's row. */
async function scannedQuarantinedJob(): Promise<{ rows: Locator; quarantined: Locator }> {
  const { workbench, emulator } = ui();
  await workbench.openViewContainer('Graph Sync');
  const header = healthView().locator('.pane-header');
  // The health view gets the whole side bar: its rows are never cut at the bottom edge, where a right-click can meet
  // the tree above them. Collapsed at first: open it; closeHealthView puts both views back.
  await setExpanded(healthView(), true);
  await setExpanded(servicePrincipalsView(), false);
  await header.hover();
  const scansBefore = emulator.requests.count({ route: 'listServicePrincipals' });
  await healthView().locator('.pane-header .action-label[aria-label^="Scan Tenant"]').click();
  // The rows are redrawn as the scan's results come in, which closes a context menu opened on one: wait until the
  // scan has reached the server and the view no longer says it is scanning.
  await scanReached(() => emulator.requests.count({ route: 'listServicePrincipals' }) > scansBefore);
  await header
    .locator('.description')
    .filter({ hasNotText: /^Scanning/ })
    .waitFor({ timeout: 30_000 });
  const rows = healthView().locator('.monaco-list-row');
  const quarantined = rows.filter({ hasText: /quarantine \(EncounteredQuarantineException\)/ }).first();
  await quarantined.waitFor({ timeout: 30_000 });
  return { rows, quarantined };
}

const healthView = () => ui().workbench.view('Provisioning Health');
const servicePrincipalsView = () => ui().workbench.view('Service Principals');

/** Opens or closes a view by its title (not the header's middle, where its actions may be). */
async function setExpanded(view: Locator, expanded: boolean): Promise<void> {
  const header = view.locator('.pane-header');
  const done = view.locator(`.pane-header[aria-expanded="${expanded}"]`);
  for (let attempt = 1; (await header.getAttribute('aria-expanded')) !== String(expanded); attempt++) {
    await header.locator('h3.title').click();
    // A click while the side bar is still laying out the other view can go unheard: then click again.
    const toggled = await done.waitFor({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (!toggled && attempt === 3) throw new Error(`the view did not ${expanded ? 'open' : 'close'}`);
  }
}

/** Resolves once the emulator's request log says the scan has reached it (checked every 50 ms, for 30 s at most). */
async function scanReached(reached: () => boolean): Promise<void> {
  for (let waited = 0; !reached(); waited += 50) {
    if (waited > 30_000) throw new Error('the scan never reached the emulator');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Show Provisioning Logs from a row's context menu. When the tree is redrawn while the menu is open, VS Code runs the
 * entry without its row and the extension says so: then it is chosen again, as the message asks.
 */
async function showLogsOf(row: Locator): Promise<void> {
  const { workbench } = ui();
  const tab = workbench.page.locator('.tab', { hasText: /^Logs: / });
  for (let attempt = 1; ; attempt++) {
    await workbench.runContextMenuItem(row, 'Show Provisioning Logs');
    const shown = await tab
      .first()
      .waitFor({ timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
    if (shown) return;
    if (attempt === 2) throw new Error('Show Provisioning Logs opened no logs panel, twice');
    await workbench.waitForNotification(/changed while its menu was open/);
  }
}

/** Shows Slack's job's logs and returns the table once its first row is drawn. */
async function slackLogs(): Promise<Locator> {
  const { workbench } = ui();
  const { quarantined } = await scannedQuarantinedJob();
  await showLogsOf(quarantined);
  const table = workbench.webview().getByRole('grid', { name: 'Provisioning log entries' });
  await table.getByRole('row').nth(1).waitFor({ timeout: 30_000 });
  return table;
}

/** Leaves the workbench as the other scenarios expect it: no logs panel, the health view collapsed. */
async function closeHealthView(): Promise<void> {
  const { workbench } = ui();
  await workbench.runCommand('View: Close All Editors');
  // One view stays open at any time (the container keeps its last expanded view open).
  await setExpanded(servicePrincipalsView(), true);
  await setExpanded(healthView(), false);
}

describe('Provisioning Health view', () => {
  beforeEach(() => ui().emulator.reset());
  // Also after a failure: a health view left open shortens the tree the next scenarios read.
  afterEach(closeHealthView);

  it("scans from its title bar, lists the quarantined job first, and opens the job's logs and an entry", async () => {
    const { workbench } = ui();
    const { rows } = await scannedQuarantinedJob();
    // Worst first: Slack's service principal, then its quarantined job.
    assert.match(await rows.nth(0).innerText(), /^Slack/);
    assert.match(await rows.nth(1).innerText(), /quarantine/);
    await workbench.screenshot('health-view');

    const table = await slackLogs();
    await table.focus();
    await workbench.page.keyboard.press('ArrowDown');
    await workbench.page.keyboard.press('Enter');
    const details = workbench.webview().getByRole('complementary', { name: 'Entry details' });
    await details.getByText('Date').first().waitFor({ timeout: 10_000 });
    assert.match(await details.innerText(), /Job\s+Slack\./);
    await workbench.screenshot('provisioning-logs');
  });

  it('scrolls a job with 20,000 log entries to its end with a bounded DOM, and reaches the last by keyboard', async function () {
    // About a hundred pages of 200, each read when the table nears its end: minutes on a busy machine.
    this.timeout(300_000);
    const { workbench, emulator } = ui();
    emulator.seedProvisioningLogs(slackJobId, 20_000);
    const entries: ProvisioningObjectSummary[] = [];
    for await (const page of allProvisioningLogs(sampleClient(emulator), { jobId: slackJobId }, 1000))
      entries.push(...page);
    assert.ok(entries.length >= 20_000, `${entries.length} entries`);

    const table = await slackLogs();
    const status = workbench.webview().locator('#logs-status');
    const drawnRows = table.locator('.grid-body [role="row"]');
    // Scroll to the end of what is loaded, as a user dragging the scroll bar down does, until nothing more is loaded;
    // each scroll waits for the grid to say it holds more rows. In the page: a hundred round trips of the test
    // driver into a nested webview frame would cost more than the hundred pages themselves.
    const scrolled = await table.evaluate(async (grid) => {
      const statusText = grid.ownerDocument.getElementById('logs-status')!;
      let mostDrawn = 0;
      let scrolls = 0;
      while (/scroll for more/.test(statusText.textContent ?? '')) {
        const before = grid.getAttribute('aria-rowcount');
        const grown = new Promise<void>((resolve, reject) => {
          const observer = new MutationObserver(() => {
            if (grid.getAttribute('aria-rowcount') === before) return;
            observer.disconnect();
            clearTimeout(timer);
            resolve();
          });
          observer.observe(grid, { attributes: true, attributeFilter: ['aria-rowcount'] });
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`no rows came after ${before} (${statusText.textContent})`));
          }, 30_000);
        });
        grid.scrollTo({ top: grid.scrollHeight });
        await grown;
        scrolls++;
        mostDrawn = Math.max(mostDrawn, grid.querySelectorAll('.grid-body [role="row"]').length);
      }
      return { mostDrawn, scrolls };
    });
    const { mostDrawn } = scrolled;
    console.log(`      ${entries.length} entries in ${scrolled.scrolls} scrolls: at most ${mostDrawn} rows in the DOM`);
    assert.equal(
      await table.getAttribute('aria-rowcount'),
      String(entries.length + 1),
      'the header row and every entry',
    );
    assert.match(await status.innerText(), new RegExp(`^${entries.length} entries loaded\\.$`));
    assert.ok(mostDrawn > 0 && mostDrawn < 200, `${mostDrawn} rows in the DOM at most`);

    // The keyboard reaches every row: Home, Page Down, End; Enter opens the last entry's details.
    await table.focus();
    await workbench.page.keyboard.press('Home');
    const selected = table.locator('[role="row"][aria-selected="true"]');
    assert.equal(await selected.getAttribute('aria-rowindex'), '2');
    await workbench.page.keyboard.press('PageDown');
    assert.ok(Number(await selected.getAttribute('aria-rowindex')) > 2);
    await workbench.page.keyboard.press('End');
    const last = table.locator(`[role="row"][aria-rowindex="${entries.length + 1}"]`);
    await last.and(selected).waitFor({ timeout: 10_000 });
    assert.equal(await table.getAttribute('aria-activedescendant'), await last.getAttribute('id'));
    assert.ok((await drawnRows.count()) < 200);
    await workbench.page.keyboard.press('Enter');
    const details = workbench.webview().getByRole('complementary', { name: 'Entry details' });
    const oldest = entries.at(-1)!;
    await details.getByText(oldest.changeId!).waitFor({ timeout: 10_000 });
    assert.ok((await details.innerText()).includes(oldest.activityDateTime));
    await workbench.screenshot('provisioning-logs-20000');
  });

  it('explains a refused logs permission in the panel: which one, how to get it, code and request-id', async () => {
    const { workbench, emulator } = ui();
    // An administrator revokes the sample app's AuditLog.Read.All (reset grants it again).
    emulator.grantProvisioningLogs(false);
    const { quarantined } = await scannedQuarantinedJob();
    await showLogsOf(quarantined);
    const alert = workbench.webview().locator('.problem[role="alert"]');
    await alert.getByText(/Graph refused to read the provisioning logs/).waitFor({ timeout: 30_000 });
    const refused = emulator.requests.entries().find((entry) => entry.route === 'listProvisioningLogs');
    assert.equal(refused?.status, 403);
    const text = await alert.innerText();
    assert.match(text, /\(403 Authorization_RequestDenied\): Insufficient privileges/);
    assert.match(text, /AuditLog\.Read\.All or ProvisioningLog\.Read\.All/);
    assert.match(text, /Ask an administrator/);
    assert.ok(text.includes(`request-id: ${refused.requestId}`), text);
    await workbench.screenshot('provisioning-logs-refused');
  });
});
