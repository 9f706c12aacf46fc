import * as assert from 'node:assert/strict';
import { ui } from '../framework/hooks';

describe('Workbench', () => {
  it('opens the Graph Sync container and shows the Service Principals view', async () => {
    const { workbench } = ui();
    await workbench.openViewContainer('Graph Sync');
    const body = workbench.view('Service Principals').locator('.pane-body');
    await body.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await workbench.sideBar.locator('.composite.title h2').innerText(), /^Graph Sync/);
    await workbench.screenshot('graph-sync-view');
  });
});
