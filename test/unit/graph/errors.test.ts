import assert from 'node:assert/strict';
import { isDefiniteRefusal } from '../../../src/graph/createJob';
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
    const error = new GraphRequestError({
      kind: 'http',
      status: 401,
      code: 'UnknownError',
      graphMessage: '',
      exchange: exchange('https://graph.microsoft.com/v1.0/servicePrincipals/x/synchronization/jobs'),
    });
    assert.match(error.hint, /Synchronization\.ReadWrite\.All/);
    assert.match(error.hint, /Application Administrator/);
    assert.equal(error.message, 'Graph returned 401 UnknownError');
  });

  it('treats a 401 elsewhere as a rejected token', () => {
    const error = new GraphRequestError({
      kind: 'http',
      status: 401,
      code: 'InvalidAuthenticationToken',
      exchange: exchange('https://graph.microsoft.com/v1.0/servicePrincipals'),
    });
    assert.match(error.hint, /Sign in again/);
  });

  it('does not send the user to an administrator when Graph says another product makes these jobs', () => {
    const error = new GraphRequestError({
      kind: 'http',
      status: 403,
      code: 'Authorization_RequestDenied',
      graphMessage:
        "Insufficient privileges to complete the operation. Jobs from template 'AD2AADPasswordHash' are created by the Microsoft Entra Cloud Sync configuration.",
      exchange: {
        ...exchange('https://graph.microsoft.com/v1.0/servicePrincipals/x/synchronization/jobs'),
        method: 'POST',
      },
    });
    assert.match(error.hint, /made by Microsoft Entra Cloud Sync configuration/);
    assert.doesNotMatch(error.hint, /administrator/i);
  });

  it('answers a refused create with what creating a job needs, and other 403s with the general advice', () => {
    const denied = { kind: 'http', status: 403, code: 'Authorization_RequestDenied' } as const;
    const url = 'https://graph.microsoft.com/v1.0/servicePrincipals/x/synchronization/jobs';
    const create = new GraphRequestError({ ...denied, exchange: { ...exchange(url), method: 'POST' } });
    assert.match(create.hint, /Creating a job needs Synchronization\.ReadWrite\.All/);
    const read = new GraphRequestError({ ...denied, exchange: exchange(url) });
    assert.match(read.hint, /Ask an administrator/);
  });

  it('tells how long to wait when throttled', () => {
    const error = new GraphRequestError({ kind: 'http', status: 429, code: 'TooManyRequests', retryAfterSeconds: 1.5 });
    assert.match(error.hint, /Wait 1\.5 seconds/);
  });

  it('is a definite refusal of a create only when nothing was sent or Graph refused before any write', () => {
    const sent = exchange('https://graph.microsoft.com/v1.0/servicePrincipals/x/synchronization/jobs');
    const refused = (details: ConstructorParameters<typeof GraphRequestError>[0]) =>
      isDefiniteRefusal(new GraphRequestError(details));
    for (const status of [400, 401, 403, 404])
      assert.equal(refused({ kind: 'http', status, exchange: sent }), true, String(status));
    for (const status of [409, 429, 500, 503, 504])
      assert.equal(refused({ kind: 'http', status, exchange: sent }), false, String(status));
    assert.equal(refused({ kind: 'timeout', exchange: sent }), false);
    assert.equal(refused({ kind: 'network', exchange: sent }), false);
    assert.equal(refused({ kind: 'cancelled', exchange: sent }), false);
    assert.equal(refused({ kind: 'cancelled' }), true, 'cancelled before anything was sent');
    assert.equal(refused({ kind: 'signIn' }), true);
  });
});

describe('parseErrorEnvelope', () => {
  it('reads code, message, request-id and date', () => {
    const body = JSON.stringify({
      error: {
        code: 'Request_ResourceNotFound',
        message: 'gone',
        innerError: { date: '2026-01-01T00:00:00', 'request-id': 'r-1', 'client-request-id': 'c-1' },
      },
    });
    assert.deepEqual(parseErrorEnvelope(body), {
      code: 'Request_ResourceNotFound',
      message: 'gone',
      requestId: 'r-1',
      date: '2026-01-01T00:00:00',
    });
  });

  it('tolerates bodies that are not an envelope', () => {
    assert.deepEqual(parseErrorEnvelope('<html>502</html>'), {});
    assert.deepEqual(parseErrorEnvelope('{"value":[]}'), {});
    assert.deepEqual(parseErrorEnvelope(undefined), {});
  });
});
