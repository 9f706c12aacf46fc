import assert from 'node:assert/strict';
import { maxBodyBytes } from '../../../src/emulator/server';
import { raw, sampleTenantFixture } from './support';

describe('emulator: request size limit', function () {
  this.timeout(20_000);
  const sample = sampleTenantFixture();

  it("answers a body over the limit with 413 and Graph's envelope instead of dropping the connection", async () => {
    const body = JSON.stringify({ templateId: 'BoxOutDelta', padding: 'x'.repeat(maxBodyBytes) });
    const response = await raw(sample.emulator, `/v1.0/servicePrincipals/${sample.box}/synchronization/jobs`, {
      method: 'POST',
      token: sample.token,
      body,
    });
    assert.equal(response.status, 413);
    assert.equal(response.json.error.code, 'RequestEntityTooLarge');
    assert.ok(response.headers['request-id'] && response.json.error.innerError['request-id']);
    assert.equal(sample.emulator.requests.count({ route: 'createJob' }), 0, 'nothing was processed');
  });

  it('still takes a body just under the limit', async () => {
    const response = await raw(sample.emulator, '/v1.0/$batch', {
      method: 'POST',
      token: sample.token,
      body: `{"requests":[]}${' '.repeat(maxBodyBytes - 20)}`,
    });
    assert.notEqual(response.status, 413);
  });
});
