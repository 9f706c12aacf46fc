// `npm run sample`: the extension in a real VS Code (code-server, in your browser) against the emulator's sample
// tenant. Packages the extension, installs it into a throwaway profile whose settings point at the emulator, and
// serves the workbench on 127.0.0.1 until Ctrl+C. With GRAPH_SYNC_SAMPLE_SCREENSHOT=1 it instead opens the workbench
// in headless Chromium, shows the Graph Sync view, saves test-results/sample/workbench.png and stops.
import { launchBrowser, saveScreenshot } from '../test/harness/browser';
import { Cleanup } from '../test/harness/cleanup';
import { servePackagedWorkbench } from '../test/ui/framework/session';
import { Workbench } from '../test/ui/framework/workbench';

async function main(): Promise<void> {
  const cleanup = new Cleanup();
  cleanup.exitOnSignals();
  // Real time and the sample SCIM app: the Active Salesforce job provisions the sample users to it every cycle.
  const { emulator, url } = await servePackagedWorkbench(cleanup, {}, { port: 0, clock: 'real', scimServer: true });
  console.log(`
Graph Sync Explorer is running in VS Code against the sample tenant.
  Open:      ${url}
  Emulator:  ${emulator.url} (tenant ${emulator.tenantId}; its CA is trusted through NODE_EXTRA_CA_CERTS)
  SCIM app:  ${emulator.scim?.baseAddress} receives the Salesforce job's users every ${emulator.clock.cycleSeconds} s: see ${emulator.url}/_emulator/scim/Users
  Then:      click "Graph Sync" in the activity bar, expand "Box", right-click "BoxOutDelta", "Create Synchronization Job…"
Press Ctrl+C to stop (the profile and the emulator are thrown away).`);
  if (process.env.GRAPH_SYNC_SAMPLE_SCREENSHOT) {
    const { page } = await launchBrowser(cleanup);
    await page.goto(url);
    const workbench = new Workbench(page);
    await workbench.waitUntilLoaded();
    await workbench.openViewContainer('Graph Sync');
    await workbench.waitForTreeRow('Box');
    console.log(`screenshot: ${await saveScreenshot(page, 'sample', 'workbench')}`);
    await cleanup.run();
    return;
  }
  await new Promise(() => undefined);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
