import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { GraphRequestError } from '../../../src/graph/errors';
import type { RequestTrace } from '../../../src/graph/middleware';
import { listServicePrincipals } from '../../../src/graph/servicePrincipals';
import { getSynchronization } from '../../../src/graph/synchronization';
import type { ServicePrincipal } from '../../../src/graph/types';
import { sampleClient } from './sampleClient';

describe('Graph layer under injected faults (against the emulator)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let box: ServicePrincipal;
  const list = (client = sampleClient(emulator)) =>
    listServicePrincipals(client, { onlyFromApplicationTemplates: false, pageSize: 10 });

  before(async () => {
    emulator = await startEmulator();
    [box] = (
      await listServicePrincipals(sampleClient(emulator), {
        search: 'Box',
        onlyFromApplicationTemplates: true,
        pageSize: 5,
      })
    ).items;
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  describe('safe requests (GET)', () => {
    for (const kind of ['throttle', 'unavailable', 'gatewayTimeout', 'reset'] as const) {
      it(`are retried after ${kind}, honouring Retry-After`, async () => {
        const traces: RequestTrace[] = [];
        emulator.faults.add({ route: 'listServicePrincipals', kind, times: 2, retryAfterSeconds: 0.2 });
        const page = await list(sampleClient(emulator, { traces }));
        assert.equal(page.items.length, 10);
        assert.equal(emulator.requests.count({ route: 'listServicePrincipals' }), 3);
        const retries = traces.filter((t) => t.retryInSeconds !== undefined);
        assert.equal(retries.length, 2);
        if (kind === 'throttle')
          assert.deepEqual(
            retries.map((t) => t.retryInSeconds),
            [0.2, 0.2],
          );
      });
    }

    it('give up after the bounded number of retries with the last error', async () => {
      emulator.faults.add({ route: 'listServicePrincipals', kind: 'unavailable' });
      const error = await list().catch((e: unknown) => e);
      assert.ok(error instanceof GraphRequestError);
      assert.equal(error.status, 503);
      assert.equal(emulator.requests.count({ route: 'listServicePrincipals' }), 4);
    });

    it('do not wait out a Retry-After longer than allowed, and say how long to wait', async () => {
      emulator.faults.add({ route: 'listServicePrincipals', kind: 'throttle', retryAfterSeconds: 120 });
      const error = (await list().catch((e: unknown) => e)) as GraphRequestError;
      assert.equal(error.status, 429);
      assert.equal(error.retryAfterSeconds, 120);
      assert.match(error.hint, /Wait 120 seconds/);
      assert.equal(emulator.requests.count({ route: 'listServicePrincipals' }), 1);
    });

    it('retry the throttled half of a $batch only', async () => {
      emulator.faults.add({ route: 'listJobs', kind: 'throttle', times: 1, retryAfterSeconds: 0.2 });
      const { templates, jobs } = await getSynchronization(sampleClient(emulator), box.id);
      assert.ok(templates.ok && jobs.ok);
      assert.equal(emulator.requests.count({ route: 'batch' }), 2);
      assert.equal(emulator.requests.count({ route: 'listTemplates' }), 1);
      assert.equal(emulator.requests.count({ route: 'listJobs' }), 2);
    });

    it('time out on a hang, and stop at once when cancelled', async () => {
      emulator.faults.add({ route: 'listServicePrincipals', kind: 'hang' });
      const timedOut = (await list(sampleClient(emulator, { timeoutMs: 500 })).catch(
        (e: unknown) => e,
      )) as GraphRequestError;
      assert.equal(timedOut.kind, 'timeout');
      emulator.requests.clear();
      const abort = new AbortController();
      // Cancel once the emulator holds the request, not after a guessed time; 'cancelled' (not 'timeout') is the proof.
      void emulator.requests.waitFor({ route: 'listServicePrincipals' }).then(() => abort.abort());
      const cancelled = (await listServicePrincipals(
        sampleClient(emulator),
        { onlyFromApplicationTemplates: false, pageSize: 1 },
        { signal: abort.signal },
      ).catch((e: unknown) => e)) as GraphRequestError;
      assert.equal(cancelled.kind, 'cancelled');
    });

    it('show latency in the elapsed time', async () => {
      emulator.faults.add({ route: 'listServicePrincipals', kind: 'latency', latencyMs: 300 });
      const traces: RequestTrace[] = [];
      await list(sampleClient(emulator, { traces }));
      assert.ok(traces.at(-1)!.elapsedMs >= 300, String(traces.at(-1)!.elapsedMs));
    });

    it('report malformed JSON as such, with the body kept', async () => {
      emulator.faults.add({ route: 'listServicePrincipals', kind: 'malformedJson', times: 1 });
      const error = (await list().catch((e: unknown) => e)) as GraphRequestError;
      assert.equal(error.kind, 'malformed');
      assert.ok(error.exchange?.responseText && error.exchange.responseText.length > 0);
    });

    it('report expired tokens as a rejected token with what to do', async () => {
      const client = sampleClient(emulator);
      await list(client);
      emulator.faults.add({ route: '*', kind: 'expireTokens' });
      const error = (await list(client).catch((e: unknown) => e)) as GraphRequestError;
      assert.equal(error.status, 401);
      assert.equal(error.code, 'InvalidAuthenticationToken');
      assert.match(error.hint, /Sign in again/);
    });
  });
});
