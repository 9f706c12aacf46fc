// A user's path through the extension in the real workbench: the tree, a template's context menu, the palette, the
// response view, and a refused request. The extension is the packaged .vsix; the tenant is the emulator.
import * as assert from 'node:assert/strict';
import { ui } from '../framework/hooks';
import { servicePrincipalSearch } from '../framework/workbench';

const hostileName = '<img src=x onerror=alert(1)>';

async function showTemplatesOfBox(): Promise<void> {
  const { workbench } = ui();
  await workbench.openViewContainer('Graph Sync');
  await workbench.expandRow('Box');
  await workbench.expandRow('Templates');
  await workbench.waitForTreeRow('BoxOutDelta');
}

async function responseViewText(pattern: RegExp): Promise<string> {
  const body = ui().workbench.webview().locator('body');
  await body.getByText(pattern).first().waitFor({ timeout: 30_000 });
  return body.innerText();
}

describe('Service Principals view', () => {
  it('lists the sample tenant, markup in names shown as text', async () => {
    const { workbench } = ui();
    await workbench.openViewContainer('Graph Sync');
    await workbench.waitForTreeRow('Box');
    const hostile = await workbench.waitForTreeRow(hostileName);
    assert.match(await hostile.innerText(), /<img src=x onerror=alert\(1\)>/);
    assert.equal(
      await workbench.sideBar.locator('.monaco-list-row img').count(),
      0,
      'no element made from tenant text',
    );
  });
});

describe('Creating a job', () => {
  // Each scenario starts from the sample tenant as shipped: Box has no job yet.
  beforeEach(() => ui().emulator.reset());

  it("from a template's context menu: the validated response opens beside the tree, and its Start Job starts it", async () => {
    const { workbench } = ui();
    await showTemplatesOfBox();
    const entries = await workbench.openContextMenu('BoxOutDelta');
    assert.ok(entries.includes('Create Synchronization Job…'), entries.join(', '));
    await workbench.closeContextMenu();
    await workbench.runContextMenuItem('BoxOutDelta', 'Create Synchronization Job…');
    const text = await responseViewText(/201 Created/);
    assert.match(text, /synchronizationJob \(v1\.0\)/);
    assert.match(text, /No problems|0 errors/);
    await workbench.waitForTreeRow('Jobs');
    await workbench.screenshot('create-job-response');

    // The job is created disabled; the view's next step starts it.
    await workbench.webview().getByRole('button', { name: 'Start Job' }).click();
    // The heading names the job as the tree does; the full id is in the request and the body.
    const started = await responseViewText(/"state": "Active"/);
    assert.match(started, /Job BoxOutDelta on Box/);
    assert.match(started, /jobs\/BoxOutDelta\.[0-9a-f]{32}\./);
    assert.equal(ui().emulator.requests.count({ route: 'startJob' }), 1);
    await workbench.sideBar
      .locator('.monaco-list-row', { hasText: /BoxOutDelta\s*Active/ })
      .first()
      .waitFor({ timeout: 20_000 });
  });

  it('restarts a job from its context menu, resetting what the user picks', async () => {
    const { workbench, emulator } = ui();
    await workbench.openViewContainer('Graph Sync');
    await workbench.expandRow('Slack');
    // The sample tenant's Slack has a job in quarantine: a restart with QuarantineState lifts it.
    await workbench.waitForTreeRow('Slack');
    // Job rows are labelled by template; the state in the description tells this one apart.
    await workbench.runContextMenuItem(
      workbench.sideBar.locator('.monaco-list-row', { hasText: /SlackQuarantine/ }).first(),
      'Restart…',
    );
    const pick = workbench.page.locator('.quick-input-widget');
    await pick.locator('.quick-input-list .monaco-list-row', { hasText: 'QuarantineState' }).first().click();
    await pick.locator('.quick-input-action .monaco-button', { hasText: 'OK' }).first().click();
    await workbench.sideBar
      .locator('.monaco-list-row', { hasText: /SlackActive/ })
      .first()
      .waitFor({ timeout: 20_000 });
    assert.equal(emulator.requests.count({ route: 'restartJob' }), 1);
  });

  it('asks before a second job from the same template, and Cancel sends nothing', async () => {
    const { workbench, emulator } = ui();
    await showTemplatesOfBox();
    await workbench.runContextMenuItem('BoxOutDelta', 'Create Synchronization Job…');
    await responseViewText(/201 Created/);
    await workbench.runContextMenuItem('BoxOutDelta', 'Create Synchronization Job…');
    const question = await workbench.clickDialogButton('Cancel');
    assert.match(question, /Box already has a job from template BoxOutDelta/);
    assert.equal(emulator.requests.count({ route: 'createJob' }), 1, 'the cancelled second create sent nothing');
  });

  it('from the command palette: pick a service principal, then a template, and confirm a second job', async () => {
    const { workbench, emulator } = ui();
    const before = emulator.requests.count({ route: 'createJob' });
    const input = await workbench.runCommandForInput('Graph Sync: Create Synchronization Job…', servicePrincipalSearch);
    await input.fill('Slack');
    await workbench.page
      .locator('.quick-input-list .monaco-list-row', { hasText: 'Slack' })
      .first()
      .waitFor({ timeout: 20_000 });
    await workbench.page.keyboard.press('Enter');
    // The second pick replaces the first once Slack's templates are read: wait for it, then take the default.
    await workbench.page
      .locator('.quick-input-widget input[placeholder="Template for Slack"]')
      .waitFor({ timeout: 20_000 });
    await workbench.page
      .locator('.quick-input-list .monaco-list-row', { hasText: 'default' })
      .first()
      .waitFor({ timeout: 20_000 });
    await workbench.page.keyboard.press('Enter');
    // The sample tenant's Slack already has a job from its template.
    assert.match(
      await workbench.clickDialogButton('Create Another Job'),
      /Slack already has a job from template Slack/,
    );
    await responseViewText(/on Slack/);
    assert.equal(emulator.requests.count({ route: 'createJob' }), before + 1, 'one POST');
  });

  it("refused by the server: the notification and the view give Graph's code, request-id and what to do", async () => {
    const { workbench } = ui();
    // The sample tenant's refused-create demo: an app this caller may not manage (403, as Graph answers).
    const restricted = 'Restricted SCIM app (insufficient privileges)';
    await workbench.openViewContainer('Graph Sync');
    await workbench.expandRow(restricted);
    // No service principal listed above it has its scim template expanded, so the first scim row is its own.
    await workbench.waitForTreeRow('scim');
    await workbench.runContextMenuItem('scim', 'Create Synchronization Job…');
    const message = await workbench.waitForNotification(/was not created/, 5000);
    assert.match(message, /request-id [0-9a-f-]{36}/);
    // One line: Graph's message and the hint are in the view (and the log), not repeated in the toast.
    assert.doesNotMatch(message, /Insufficient privileges|administrator|\n/);
    const toast = workbench.page.locator('.notification-list-item', { hasText: /was not created/ }).first();
    const buttons = await toast.locator('.monaco-button').allInnerTexts();
    assert.ok(buttons.includes('Show Details') && buttons.includes('Copy Request ID'), buttons.join(', '));
    const text = await responseViewText(/403/);
    assert.match(text, /Authorization_RequestDenied/);
    assert.match(text, /Creating a job needs Synchronization\.ReadWrite\.All/, 'advice for the call that was made');
    assert.match(text, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });
});
