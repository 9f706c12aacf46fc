import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { EmulatorControl } from '../../../src/emulator/control';
import { raw, tokenFor } from './support';

describe('emulator: control API (/_emulator) and EmulatorControl', function () {
  this.timeout(20_000);
  let emulator: RunningEmulator;
  let control: EmulatorControl;

  before(async () => {
    emulator = await startEmulator({ servicePrincipalCount: 500 });
    control = new EmulatorControl(emulator.url, emulator.tls.caCertPem);
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('reports health without a token', async () => {
    const health = await control.health();
    assert.deepEqual(
      { ...health, version: typeof health.version },
      { status: 'ok', tenantId: emulator.tenantId, servicePrincipals: 500, version: 'string' },
    );
    assert.equal((await raw(emulator, '/_emulator/health')).status, 200);
  });

  it('adds, lists and clears faults that then apply to Graph requests', async () => {
    await control.addFault({ route: 'listServicePrincipals', kind: 'unavailable', times: 1 });
    assert.deepEqual(await control.faults(), [{ route: 'listServicePrincipals', kind: 'unavailable', times: 1 }]);
    const token = await tokenFor(emulator);
    assert.equal((await raw(emulator, '/v1.0/servicePrincipals', { token })).status, 503);
    await control.addFault({ route: '*', kind: 'throttle' });
    await control.clearFaults();
    assert.deepEqual(emulator.faults.list(), []);
    await assert.rejects(control.addFault({ route: 'nowhere', kind: 'throttle' } as never), /400/);
  });

  it('reads and clears the request log, which does not record control requests', async () => {
    const token = await tokenFor(emulator);
    await raw(emulator, '/v1.0/servicePrincipals?$top=1', { token });
    const routes = (await control.requests()).map((entry) => entry.route);
    assert.deepEqual(routes, ['openidConfiguration', 'token', 'listServicePrincipals']);
    await control.clearRequests();
    assert.deepEqual(await control.requests(), []);
  });

  it('waits for a request from another process: at once when it came already, else when it arrives', async () => {
    const token = await tokenFor(emulator);
    await raw(emulator, '/v1.0/servicePrincipals?$top=1', { token });
    assert.equal((await control.waitForRequest({ route: 'listServicePrincipals' })).route, 'listServicePrincipals');
    emulator.faults.add({ route: 'getServicePrincipal', kind: 'hang', when: 'after', times: 1 });
    const waiting = control.waitForRequest({ route: 'getServicePrincipal' }, 'applied');
    const abort = new AbortController();
    const hung = raw(emulator, '/v1.0/servicePrincipals/nope', { token, signal: abort.signal }).catch(() => undefined);
    const entry = await waiting;
    assert.equal(entry.route, 'getServicePrincipal');
    abort.abort();
    await hung;
    assert.equal((await raw(emulator, '/_emulator/requests/wait', { method: 'POST', body: 'nope' })).status, 400);
  });

  it('resets the tenant: faults, log and jobs', async () => {
    const token = await tokenFor(emulator);
    const [box] = (
      await raw(emulator, `/v1.0/servicePrincipals?$filter=${encodeURIComponent("displayName eq 'Box'")}`, { token })
    ).json.value;
    const jobs = `/v1.0/servicePrincipals/${box.id}/synchronization/jobs`;
    await raw(emulator, jobs, { method: 'POST', token, body: { templateId: 'BoxOutDelta' } });
    emulator.faults.add({ route: 'getJob', kind: 'hang' });
    await control.reset();
    assert.deepEqual([emulator.faults.list(), emulator.requests.entries()], [[], []]);
    assert.deepEqual((await raw(emulator, jobs, { token })).json.value, [], 'tokens stay valid, jobs are gone');
  });

  it('answers unknown control resources with 404, and trusts only the pinned CA', async () => {
    assert.equal((await raw(emulator, '/_emulator/nothing')).status, 404);
    const other = await startEmulator();
    try {
      await assert.rejects(new EmulatorControl(other.url, emulator.tls.caCertPem).health());
      assert.equal((await new EmulatorControl(`${other.url}/`, other.tls.caCertPem).health()).status, 'ok');
    } finally {
      await other.close();
    }
  });
});
