import assert from 'node:assert/strict';
import { maskBody, maskHeaders, maskUrl } from '../../../src/scimTraffic/maskSecrets';
import { parseScimTraffic } from '../../../src/scimTraffic/parseScimTraffic';
import { TrafficList } from '../../../src/views/scimTrafficView';

const exchange = (overrides: Record<string, unknown> = {}) => ({
  at: '2026-12-01T10:00:00Z',
  method: 'POST',
  url: 'http://127.0.0.1:9000/scim/Users',
  requestHeaders: { Authorization: 'Bearer ****', 'Content-Type': 'application/scim+json' },
  requestBody: { userName: 'adele@contoso.example' },
  status: 201,
  responseHeaders: { 'content-type': 'application/scim+json' },
  responseBody: { id: '1', userName: 'adele@contoso.example' },
  durationMs: 3,
  ...overrides,
});
const record = (value: unknown) =>
  JSON.stringify({
    servicePrincipalId: 'sp',
    jobId: 'job',
    cycleId: 'cycle',
    began: '2026-12-01T10:00:00Z',
    ended: '2026-12-01T10:00:01Z',
    failure: null,
    value,
  });

describe('SCIM traffic: shape checks and masking', () => {
  it('reads a well-formed record without problems', () => {
    const parsed = parseScimTraffic(record([exchange(), exchange({ method: 'GET', status: 200 })]));
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.exchanges.length, 2);
    assert.deepEqual(parsed.exchanges[0], exchange());
    assert.equal(parsed.cycle.failure, undefined);
  });

  it('keeps every request of a malformed record and names each kind of fault once, with where', () => {
    const parsed = parseScimTraffic(
      record([
        exchange({ status: '201' }),
        'not a request',
        exchange({ status: undefined, requestHeaders: { Authorization: 'Bearer abc.def', 'X-Count': 3 } }),
        exchange({ status: 'x' }),
      ]),
    );
    assert.equal(parsed.exchanges.length, 4, 'nothing is thrown away');
    assert.deepEqual(parsed.problems, [
      "'status' is not a number (2 requests, the first is 1)",
      'A request is not a JSON object; it is shown as its request body (request 2)',
      "A value of 'requestHeaders' is not text (request 3)",
      "'status' is missing (request 3)",
    ]);
    assert.equal(parsed.exchanges[1].requestBody, 'not a request');
    assert.deepEqual(parsed.exchanges[2].requestHeaders, { Authorization: 'Bearer ****', 'X-Count': '3' });
  });

  it('says when the answer is not JSON or has no list, and still returns a record', () => {
    const notJson = parseScimTraffic('<html>Bearer secret-value</html>');
    assert.equal(notJson.exchanges.length, 0);
    assert.match(
      notJson.problems[0],
      /^The emulator's answer is not JSON \(.*\); it begins: <html>Bearer \*\*\*\*<\/html>$/,
    );
    const noList = parseScimTraffic(JSON.stringify({ jobId: 'job', value: { not: 'a list' } }));
    assert.ok(noList.problems.includes("'value' (the list of requests) is missing or not a list"));
    assert.ok(noList.problems.includes("'cycleId' is missing"));
    assert.equal(noList.cycle.jobId, 'job');
  });

  it('masks secret-named headers, query parameters and body fields, SCIM PATCH secrets and bearer text', () => {
    assert.deepEqual(
      maskHeaders({ Authorization: 'Bearer abc', 'X-Api-Key': 'k', Cookie: 'a=b', Accept: 'x', Via: 'Basic zz' }),
      { Authorization: 'Bearer ****', 'X-Api-Key': '****', Cookie: '****', Accept: 'x', Via: 'Basic ****' },
    );
    assert.equal(
      maskUrl('http://127.0.0.1/scim/Users?access_token=abc&filter=a'),
      'http://127.0.0.1/scim/Users?access_token=****&filter=a',
    );
    const body = {
      userName: 'adele',
      password: 'P@ssw0rd',
      credentials: { clientSecret: 'x', nested: [1] },
      Operations: [
        { op: 'replace', path: 'password', value: 'new-secret' },
        { op: 'replace', path: 'title', value: 'Engineer' },
      ],
      detail: 'The token Bearer eyJabc was refused',
      empty: { secretToken: '' },
    };
    const before = JSON.stringify(body);
    const masked = maskBody(body) as typeof body;
    assert.equal(JSON.stringify(body), before, 'the input is not changed');
    assert.deepEqual(masked, {
      userName: 'adele',
      password: '****',
      credentials: '****',
      Operations: [
        { op: 'replace', path: 'password', value: '****' },
        { op: 'replace', path: 'title', value: 'Engineer' },
      ],
      detail: 'The token Bearer **** was refused',
      empty: { secretToken: '' },
    });
    assert.deepEqual(Object.keys(masked), Object.keys(body), 'fields keep their order');
  });

  it('masks a body nested far deeper than a recursion could go', () => {
    let deep: unknown = { token: 'deep-secret' };
    for (let level = 0; level < 200_000; level++) deep = [deep];
    let masked = maskBody(deep);
    for (let level = 0; level < 200_000; level++) masked = (masked as unknown[])[0];
    assert.deepEqual(masked, { token: '****' });
  });

  it('filters rows by method, status class and text in the bodies, in cycle order', () => {
    const parsed = parseScimTraffic(
      record([
        exchange({ method: 'GET', status: 200, requestBody: undefined, url: 'http://127.0.0.1/scim/Users?filter=x' }),
        exchange(),
        exchange({ status: 409, requestBody: { userName: 'megan' } }),
      ]),
    );
    const list = new TrafficList(parsed.exchanges);
    const indexes = (filter: Parameters<TrafficList['rows']>[0]) => list.rows(filter).map((row) => row.index);
    assert.deepEqual(indexes({ method: '', status: '', text: '' }), [1, 2, 3]);
    assert.deepEqual(indexes({ method: 'POST', status: '', text: '' }), [2, 3]);
    assert.deepEqual(indexes({ method: '', status: '4xx', text: '' }), [3]);
    assert.deepEqual(indexes({ method: '', status: '', text: 'MEGAN' }), [3]);
    assert.equal(list.rows({ method: '', status: '', text: '' })[0].path, '/scim/Users?filter=x');
    assert.equal(list.detail(4), undefined);
    assert.match(list.detail(3)!.heading, /^3\. POST \/scim\/Users: 409$/);
  });
});
