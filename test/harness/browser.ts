import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Cleanup } from './cleanup';
import { chromiumPath, testResultsDir } from './paths';

export interface Browser {
  context: BrowserContext;
  page: Page;
}

/** Debian's Chromium, headless, with nothing that reaches out to the network on its own. */
export async function launchBrowser(cleanup: Cleanup): Promise<Browser> {
  const profileDir = cleanup.tempDir('chromium');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    // The harness cleans up on signals itself, in order (browser before code-server before the emulator).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  // Registered after the profile dir, so it runs before the dir is removed.
  cleanup.add('close the browser', () => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** Saves a PNG of the page under test-results/<folder>/ and returns its path. */
export async function saveScreenshot(page: Page, folder: string, name: string): Promise<string> {
  const dir = path.join(testResultsDir, folder);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '-').slice(0, 120)}.png`);
  await page.screenshot({ path: file });
  return file;
}
