// The schema of a job in the real workbench: browse its mappings in the tree, open it with Edit Schema, make a typo
// in an expression and see it in the Problems panel at its line.
import * as assert from 'node:assert/strict';
import { ui } from '../framework/hooks';

describe('Job schema', () => {
  beforeEach(() => ui().emulator.reset());

  // The scenarios after this one expect the tree as it starts: short, nothing open.
  afterEach(async () => {
    const { workbench } = ui();
    await workbench.page.keyboard.press('Escape');
    await workbench.closeAllEditorsDiscarding();
    await workbench.page.keyboard.press('Control+J');
    const salesforce = workbench.treeRow('Salesforce');
    if ((await salesforce.getAttribute('aria-expanded')) === 'true')
      await salesforce.locator('.monaco-tl-twistie').click();
  });

  it('browses a mapping, and shows a typo in an expression in the Problems panel', async function () {
    // Fourteen steps in the workbench, each waiting on the real UI: more than the default minute on a busy machine.
    this.timeout(180_000);
    const { workbench } = ui();
    const { page } = workbench;
    await workbench.openViewContainer('Graph Sync');
    // Earlier scenarios leave other service principals open, each with a Schema row: the rows named below are Salesforce's.
    await workbench.collapseTopLevelRows();
    await workbench.expandRow('Salesforce');
    // The template row is labelled SfOutDelta too: the job row is the one whose description shows its state.
    const jobRow = page.locator('.monaco-list-row', { hasText: /SfOutDelta\s*Active/ }).first();
    await jobRow.waitFor({ timeout: 30_000 });
    await jobRow.locator('.monaco-tl-twistie').click();
    await workbench.waitForTreeRow('Schema');
    await workbench.expandRow('Schema');
    await workbench.expandRow('Synchronization Rules');
    await workbench.expandRow('SfOutDelta rule');
    await workbench.expandRow('User → User');
    const emails = await workbench.waitForTreeRow('emails[type eq "work"].value');
    assert.match(await emails.innerText(), /Coalesce\(\[mail\], \[userPrincipalName\]\)/);

    await workbench.runContextMenuItem(jobRow, 'Edit Schema');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await page.locator('.tab', { hasText: 'SfOutDelta.schema.json' }).first().waitFor({ timeout: 30_000 });
    await editor.click();
    // Replace all with the editor's own find/replace widget: the typo is typed as a user would.
    await page.keyboard.press('Control+H');
    await page.keyboard.type('Coalesce(');
    await page.locator('.find-widget').getByRole('textbox', { name: 'Replace' }).first().fill('Coalese(');
    await page.keyboard.press('Control+Alt+Enter');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: /no function named Coalese/ }).first();
    await problem.waitFor({ timeout: 30_000 });
    const text = await problem.innerText();
    assert.match(text, /unknown-function/);
    assert.match(text, /\[Ln \d+, Col \d+\]/);
    await workbench.screenshot('schema-typo-problems');
  });
});
