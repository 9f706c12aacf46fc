import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { raw, tokenFor } from './support';

describe('emulator: headers, error envelope and request log', function () {
  this.timeout(20_000);
  let emulator: RunningEmulator;
  let token: string;

  before(async () => {
    emulator = await startEmulator();
    token = await tokenFor(emulator);
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('sends request-id, client-request-id (echoed or new), Date and x-ms-ags-diagnostic on every answer', async () => {
    const echoed = await raw(emulator, '/v1.0/servicePrincipals?$top=1', {
      token,
      headers: { 'client-request-id': 'my-correlation-id' },
    });
    assert.equal(echoed.headers['client-request-id'], 'my-correlation-id');
    const fresh = await raw(emulator, '/v1.0/servicePrincipals/nope', { token });
    for (const response of [echoed, fresh]) {
      assert.match(response.headers['request-id'], /^[0-9a-f-]{36}$/);
      assert.match(response.headers['client-request-id'], /\S/);
      assert.ok(!Number.isNaN(Date.parse(response.headers.date)));
      assert.ok(JSON.parse(response.headers['x-ms-ags-diagnostic']).ServerInfo);
      assert.match(response.headers['content-type'], /^application\/json/);
    }
    assert.notEqual(echoed.headers['request-id'], fresh.headers['request-id']);
  });

  it('wraps errors in {"error":{code,message,innerError:{date,request-id,client-request-id}}} matching the headers', async () => {
    const response = await raw(emulator, '/v1.0/servicePrincipals/nope', {
      token,
      headers: { 'client-request-id': 'abc' },
    });
    const { error } = response.json;
    assert.deepEqual(Object.keys(error), ['code', 'message', 'innerError']);
    assert.equal(error.innerError['request-id'], response.headers['request-id']);
    assert.equal(error.innerError['client-request-id'], 'abc');
    assert.match(error.innerError.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it('logs every request with route, path, raw query, status, client-request-id and Accept-Language', async () => {
    await raw(emulator, '/v1.0/servicePrincipals?$top=1&$select=id', {
      token,
      headers: { 'client-request-id': 'c1', 'Accept-Language': 'de-DE' },
    });
    const [entry] = emulator.requests.entries();
    assert.deepEqual(
      {
        method: entry.method,
        route: entry.route,
        path: entry.path,
        query: entry.query,
        status: entry.status,
        inBatch: entry.inBatch,
        clientRequestId: entry.clientRequestId,
        acceptLanguage: entry.acceptLanguage,
      },
      {
        method: 'GET',
        route: 'listServicePrincipals',
        path: '/v1.0/servicePrincipals',
        query: '$top=1&$select=id',
        status: 200,
        inBatch: false,
        clientRequestId: 'c1',
        acceptLanguage: 'de-DE',
      },
    );
    assert.ok(entry.requestId && !Number.isNaN(Date.parse(entry.at)));
    assert.equal(emulator.requests.count({ method: 'GET', status: 200 }), 1);
    assert.equal(emulator.requests.count({ status: 404 }), 0);
    emulator.requests.clear();
    assert.equal(emulator.requests.count(), 0);
  });
});
