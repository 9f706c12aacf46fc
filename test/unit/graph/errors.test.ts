import assert from 'node:assert/strict';
import { GraphRequestError, parseErrorEnvelope } from '../../../src/graph/errors';
import type { GraphExchange } from '../../../src/graph/exchange';

const exchange = (url: string): GraphExchange => ({
  method: 'GET',
  url,
  apiVersion: 'v1.0',
  requestHeaders: {},
  responseHeaders: {},
  startedAt: new Date(0).toISOString(),
  elapsedMs: 1,
});

describe('GraphRequestError', () => {
  it('explains the 401 UnknownError quirk of synchronization endpoints', () => {
    const error = new GraphRequestError({ kind: 'http', status: 401, code: 'UnknownError', graphMessage: '', exchange: exchange('https://graph.microsoft.com/v1.0/servicePrincipals/x/synchronization/jobs') });
    assert.match(error.hint, /Synchronization\.ReadWrite\.All/);
    assert.match(error.hint, /Application Administrator/);
    assert.equal(error.message, 'Graph returned 401 UnknownError');
  });

  it('treats a 401 elsewhere as a rejected token', () => {
    const error = new GraphRequestError({ kind: 'http', status: 401, code: 'InvalidAuthenticationToken', exchange: exchange('https://graph.microsoft.com/v1.0/servicePrincipals') });
    assert.match(error.hint, /Sign in again/);
  });

  it('tells how long to wait when throttled', () => {
    const error = new GraphRequestError({ kind: 'http', status: 429, code: 'TooManyRequests', retryAfterSeconds: 1.5 });
    assert.match(error.hint, /Wait 1\.5 seconds/);
  });

  it('is ambiguous only when the request may have taken effect', () => {
    const sent = exchange('https://graph.microsoft.com/v1.0/servicePrincipals/x/synchronization/jobs');
    const ambiguous = (details: ConstructorParameters<typeof GraphRequestError>[0]) => new GraphRequestError(details).isAmbiguous;
    assert.equal(ambiguous({ kind: 'http', status: 503, exchange: sent }), true);
    assert.equal(ambiguous({ kind: 'http', status: 504, exchange: sent }), true);
    assert.equal(ambiguous({ kind: 'timeout', exchange: sent }), true);
    assert.equal(ambiguous({ kind: 'network', exchange: sent }), true);
    assert.equal(ambiguous({ kind: 'cancelled', exchange: sent }), true);
    assert.equal(ambiguous({ kind: 'cancelled' }), false, 'cancelled before anything was sent');
    assert.equal(ambiguous({ kind: 'signIn' }), false);
    assert.equal(ambiguous({ kind: 'http', status: 400, exchange: sent }), false);
    assert.equal(ambiguous({ kind: 'http', status: 429, exchange: sent }), false);
  });
});

describe('parseErrorEnvelope', () => {
  it('reads code, message, request-id and date', () => {
    const body = JSON.stringify({ error: { code: 'Request_ResourceNotFound', message: 'gone', innerError: { date: '2026-01-01T00:00:00', 'request-id': 'r-1', 'client-request-id': 'c-1' } } });
    assert.deepEqual(parseErrorEnvelope(body), { code: 'Request_ResourceNotFound', message: 'gone', requestId: 'r-1', date: '2026-01-01T00:00:00' });
  });

  it('tolerates bodies that are not an envelope', () => {
    assert.deepEqual(parseErrorEnvelope('<html>502</html>'), {});
    assert.deepEqual(parseErrorEnvelope('{"value":[]}'), {});
    assert.deepEqual(parseErrorEnvelope(undefined), {});
  });
});
