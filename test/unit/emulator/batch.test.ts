import assert from 'node:assert/strict';
import { raw, sampleTenantFixture } from './support';

describe('emulator: POST /$batch', function () {
  this.timeout(20_000);
  const sample = sampleTenantFixture();
  const batch = (requests: unknown[], version = 'v1.0') =>
    raw(sample.emulator, `/${version}/$batch`, { method: 'POST', token: sample.token, body: { requests } });

  it('answers each request with id, status, Graph-cased Content-Type and a parsed body, using the outer token', async () => {
    const response = await batch([
      { id: 'templates', method: 'GET', url: `/servicePrincipals/${sample.box}/synchronization/templates?$select=id` },
      { id: 'jobs', method: 'GET', url: `servicePrincipals/${sample.box}/synchronization/jobs` },
    ]);
    assert.equal(response.status, 200);
    const byId = Object.fromEntries(response.json.responses.map((r: { id: string }) => [r.id, r]));
    assert.deepEqual(byId.templates.body.value, [{ id: 'BoxOutDelta' }]);
    assert.deepEqual(byId.jobs.body.value, []);
    for (const inner of response.json.responses) {
      assert.equal(inner.status, 200);
      assert.equal(inner.headers['Content-Type'], 'application/json; charset=utf-8');
    }
    assert.equal(sample.emulator.requests.count({ route: 'batch', inBatch: false }), 1);
    assert.equal(sample.emulator.requests.count({ inBatch: true }), 2);
    assert.equal(sample.emulator.requests.count({ route: 'listJobs', inBatch: true, status: 200 }), 1);
  });

  it('creates jobs inside a batch too, with 201 and no body for 204s', async () => {
    const created = await batch([
      {
        id: '1',
        method: 'POST',
        url: `/servicePrincipals/${sample.box}/synchronization/jobs`,
        body: { templateId: 'BoxOutDelta' },
        headers: { 'Content-Type': 'application/json' },
      },
    ]);
    const [inner] = created.json.responses;
    assert.equal(inner.status, 201);
    const started = await batch([
      {
        id: 'start',
        method: 'POST',
        url: `/servicePrincipals/${sample.box}/synchronization/jobs/${inner.body.id}/start`,
      },
    ]);
    assert.equal(started.json.responses[0].status, 204);
    assert.ok(!('body' in started.json.responses[0]));
  });

  it('takes at most 20 requests, each with a unique id', async () => {
    const request = (id: number) => ({ id: String(id), method: 'GET', url: '/servicePrincipals?$top=1' });
    assert.equal((await batch(Array.from({ length: 20 }, (_, i) => request(i)))).status, 200);
    const tooMany = await batch(Array.from({ length: 21 }, (_, i) => request(i)));
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.json.error.code, 'BadRequest');
    assert.equal((await batch([request(1), request(1)])).status, 400);
    assert.equal((await batch([])).status, 400);
    assert.equal(
      (await raw(sample.emulator, '/v1.0/$batch', { method: 'POST', token: sample.token, body: '{' })).status,
      400,
    );
  });

  it('refuses inner URLs with the version segment or a host, as Graph does', async () => {
    const response = await batch([
      { id: 'versioned', method: 'GET', url: '/v1.0/servicePrincipals' },
      { id: 'absolute', method: 'GET', url: `${sample.emulator.url}/v1.0/servicePrincipals` },
    ]);
    assert.deepEqual(
      response.json.responses.map((r: { status: number }) => r.status),
      [400, 400],
    );
  });

  it('needs a token for the batch itself, and reports inner errors inside a 200', async () => {
    assert.equal((await raw(sample.emulator, '/v1.0/$batch', { method: 'POST', body: { requests: [] } })).status, 401);
    const response = await batch([
      { id: 'missing', method: 'GET', url: '/servicePrincipals/00000000-0000-0000-0000-000000000001' },
    ]);
    assert.equal(response.status, 200);
    assert.equal(response.json.responses[0].status, 404);
    assert.equal(response.json.responses[0].body.error.code, 'Request_ResourceNotFound');
  });

  it('applies faults to inner requests: throttled ones get 429 with Retry-After, dropped ones 504', async () => {
    sample.emulator.faults.add({ route: 'listJobs', kind: 'throttle', retryAfterSeconds: 2 });
    sample.emulator.faults.add({ route: 'listTemplates', kind: 'reset' });
    sample.emulator.faults.add({ route: 'getServicePrincipal', kind: 'hang' });
    const response = await batch([
      { id: 'jobs', method: 'GET', url: `/servicePrincipals/${sample.box}/synchronization/jobs` },
      { id: 'templates', method: 'GET', url: `/servicePrincipals/${sample.box}/synchronization/templates` },
      { id: 'sp', method: 'GET', url: `/servicePrincipals/${sample.box}` },
    ]);
    const [jobs, templates, sp] = response.json.responses;
    assert.deepEqual([jobs.status, jobs.headers['Retry-After'], jobs.body.error.code], [429, '2', 'TooManyRequests']);
    assert.equal(templates.status, 504);
    assert.equal(sp.status, 504);
  });

  it('does not nest batches', async () => {
    const response = await batch([{ id: 'inner', method: 'POST', url: '/$batch', body: { requests: [] } }]);
    assert.equal(response.json.responses[0].status, 400);
  });
});
