import assert from 'node:assert/strict';
import { EmulatorControl } from '../../../src/emulator';
import { raw, sampleTenantFixture } from './support';

describe('emulator: deleting a service principal', () => {
  const fixture = sampleTenantFixture();

  it('removes it and its jobs from every route until reset, through the API and the control API', async () => {
    const { emulator, token, box } = fixture;
    const control = new EmulatorControl(emulator.url, emulator.tls.caCertPem);
    await control.deleteServicePrincipal(box);
    assert.equal((await raw(emulator, `/v1.0/servicePrincipals/${box}`, { token })).status, 404);
    assert.equal((await raw(emulator, `/v1.0/servicePrincipals/${box}/synchronization/jobs`, { token })).status, 404);
    const list = await raw(emulator, '/v1.0/servicePrincipals?$top=999', { token });
    assert.ok(!list.json.value.some((sp: { id: string }) => sp.id === box));
    assert.equal(emulator.deleteServicePrincipal(box), false);
    await assert.rejects(control.deleteServicePrincipal(box), /404/);
    emulator.reset();
    assert.equal((await raw(emulator, `/v1.0/servicePrincipals/${box}`, { token })).status, 200);
  });
});
