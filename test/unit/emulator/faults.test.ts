import assert from 'node:assert/strict';
import { startEmulator, type FaultRule } from '../../../src/emulator';
import { raw, sampleTenantFixture, tokenFor } from './support';

describe('emulator: injected faults', function () {
  this.timeout(20_000);
  const sample = sampleTenantFixture();
  const list = () => raw(sample.emulator, '/v1.0/servicePrincipals?$top=2', { token: sample.token });
  const jobs = () =>
    raw(sample.emulator, `/v1.0/servicePrincipals/${sample.box}/synchronization/jobs`, { token: sample.token });
  const create = () =>
    raw(sample.emulator, `/v1.0/servicePrincipals/${sample.box}/synchronization/jobs`, {
      method: 'POST',
      token: sample.token,
      body: { templateId: 'BoxOutDelta' },
    });
  const jobCount = async () => (await jobs()).json.value.length;

  it('latency delays the normal answer', async () => {
    sample.emulator.faults.add({ route: 'listServicePrincipals', kind: 'latency', latencyMs: 250 });
    const started = Date.now();
    assert.equal((await list()).status, 200);
    assert.ok(Date.now() - started >= 250);
  });

  it('throttle answers 429 TooManyRequests with Retry-After, for `times` matching requests only', async () => {
    sample.emulator.faults.add({ route: 'listServicePrincipals', kind: 'throttle', times: 2, retryAfterSeconds: 0.5 });
    const first = await list();
    assert.deepEqual(
      [first.status, first.headers['retry-after'], first.json.error.code],
      [429, '0.5', 'TooManyRequests'],
    );
    assert.equal((await jobs()).status, 200, 'other routes are not affected');
    assert.equal((await list()).status, 429);
    assert.equal((await list()).status, 200);
    assert.deepEqual(sample.emulator.faults.list(), []);
  });

  for (const [kind, status] of [
    ['unavailable', 503],
    ['gatewayTimeout', 504],
  ] as const) {
    it(`${kind} answers ${status}; before: nothing happens, after: the job is created anyway`, async () => {
      sample.emulator.faults.add({ route: 'createJob', kind, times: 1 });
      assert.equal((await create()).status, status);
      assert.equal(await jobCount(), 0);
      sample.emulator.faults.add({ route: 'createJob', kind, times: 1, when: 'after' });
      const after = await create();
      assert.equal(after.status, status);
      assert.ok(after.json.error.innerError['request-id']);
      assert.equal(await jobCount(), 1);
    });
  }

  it('reset drops the connection (after: once the job exists)', async () => {
    sample.emulator.faults.add({ route: 'createJob', kind: 'reset', times: 1, when: 'after' });
    await assert.rejects(create());
    assert.equal(await jobCount(), 1);
    assert.equal(sample.emulator.requests.entries().find((entry) => entry.route === 'createJob')!.status, undefined);
  });

  it('hang never answers, and close() ends the hung request promptly', async () => {
    const own = await startEmulator({ tls: sample.emulator.tls });
    const ownToken = await tokenFor(own);
    own.faults.add({ route: 'listServicePrincipals', kind: 'hang' });
    const pending = raw(own, '/v1.0/servicePrincipals', { token: ownToken });
    await own.requests.waitFor({ route: 'listServicePrincipals' });
    // Without close() destroying the hung socket this would wait for the test's timeout.
    await own.close();
    await assert.rejects(pending);
  });

  it('malformedJson cuts the body of a success short; a created job still exists', async () => {
    sample.emulator.faults.add({ route: 'createJob', kind: 'malformedJson', times: 1 });
    const response = await create();
    assert.equal(response.status, 201);
    assert.ok(response.text.length > 0);
    assert.throws(() => JSON.parse(response.text));
    assert.equal(await jobCount(), 1);
  });

  it('notFoundAfterCreate hides a job younger than durationMs from GET, for `times` requests', async () => {
    // Durations far from the test's own pace: no race with how fast the machine is.
    sample.emulator.faults.add({ route: 'getJob', kind: 'notFoundAfterCreate', durationMs: 600_000, times: 1 });
    sample.emulator.faults.add({ route: 'getJob', kind: 'notFoundAfterCreate', durationMs: 0 });
    const job = (await create()).json;
    const get = () =>
      raw(sample.emulator, `/v1.0/servicePrincipals/${sample.box}/synchronization/jobs/${job.id}`, {
        token: sample.token,
      });
    assert.equal((await get()).status, 404);
    assert.equal((await get()).status, 200, 'a job older than durationMs (0) is found');
  });

  it('notFoundAfterCreate on listJobs leaves a new job out of the list', async () => {
    const before = await jobCount();
    sample.emulator.faults.add({ route: 'listJobs', kind: 'notFoundAfterCreate', durationMs: 600_000 });
    await create();
    assert.equal(await jobCount(), before);
    sample.emulator.faults.clear();
    assert.equal(await jobCount(), before + 1);
  });

  it('refuses fault values out of bounds with a message naming the limit', () => {
    for (const rule of [
      { route: 'createJob', kind: 'latency', latencyMs: 600_001 },
      { route: 'createJob', kind: 'latency', latencyMs: 1e10 },
      { route: 'getJob', kind: 'notFoundAfterCreate', durationMs: 86_400_000 },
      { route: 'createJob', kind: 'throttle', retryAfterSeconds: 3601 },
      { route: 'createJob', kind: 'throttle', times: 1e9 },
    ] as FaultRule[]) {
      assert.throws(() => sample.emulator.faults.add(rule), /must be a number from 0 to \d+/, JSON.stringify(rule));
    }
    assert.deepEqual(sample.emulator.faults.list(), []);
  });

  it('expireTokens expires every token issued so far; new tokens work', async () => {
    const old = await tokenFor(sample.emulator);
    sample.emulator.faults.add({ route: 'listServicePrincipals', kind: 'expireTokens', times: 1 });
    const rejected = await raw(sample.emulator, '/v1.0/servicePrincipals?$top=1', { token: old });
    assert.equal(rejected.status, 401);
    assert.equal(rejected.json.error.message, 'Lifetime validation failed, the token is expired.');
    assert.equal(
      (await raw(sample.emulator, '/v1.0/servicePrincipals?$top=1', { token: old })).status,
      401,
      'still expired',
    );
    const { json } = await raw(sample.emulator, `/${sample.emulator.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: sample.emulator.credentials.clientId,
        client_secret: sample.emulator.credentials.clientSecret,
        scope: 'https://graph.microsoft.com/.default',
      }).toString(),
    });
    assert.equal(
      (await raw(sample.emulator, '/v1.0/servicePrincipals?$top=1', { token: json.access_token })).status,
      200,
    );
    sample.token = json.access_token;
  });

  it('matches every route with *, and checks rules it is given', () => {
    sample.emulator.faults.add({ route: '*', kind: 'unavailable', times: 3 });
    assert.deepEqual(sample.emulator.faults.list(), [{ route: '*', kind: 'unavailable', times: 3 }]);
    const bad = [
      { route: 'everything', kind: 'throttle' },
      { route: '*', kind: 'explode' },
      { route: '*', kind: 'latency', latencyMs: -1 },
      { route: '*', kind: 'hang', when: 'later' },
    ];
    for (const rule of bad)
      assert.throws(() => sample.emulator.faults.add(rule as unknown as FaultRule), TypeError, JSON.stringify(rule));
  });
});
