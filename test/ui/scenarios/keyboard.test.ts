// The response view's buttons from the keyboard alone: after Enter, focus is still somewhere meaningful and the
// outcome is announced through the view's one polite live region (role=status).
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { ui } from '../framework/hooks';
import { webviewFrame } from '../framework/themes';

/** What has keyboard focus inside the webview: its tag and its accessible name (aria-label, title or text). */
function focused(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || active === document.body) return 'body';
    return `${active.tagName.toLowerCase()}: ${active.getAttribute('aria-label') ?? active.title ?? ''} ${active.textContent?.trim() ?? ''}`.trim();
  });
}

/** Presses Tab until the webview's focus is on a button with this caption (at most once around the page). */
async function tabToButton(frame: Frame, caption: string): Promise<void> {
  const { page } = ui().workbench;
  for (let presses = 0; presses < 40; presses++) {
    const onIt = await frame.evaluate(
      (wanted) =>
        document.activeElement instanceof HTMLButtonElement && document.activeElement.textContent?.trim() === wanted,
      caption,
    );
    if (onIt) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached the ${caption} button (focus: ${await focused(frame)})`);
}

/** Enter on the focused button, then waits until the view was drawn again (the button's element is replaced). */
async function pressEnterAndWaitForNewView(frame: Frame): Promise<void> {
  const before = await frame.evaluateHandle(() => document.activeElement);
  await ui().workbench.page.keyboard.press('Enter');
  await frame.waitForFunction((element) => !element?.isConnected, before, { timeout: 30_000 });
}

async function announced(frame: Frame, pattern: RegExp): Promise<string> {
  const live = frame.locator('[role="status"]');
  assert.equal(await live.count(), 1, 'one live region');
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  await frame.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('[role="status"]')?.textContent ?? ''),
    pattern.source,
    { timeout: 15_000 },
  );
  return (await live.textContent()) ?? '';
}

describe('Response view from the keyboard', () => {
  beforeEach(() => ui().emulator.reset());

  it('Start Job, Refresh and Copy JSON: focus stays on the button or the outcome heading, and the outcome is announced', async function () {
    // Four round trips through the extension and the workbench: more than the default minute on a busy machine.
    this.timeout(150_000);
    const { workbench, emulator } = ui();
    await workbench.openViewContainer('Graph Sync');
    await workbench.expandRow('Box');
    await workbench.expandRow('Templates');
    await workbench.runContextMenuItem('BoxOutDelta', 'Create Synchronization Job…');
    await workbench
      .webview()
      .getByText(/201 Created/)
      .first()
      .waitFor({ timeout: 30_000 });
    const frame = await webviewFrame(workbench);

    // Into the view with the keyboard: focusing the editor group focuses the webview's document.
    await workbench.runCommand('View: Focus Active Editor Group');
    await tabToButton(frame, 'Start Job');
    await pressEnterAndWaitForNewView(frame);
    assert.equal(emulator.requests.count({ route: 'startJob' }), 1);
    // Start Job is gone from the started job's view: focus goes to the view's heading.
    assert.equal(await frame.getByRole('button', { name: 'Start Job' }).count(), 0);
    assert.match(await focused(frame), /^h1: .*BoxOutDelta/);
    assert.match(await announced(frame, /job read/), /200 OK: job read/);

    await tabToButton(frame, 'Refresh');
    const reads = emulator.requests.count({ route: 'getJob' });
    await pressEnterAndWaitForNewView(frame);
    assert.ok(emulator.requests.count({ route: 'getJob' }) > reads, 'Refresh read the job again');
    assert.match(await focused(frame), /^button: Read job .* again/);
    assert.match(await announced(frame, /job read/), /200 OK: job read/);

    await tabToButton(frame, 'Copy JSON');
    await workbench.page.keyboard.press('Enter');
    assert.equal(await announced(frame, /^Copied/), 'Copied response JSON');
    assert.match(await focused(frame), /^button: Copy response JSON/);
    await workbench.screenshot('keyboard-copy-json');
  });
});
