// Root hooks for the UI scenarios (loaded through test/ui/.mocharc.json): one session for the whole run,
// a screenshot whenever a scenario fails, cleanup at the end, and a watchdog for runs that hang.
import type { Context } from 'mocha';
import { startUiSession, type UiSession } from './session';

const runTimeoutMs = Number(process.env.GRAPH_SYNC_UI_TIMEOUT_MS ?? 600_000);
let session: UiSession | undefined;
let watchdog: NodeJS.Timeout | undefined;

/** The running session, for scenarios. */
export function ui(): UiSession {
  if (!session)
    throw new Error('the UI session is not running (test/ui/framework/hooks.ts starts it before all scenarios)');
  return session;
}

export const mochaHooks = {
  async beforeAll(this: Context): Promise<void> {
    this.timeout(300_000);
    watchdog = setTimeout(() => void giveUp(), runTimeoutMs);
    watchdog.unref();
    session = await startUiSession();
  },

  async afterEach(this: Context): Promise<void> {
    const test = this.currentTest;
    if (test?.state !== 'failed' || !session) return;
    const file = await session.workbench
      .screenshot(`failed ${test.fullTitle()}`)
      .catch((error) => `none (${String(error)})`);
    console.log(`      screenshot: ${file}`);
  },

  async afterAll(this: Context): Promise<void> {
    this.timeout(60_000);
    clearTimeout(watchdog);
    await session?.cleanup.run();
  },
};

async function giveUp(): Promise<void> {
  console.error(`\n[ui] the run took longer than ${runTimeoutMs} ms: giving up`);
  await session?.workbench.screenshot('timeout').then(
    (file) => console.error(`[ui] screenshot: ${file}`),
    () => undefined,
  );
  await session?.cleanup.run();
  console.log('0 passed, 1 failed');
  process.exit(1);
}
