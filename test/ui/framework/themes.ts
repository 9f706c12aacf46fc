/// <reference lib="dom" />
// (DOM types: the functions given to frame.evaluate run inside the webview.)
// Colour themes and contrast for the UI scenarios: switch the workbench's theme as a user does (the Color Theme
// picker), wait until a webview has taken it on, and measure WCAG contrast from the styles Chromium computed.
import type { Frame } from 'playwright-core';
import type { Workbench } from './workbench';

/** The class VS Code puts on a webview's body for each kind of theme. */
export type ThemeKind = 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast' | 'vscode-high-contrast-light';

export interface Theme {
  /** As the Color Theme picker and the webview's data-vscode-theme-name show it. */
  name: string;
  kind: ThemeKind;
}

/**
 * VS Code's four default themes, one of each kind (consecutive entries differ in kind, so each switch is seen).
 * VS Code 1.139 labels Default Light Modern, Default High Contrast, Default High Contrast Light and Default Dark Modern
 * like this in the picker.
 */
export const builtInThemes: readonly Theme[] = [
  { name: 'Light Modern', kind: 'vscode-light' },
  { name: 'Dark High Contrast', kind: 'vscode-high-contrast' },
  { name: 'Light High Contrast', kind: 'vscode-high-contrast-light' },
  { name: 'Dark Modern', kind: 'vscode-dark' },
];

/** Picks a theme in 'Preferences: Color Theme' and waits until the picker has closed. */
export async function selectColorTheme(workbench: Workbench, theme: Theme): Promise<void> {
  const { page } = workbench;
  // The palette by hand: the command's row is not the first one for 'Preferences: Color Theme' (Browse Color Themes
  // in Marketplace comes first), so it is clicked by its exact label.
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Preferences: Color Theme');
  await page
    .locator('.quick-input-list .monaco-list-row', {
      has: page.locator('.label-name', { hasText: /^Preferences: Color Theme$/ }),
    })
    .first()
    .click();
  // The picker is a quick input of its own, not the palette's (which stays in the page, hidden).
  const picker = page
    .locator('.quick-input-widget')
    .filter({ has: page.locator('input[placeholder^="Select Color Theme"]:visible') });
  await picker.locator('input').fill(theme.name);
  // Match the whole label: 'Light High Contrast' must not pick a theme whose name only starts so.
  const label = new RegExp(`^${theme.name}$`);
  await picker
    .locator('.monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: label }) })
    .first()
    .click();
  await picker.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** The document inside the webview that is showing (the extension's page, not VS Code's host frame). */
export async function webviewFrame(workbench: Workbench): Promise<Frame> {
  const inner = workbench.page.frameLocator('iframe.webview.ready').locator('iframe#active-frame');
  const frame = await (await inner.elementHandle({ timeout: 30_000 }))?.contentFrame();
  if (!frame) throw new Error('the webview has no content frame');
  return frame;
}

/** Waits until the webview's body says it renders the theme (VS Code sets the class and the colour variables together). */
export async function waitForWebviewTheme(frame: Frame, theme: Theme): Promise<void> {
  await frame.waitForFunction(
    ({ kind, name }) =>
      document.body.dataset.vscodeThemeKind === kind &&
      [name, ''].includes(document.body.dataset.vscodeThemeName ?? ''),
    theme,
    { timeout: 15_000 },
  );
}

/** The theme the webview renders now, as VS Code names it. */
export async function currentWebviewTheme(frame: Frame): Promise<Theme> {
  const { name, kind } = await frame.evaluate(() => ({
    name: document.body.dataset.vscodeThemeName ?? '',
    kind: document.body.dataset.vscodeThemeKind ?? '',
  }));
  return { name, kind: kind as ThemeKind };
}

/** One sample of text: the colours Chromium computed for it, plain and selected. */
interface ColourSample {
  label: string;
  color: string;
  /** The backgrounds under the text, innermost first, up to the first opaque one (or the page). */
  backgrounds: string[];
  selectionColor: string;
  selectionBackground: string;
}

export interface Contrast {
  label: string;
  normal: number;
  selected: number;
}

/**
 * WCAG contrast ratios of the first element matching each selector inside the webview, as shown and when selected.
 * The selected colours are the element's ::selection style, which is what Chromium paints a selection with.
 */
export async function contrasts(frame: Frame, selectors: Record<string, string>): Promise<Contrast[]> {
  const samples = await frame.evaluate((wanted) => {
    const found: ColourSample[] = [];
    for (const [label, selector] of Object.entries(wanted)) {
      const target = document.querySelector(selector);
      if (!target) throw new Error(`nothing in the webview matches ${selector} (${label})`);
      const backgrounds: string[] = [];
      for (let node: Element | null = target; node; node = node.parentElement) {
        const background = getComputedStyle(node).backgroundColor;
        backgrounds.push(background);
        if (/^rgb\(/.test(background)) break;
      }
      const selection = getComputedStyle(target, '::selection');
      found.push({
        label,
        color: getComputedStyle(target).color,
        backgrounds,
        selectionColor: selection.color,
        selectionBackground: selection.backgroundColor,
      });
    }
    return found;
  }, selectors);
  return samples.map((sample) => {
    const background = sample.backgrounds.reduceRight<Rgba>((under, layer) => over(parse(layer), under), white);
    const selectedBackground = over(parse(sample.selectionBackground), background);
    return {
      label: sample.label,
      normal: contrastRatio(over(parse(sample.color), background), background),
      selected: contrastRatio(over(parse(sample.selectionColor), selectedBackground), selectedBackground),
    };
  });
}

type Rgba = [number, number, number, number];
const white: Rgba = [255, 255, 255, 1];

/** Computed colours come as rgb(r, g, b) or rgba(r, g, b, a). */
function parse(colour: string): Rgba {
  const match = /^rgba?\((\d+(?:\.\d+)?), (\d+(?:\.\d+)?), (\d+(?:\.\d+)?)(?:, ([\d.]+))?\)$/.exec(colour);
  if (!match) throw new Error(`unexpected computed colour ${colour}`);
  return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])];
}

/** Source-over compositing of a possibly translucent colour on an opaque one. */
function over([r, g, b, a]: Rgba, [R, G, B]: Rgba): Rgba {
  return [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a), 1];
}

// WCAG 2.x relative luminance and contrast ratio (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio).
function luminance([r, g, b]: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
