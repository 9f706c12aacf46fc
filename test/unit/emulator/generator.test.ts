import assert from 'node:assert/strict';
import { generateServicePrincipals } from '../../../src/emulator/generator';
import { sampleServicePrincipals } from '../../../src/emulator/sampleTenant';
import { TenantStore } from '../../../src/emulator/tenantStore';

describe('emulator: sample tenant and generated service principals', () => {
  it('generates the same service principals every time, with unique ids, half from an application template', () => {
    const first = generateServicePrincipals(1000);
    assert.deepEqual(generateServicePrincipals(1000), first);
    assert.equal(new Set(first.map((sp) => sp.id)).size, 1000);
    assert.equal(new Set(first.map((sp) => sp.appId)).size, 1000);
    assert.equal(first.filter((sp) => sp.applicationTemplateId).length, 500);
    assert.ok(
      first
        .filter((sp) => sp.applicationTemplateId)
        .every((sp) => sp.templateIds.includes('scim') || sp.templateIds.includes('customappsso')),
    );
    assert.equal(first[0].displayName, 'Generated App 00001');
    for (const sp of first.slice(0, 20))
      assert.match(sp.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sizes the tenant as asked: the sample tenant topped up with generated service principals', () => {
    assert.equal(new TenantStore('t', 0).servicePrincipals.length, sampleServicePrincipals.length);
    assert.equal(new TenantStore('t', 10_000).servicePrincipals.length, 10_000);
  });

  // How fast is for `npm run bench`: a time limit here fails on a busy CI machine, not on a slow generator.
  it('builds 100,000 service principals, ids unique', function () {
    this.timeout(60_000);
    const store = new TenantStore('t', 100_000);
    assert.equal(store.servicePrincipals.length, 100_000);
    assert.equal(new Set(store.servicePrincipals.map((sp) => sp.id)).size, 100_000);
  });

  it('has ids that do not collide with the sample tenant, and no "O\'Brien\'s"', () => {
    const ids = new Set(sampleServicePrincipals.map((sp) => sp.id));
    assert.ok(generateServicePrincipals(5000).every((sp) => !ids.has(sp.id)));
    assert.ok(!sampleServicePrincipals.some((sp) => sp.displayName.startsWith("O'Brien")));
  });
});
