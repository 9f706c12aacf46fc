import type { FrameLocator, Locator, Page } from 'playwright-core';
import { saveScreenshot } from '../../harness/browser';

const seconds = (n: number) => n * 1000;

/** The start of the create flow's service principal search placeholder (src/extension/pickers.ts). */
export const servicePrincipalSearch = 'Type the start of the app name';

/**
 * What a UI scenario does with the VS Code workbench, in a person's words. Selectors are the web workbench's own
 * (code-server renders menus, dialogs and notifications inside the page, not as native windows).
 */
export class Workbench {
  constructor(readonly page: Page) {}

  /** Waits until the workbench has rendered its activity bar. */
  async waitUntilLoaded(): Promise<void> {
    await this.page.locator('.monaco-workbench .activitybar').waitFor({ timeout: seconds(90) });
  }

  /** Clicks a view container in the activity bar (e.g. 'Graph Sync') and waits for its side bar. */
  async openViewContainer(title: string): Promise<void> {
    const item = this.page
      .locator('.activitybar .action-item', { has: this.page.locator(`a[aria-label^="${title}"]`) })
      .first();
    await item.waitFor({ timeout: seconds(30) });
    // Clicking the container that is already showing would hide the side bar.
    if (!(await item.getAttribute('class'))?.split(' ').includes('checked')) await item.click();
    // With a single view, the side bar title reads 'Container: View'.
    await this.sideBar
      .locator('.composite.title h2', { hasText: title })
      .first()
      .waitFor({ timeout: seconds(15) });
  }

  get sideBar(): Locator {
    return this.page.locator('[id="workbench.parts.sidebar"]');
  }

  /**
   * A view in the side bar by its name (e.g. 'Service Principals'): header plus body. The header is hidden when the
   * view is alone in its container (its name is then part of the side bar title), so check the body's visibility.
   */
  view(name: string): Locator {
    return this.sideBar.locator('.pane').filter({ has: this.page.locator('.pane-header h3.title', { hasText: name }) });
  }

  /**
   * The first tree row in the side bar whose label is text (or matches it). The label alone: a row's whole text runs
   * label and description together ("Boxda800d90-…"), which makes patterns on it fragile.
   */
  treeRow(text: string | RegExp): Locator {
    return this.treeRows(text).first();
  }

  private treeRows(text: string | RegExp): Locator {
    const label = typeof text === 'string' ? new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : text;
    return this.sideBar
      .locator('.monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: label }) });
  }

  async waitForTreeRow(text: string | RegExp, timeout = seconds(30)): Promise<Locator> {
    const row = this.treeRow(text);
    await row.waitFor({ timeout });
    return row;
  }

  /**
   * Collapses every expanded top-level row of the side bar's trees: a scenario that names rows by label then finds
   * its own, not one under a service principal an earlier scenario left open (or pushed out of the rendered rows).
   */
  async collapseTopLevelRows(): Promise<void> {
    // Visible ones: a collapsed view keeps its rows in the page, hidden.
    const expanded = this.sideBar.locator('.monaco-list-row[aria-level="1"][aria-expanded="true"]:visible');
    for (let closed = 0; closed < 50 && (await expanded.count()) > 0; closed++) {
      await expanded.first().locator('.monaco-tl-twistie').click();
    }
  }

  /** Expands a collapsed tree row (no-op when already expanded) and waits until the tree says so. */
  async expandRow(text: string | RegExp): Promise<void> {
    const row = await this.waitForTreeRow(text);
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
    await this.treeRows(text)
      .and(this.page.locator('[aria-expanded="true"]'))
      .first()
      .waitFor({ timeout: seconds(30) });
  }

  /** Right-clicks a tree row (by label, or a row locator) and returns the labels of its context menu (it stays open). */
  async openContextMenu(text: string | RegExp | Locator): Promise<string[]> {
    const row = typeof text === 'string' || text instanceof RegExp ? await this.waitForTreeRow(text) : text;
    const menu = this.page.locator('.context-view .monaco-menu');
    await this.closeContextMenu();
    await this.webviewsSettled();
    // No left click first: on a job row it runs the row's command, which opens the job's webview, and that webview
    // takes focus once it has loaded, closing a context menu opened in the meantime (the flake of "restarts a job
    // from its context menu": the menu never stayed open). The right-click alone focuses the row and opens its menu.
    // A tree that re-renders under the pointer (a refresh landing) takes the first right-click; a user clicks again.
    for (let attempt = 1; ; attempt++) {
      await row.click({ button: 'right' });
      const opened = await menu.waitFor({ timeout: seconds(10) }).then(
        () => true,
        (error: unknown) => {
          if (attempt === 3) throw error;
          return false;
        },
      );
      if (opened) break;
    }
    return (await menu.locator('.action-item:not(.disabled) .action-label').allInnerTexts())
      .map((label) => label.trim())
      .filter(Boolean);
  }

  /**
   * Waits until no webview is still loading: a webview takes focus when it becomes ready, and a context menu or quick
   * pick closes when focus leaves it. The workbench marks a loaded webview's frame `.ready`.
   */
  async webviewsSettled(): Promise<void> {
    await this.page
      .locator('iframe.webview:not(.ready)')
      .first()
      .waitFor({ state: 'detached', timeout: seconds(30) });
  }

  /** Right-clicks a tree row and chooses a context-menu entry by its label. */
  async runContextMenuItem(rowText: string | RegExp | Locator, label: string): Promise<void> {
    await this.openContextMenu(rowText);
    // Hover and Enter: a click that comes right after the menu opened can be taken for the end of the right-click.
    // Enter runs the menu's focused entry, so it waits until the hover has focused the one named.
    const item = this.page.locator('.context-view .monaco-menu .action-item', { hasText: label }).first();
    await item.hover();
    await item.and(this.page.locator('.action-item.focused')).waitFor({ timeout: seconds(10) });
    await this.page.keyboard.press('Enter');
    await this.closeContextMenu();
  }

  /**
   * In the web workbench a context menu can stay on screen after its action ran, when the action moved focus into
   * a webview; its overlay then swallows the next click. A click on the overlay closes it, as it would for a user.
   */
  async closeContextMenu(): Promise<void> {
    const menu = this.page.locator('.context-view .monaco-menu');
    if (!(await menu.isVisible())) return;
    await this.page
      .locator('.context-view-block')
      .first()
      .click({ force: true, position: { x: 5, y: 5 } });
    await menu.waitFor({ state: 'hidden', timeout: seconds(5) });
  }

  /** Runs a command from the palette by its full title, e.g. 'Graph Sync: Sign In'. */
  async runCommand(title: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    // A webview still loading takes focus when it is ready, and that closes the palette or the command's own picker.
    await this.webviewsSettled();
    // A dialog that is still closing makes the workbench inert and takes the palette down with it: open it again.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      try {
        await input.fill(`>${title}`, { timeout: seconds(10) });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
    await this.page
      .locator('.quick-input-list .monaco-list-row', { hasText: title })
      .first()
      .waitFor({ timeout: seconds(10) });
    await this.page.keyboard.press('Enter');
  }

  /**
   * Runs a command that opens a quick input of its own and returns that input once it shows (found by the start of
   * its placeholder). A palette that a closing dialog took down can swallow the command: then it is run again, as a
   * user would, after the quick input failed to show.
   */
  async runCommandForInput(title: string, placeholderStart: string): Promise<Locator> {
    const input = this.page.locator(`.quick-input-widget input[placeholder^="${placeholderStart}"]`);
    for (let attempt = 1; ; attempt++) {
      await this.runCommand(title);
      try {
        await input.waitFor({ timeout: seconds(15) });
        return input;
      } catch (error) {
        if (attempt === 3) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /**
   * Closes every editor, discarding unsaved changes when VS Code asks (a scenario's edits are never meant to be kept),
   * and waits until the editor area is empty.
   */
  async closeAllEditorsDiscarding(): Promise<void> {
    await this.runCommand('View: Close All Editors');
    const dontSave = this.page.locator('.monaco-dialog-box .monaco-button', { hasText: "Don't Save" });
    const empty = this.page.locator('.editor-group-container.empty').first();
    await dontSave
      .or(empty)
      .first()
      .waitFor({ timeout: seconds(20) });
    if (await dontSave.isVisible()) await dontSave.click();
    await empty.waitFor({ timeout: seconds(20) });
  }

  /**
   * Waits for a notification whose message contains text and returns its message. Toasts hide after a while, so
   * when none shows it looks in the notification center.
   */
  async waitForNotification(text: string | RegExp, timeout = seconds(20)): Promise<string> {
    const message = '.notification-list-item-message';
    const toast = this.page.locator(`.notifications-toasts ${message}`, { hasText: text }).first();
    try {
      // Attached is enough: a toast that a newly opened editor covers is still in the page, with its text.
      await toast.waitFor({ state: 'attached', timeout });
      return (await toast.textContent()) ?? '';
    } catch {
      await this.showNotificationCenter();
      const listed = this.page.locator(`.notifications-center ${message}`, { hasText: text }).first();
      await listed.waitFor({ timeout: seconds(5) });
      return listed.innerText();
    }
  }

  /** Every notification message in the notification center, newest first. */
  async notifications(): Promise<string[]> {
    await this.showNotificationCenter();
    return this.page.locator('.notifications-center .notification-list-item-message').allInnerTexts();
  }

  private async showNotificationCenter(): Promise<void> {
    if (await this.page.locator('.notifications-center.visible').isVisible()) return;
    await this.runCommand('Notifications: Show Notifications');
    await this.page.locator('.notifications-center.visible').waitFor({ timeout: seconds(5) });
  }

  /** Clicks a button of the modal dialog that is showing (e.g. 'Delete', 'Cancel'); returns the dialog's message. */
  async clickDialogButton(label: string): Promise<string> {
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: seconds(10) });
    const message = await dialog.locator('.dialog-message-text').innerText();
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: label }).first().click();
    await dialog.waitFor({ state: 'detached', timeout: seconds(10) });
    return message;
  }

  /** The content of the webview that is showing: VS Code nests the extension's HTML in a second iframe. */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }

  /** Saves test-results/ui/<name>.png and returns its path. */
  screenshot(name: string): Promise<string> {
    return saveScreenshot(this.page, 'ui', name);
  }
}
