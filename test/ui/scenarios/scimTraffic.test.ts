// The SCIM traffic view in the real workbench (issue 13): after a real-engine cycle of the seeded Salesforce job
// against the sample SCIM server, Show SCIM Traffic from the job's context menu lists the cycle's requests; filtered
// to POST, the first is Adele Vance's POST /scim/Users with her mapped attributes, the Authorization masked.
import * as assert from 'node:assert/strict';
import { ui } from '../framework/hooks';
import { sampleUsers } from '../../../src/emulator/sampleDirectory';
import { seedJobs } from '../../../src/emulator/sampleTenant';

const salesforceJob = seedJobs.find((job) => job.templateId === 'SfOutDelta')!;
const [adele, second] = sampleUsers;

describe('SCIM traffic', () => {
  before(async () => {
    // A fresh tenant and an empty SCIM server: the cycle creates every user in scope.
    const { emulator } = ui();
    emulator.reset();
    const done = emulator.cycles.next(salesforceJob.id);
    emulator.clock.advance(emulator.clock.cycleSeconds * 1000);
    await done;
  });

  // The scenarios after this one expect no webview on screen and the tree as it starts.
  after(async () => {
    const { workbench } = ui();
    await workbench.runCommand('View: Close All Editors');
    await workbench.collapseTopLevelRows();
  });

  it('lists the last cycle’s requests; POST /Users shows the mapped attributes and a masked Authorization', async function () {
    this.timeout(120_000);
    const { workbench } = ui();
    const { page } = workbench;
    await workbench.runCommand('View: Close All Editors');
    await workbench.openViewContainer('Graph Sync');
    await workbench.collapseTopLevelRows();
    await workbench.expandRow('Salesforce');
    // The template row is labelled SfOutDelta too: the job row is the one whose description shows its state.
    const jobRow = page.locator('.monaco-list-row', { hasText: /SfOutDelta\s*Active/ }).first();
    await jobRow.waitFor({ timeout: 30_000 });
    await workbench.runContextMenuItem(jobRow, 'Show SCIM Traffic');

    const view = workbench.webview();
    await view
      .locator('#traffic-summary', { hasText: /^The last cycle sent \d+ SCIM requests/ })
      .waitFor({ timeout: 30_000 });
    const requests = view.getByRole('grid', { name: 'Requests of the last cycle' });
    await view.getByLabel('Method').selectOption('POST');
    const details = view.getByRole('complementary', { name: 'Request details' });
    const heading = details.getByRole('heading', { level: 2 });
    await heading.filter({ hasText: /^\d+\. POST \/scim\/Users: 201$/ }).waitFor({ timeout: 20_000 });
    const text = await details.innerText();
    assert.match(text, /Authorization: Bearer \*\*\*\*/);
    for (const [name, value] of [
      ['userName', adele.userPrincipalName],
      ['givenName', adele.givenName],
      ['familyName', adele.surname],
      ['title', adele.jobTitle],
      ['department', adele.department],
    ])
      assert.ok(text.includes(`"${name}": "${value}"`), `${name} ${value} in the body:\n${text}`);
    await workbench.screenshot('scim-traffic');

    // From the keyboard: the next request, then Enter moves to its details.
    const first = await heading.innerText();
    await requests.focus();
    await page.keyboard.press('ArrowDown');
    await heading.filter({ hasNotText: first }).waitFor({ timeout: 20_000 });
    assert.ok((await details.innerText()).includes(`"userName": "${second.userPrincipalName}"`));
    await page.keyboard.press('Enter');
    await heading.and(view.locator(':focus')).waitFor({ timeout: 10_000 });
  });
});
