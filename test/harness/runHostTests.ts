// Runs the extension-host suite (out/test/host) inside a real VS Code: code-server's Node extension host, driven by
// Chromium through the workbench's smoke-test driver, with the Graph emulator as the tenant.
//   npx tsx test/harness/runHostTests.ts        (after `node scripts/build.mjs --only hostTests,extension,webview`)
// Env: GRAPH_SYNC_HOST_TIMEOUT_MS (default 180000).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './browser';
import { Cleanup } from './cleanup';
import { assertHostInstalled, createProfile, startCodeServer, type RunningCodeServer } from './codeServer';
import { startWiredEmulator } from './emulator';
import { parseHostSummary, printHostSummary, type HostTestSummary } from './hostSummary';
import { hostTestsEntry, repoRoot, testResultsDir } from './paths';
import { formatAutomationLog, isWorkbenchNoise } from './workbenchConsole';

const timeoutMs = Number(process.env.GRAPH_SYNC_HOST_TIMEOUT_MS ?? 180_000);
const started = Date.now();
const say = (message: string) => console.log(`[host ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

interface Outcome {
  exitCode: number | 'timeout';
  summary?: HostTestSummary;
}

async function main(): Promise<number> {
  const cleanup = new Cleanup();
  cleanup.exitOnSignals();
  try {
    assertHostInstalled();
    if (!fs.existsSync(hostTestsEntry)) {
      throw new Error(
        `${path.relative(repoRoot, hostTestsEntry)} is missing: run \`node scripts/build.mjs --only hostTests,extension,webview\``,
      );
    }
    const wired = await startWiredEmulator(cleanup);
    say(`emulator at ${wired.emulator.url}`);
    const profile = createProfile(cleanup, wired.settings, { ...wired.env, GRAPH_SYNC_TEST_HOST: 'code-server' });
    const server = await startCodeServer(profile, cleanup, true);
    say(`code-server at ${server.origin}`);
    const { page } = await launchBrowser(cleanup);
    const outcome = await runSuite(page, server, profile.workspaceDir);
    return await report(outcome, page, server);
  } catch (error) {
    console.error(`[host] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    console.log('0 passed, 1 failed');
    return 1;
  } finally {
    await cleanup.run();
  }
}

async function runSuite(page: Page, server: RunningCodeServer, workspaceDir: string): Promise<Outcome> {
  fs.mkdirSync(path.join(testResultsDir, 'host'), { recursive: true });
  // Written by path, line by line: the workbench may still log after the run ends.
  const fullLog = path.join(testResultsDir, 'host', 'workbench.log');
  fs.writeFileSync(fullLog, '');
  let summary: HostTestSummary | undefined;
  page.on('pageerror', (error) => fs.appendFileSync(fullLog, `[pageerror] ${error.message}\n`));
  // Both functions must exist before the workbench loads: it looks for them once, at startup.
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
    const line = formatAutomationLog(args);
    fs.appendFileSync(fullLog, `[${type}] ${line}\n`);
    const reported = parseHostSummary(line);
    if (reported) summary = reported;
    else if (!isWorkbenchNoise(line)) console.log(type === 'log' || type === 'info' ? line : `[${type}] ${line}`);
  });
  let exited: (code: number) => void = () => undefined;
  const exit = new Promise<number>((resolve) => (exited = resolve));
  await page.exposeFunction('codeAutomationExit', (code: number) => exited(code));

  const extensionRoot = server.remoteUri(repoRoot);
  const payload = [
    ['extensionDevelopmentPath', extensionRoot],
    ['extensionTestsPath', server.remoteUri(hostTestsEntry)],
    ['skipWelcome', 'true'],
  ];
  await page.goto(
    `${server.origin}/?folder=${encodeURIComponent(workspaceDir)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
  );
  say('workbench loading; running the extension-host suite');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  const exitCode = await Promise.race([exit, timeout]);
  clearTimeout(timer);
  return { exitCode, summary };
}

async function report(outcome: Outcome, page: Page, server: RunningCodeServer): Promise<number> {
  const { exitCode, summary } = outcome;
  if (exitCode === 'timeout') {
    const shot = await saveScreenshot(page, 'host', 'timeout').catch((error) => `none (${String(error)})`);
    console.error(`[host] timed out after ${timeoutMs} ms; screenshot: ${shot}`);
    console.error(`[host] code-server output (tail):\n${server.output().slice(-3000)}`);
  }
  if (!summary) {
    console.error(`[host] the suite reported no results (exit ${exitCode}); see test-results/host/workbench.log`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  say(`VS Code ${summary.vscodeVersion} (code-server), suite exit code ${exitCode}`);
  printHostSummary(summary);
  return exitCode === 0 && summary.failures === 0 ? 0 : 1;
}

main().then((code) => process.exit(code));
