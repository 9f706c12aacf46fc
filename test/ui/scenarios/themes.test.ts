// The response view in VS Code's four default themes: every kind of text in the JSON body and the snippets is
// readable (WCAG AA, 4.5:1) as shown and when selected. Ratios come from the colours Chromium computed.
import * as assert from 'node:assert/strict';
import { ui } from '../framework/hooks';
import {
  builtInThemes,
  contrasts,
  currentWebviewTheme,
  selectColorTheme,
  waitForWebviewTheme,
  webviewFrame,
  type Contrast,
  type Theme,
} from '../framework/themes';

const minimumRatio = 4.5;

// The first element of each kind of text the user reads or selects in the body and the snippets.
const textSamples = {
  key: '.code .token-key',
  string: '.code .token-string',
  number: '.code .token-number',
  literal: '.code .token-literal',
  punctuation: '.code .line .text',
  'curl snippet': 'details.snippet[open] pre code',
};

function table(measured: Contrast[]): string {
  return measured
    .map(({ label, normal, selected }) => `${label}: ${normal.toFixed(2)} (selected ${selected.toFixed(2)})`)
    .join(', ');
}

describe('Response view in every default theme', () => {
  let usualTheme: Theme | undefined;

  before(async function () {
    this.timeout(120_000);
    const { workbench, emulator } = ui();
    emulator.reset();
    await workbench.openViewContainer('Graph Sync');
    await workbench.expandRow('Box');
    await workbench.expandRow('Templates');
    await workbench.runContextMenuItem('BoxOutDelta', 'Create Synchronization Job…');
    await workbench
      .webview()
      .getByText(/201 Created/)
      .first()
      .waitFor({ timeout: 30_000 });
    usualTheme = await currentWebviewTheme(await webviewFrame(workbench));
  });

  after(async () => {
    // The other scenarios run in the workbench's usual theme.
    if (usualTheme) await selectColorTheme(ui().workbench, usualTheme);
  });

  for (const theme of builtInThemes) {
    it(`${theme.name}: the JSON body and the snippets reach ${minimumRatio}:1, selected or not`, async () => {
      const { workbench } = ui();
      await selectColorTheme(workbench, theme);
      const frame = await webviewFrame(workbench);
      await waitForWebviewTheme(frame, theme);
      await frame.locator('.code').scrollIntoViewIfNeeded();
      // A selection across the body, as a user makes it, for the screenshot.
      await frame.locator('.code').evaluate((code) => window.getSelection()?.selectAllChildren(code));
      await workbench.screenshot(`theme ${theme.name}`);
      const measured = await contrasts(frame, textSamples);
      console.log(`      ${theme.name}: ${table(measured)}`);
      const tooLow = measured.filter(({ normal, selected }) => normal < minimumRatio || selected < minimumRatio);
      assert.deepEqual(tooLow, [], `below ${minimumRatio}:1 in ${theme.name}`);
    });
  }
});
