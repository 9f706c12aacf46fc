import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { scanTenant, type ScanEvent } from '../../../src/health/scan';
import { collectScan } from '../../../src/health/scanReport';
import { roundTrips, sampleClient } from '../graph/sampleClient';

describe('health scan (against the emulator)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  /** Service principals from an application template, and how many jobs they have, straight from the emulator. */
  let templateServicePrincipals: number;

  before(async () => {
    emulator = await startEmulator({ servicePrincipalCount: 400 });
    const client = sampleClient(emulator);
    const first = await collectScan(scanTenant(client));
    templateServicePrincipals = first.progress.servicePrincipalsTotal!;
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('reads every job list once, 20 per $batch, in pages of 999, and judges every job', async () => {
    const result = await collectScan(scanTenant(sampleClient(emulator), { concurrency: 4 }));
    const listed = emulator.requests.entries().filter((e) => e.route === 'listServicePrincipals');
    assert.equal(listed.length, 1);
    assert.match(decodeURIComponent(listed[0].query), /\$top=999/);
    assert.match(decodeURIComponent(listed[0].query), /applicationTemplateId ne null/);
    assert.equal(emulator.requests.count({ route: 'listJobs', inBatch: true }), templateServicePrincipals);
    assert.equal(emulator.requests.count({ route: 'listJobs', inBatch: false }), 0);
    assert.equal(result.progress.batches, Math.ceil(templateServicePrincipals / 20));
    assert.equal(roundTrips(emulator), 1 + Math.ceil(templateServicePrincipals / 20));
    assert.equal(result.progress.jobListsRead, templateServicePrincipals);
    assert.equal(result.rows.length, result.progress.jobsFound);
    // The generator's mix shows up, worst first.
    const flags = new Set(result.rows.flatMap((row) => row.health.findings.map((f) => f.flag)));
    for (const flag of ['quarantine', 'failing', 'stale', 'paused', 'neverStarted', 'legacyTemplate'])
      assert.ok(flags.has(flag as never), flag);
    assert.equal(result.rows[0].health.severity, 'error');
    assert.equal(result.rows.at(-1)!.health.severity, 'ok');
    assert.deepEqual(result.problems, []);
  });

  it('shows the first service principals before their jobs are read', async () => {
    const kinds: ScanEvent['kind'][] = [];
    for await (const event of scanTenant(sampleClient(emulator), { pageSize: 100 })) kinds.push(event.kind);
    assert.equal(kinds[0], 'servicePrincipals');
    assert.ok(kinds.indexOf('rows') > 0);
    assert.equal(kinds.at(-1), 'done');
  });

  it('retries the throttled half of a batch after Retry-After and loses nothing', async () => {
    const expected = await collectScan(scanTenant(sampleClient(emulator)));
    emulator.reset();
    emulator.faults.add({ route: 'listJobs', kind: 'throttle', times: 10, retryAfterSeconds: 0 });
    const result = await collectScan(scanTenant(sampleClient(emulator), { concurrency: 1 }));
    assert.equal(emulator.requests.count({ route: 'listJobs', status: 429 }), 10);
    assert.equal(emulator.requests.count({ route: 'listJobs', inBatch: true }), templateServicePrincipals + 10);
    assert.deepEqual(
      result.rows.map((row) => row.job.id),
      expected.rows.map((row) => row.job.id),
    );
    assert.deepEqual(result.problems, []);
  });

  it('reports a service principal deleted mid-scan and goes on', async () => {
    let deleted: string | undefined;
    const problems: string[] = [];
    let done = false;
    for await (const event of scanTenant(sampleClient(emulator), { pageSize: 50, concurrency: 2 })) {
      // At a page's event none of its job lists has been asked for yet: delete one of them now.
      if (event.kind === 'servicePrincipals' && !deleted) {
        deleted = event.servicePrincipals[3].id;
        assert.ok(emulator.deleteServicePrincipal(deleted));
      }
      if (event.kind === 'problem')
        problems.push(`${event.problem.kind} ${event.problem.servicePrincipal.id} ${event.problem.error.status}`);
      if (event.kind === 'done') done = true;
    }
    assert.deepEqual(problems, [`deleted ${deleted} 404`]);
    assert.ok(done);
  });

  it('stops at once when cancelled: nothing new is sent and the iteration throws the abort reason', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled by the test');
    let rowsSeen = 0;
    await assert.rejects(async () => {
      for await (const event of scanTenant(sampleClient(emulator), {
        pageSize: 50,
        concurrency: 2,
        signal: controller.signal,
      })) {
        if (event.kind === 'rows') {
          rowsSeen++;
          controller.abort(reason);
        }
      }
    }, reason);
    assert.equal(rowsSeen, 1);
    // At most the batches in flight when the first rows came (two slots, one used by the next page).
    assert.ok(
      emulator.requests.count({ route: 'batch' }) <= 3,
      `${emulator.requests.count({ route: 'batch' })} batches`,
    );
    assert.ok(emulator.requests.count({ route: 'listJobs' }) < templateServicePrincipals);
  });

  it('reuses, when asked, the empty job lists of a recent scan: fewer round trips, the same findings', async () => {
    const full = await collectScan(scanTenant(sampleClient(emulator)));
    const fullTrips = roundTrips(emulator);
    const withoutJobs = full.memory.withoutJobs.size;
    assert.ok(withoutJobs > 0 && withoutJobs < templateServicePrincipals, `${withoutJobs} without jobs`);
    assert.equal(fullTrips, 1 + Math.ceil(templateServicePrincipals / 20));
    emulator.reset();
    const repeat = await collectScan(
      scanTenant(sampleClient(emulator), { reuse: { memory: full.memory, maxAgeMs: 60_000 } }),
    );
    // The page of service principals is read again; only the job lists that were empty are not.
    assert.equal(roundTrips(emulator), 1 + Math.ceil((templateServicePrincipals - withoutJobs) / 20));
    assert.ok(roundTrips(emulator) < fullTrips);
    assert.equal(emulator.requests.count({ route: 'listJobs' }), templateServicePrincipals - withoutJobs);
    assert.equal(repeat.progress.jobListsReused, withoutJobs);
    assert.equal(repeat.progress.jobListsRead, templateServicePrincipals - withoutJobs);
    const findings = (result: typeof full) =>
      result.rows.map((row) => `${row.job.id} ${row.health.findings.map((f) => f.flag).join(',')}`);
    assert.deepEqual(findings(repeat), findings(full));
    // A repeat of a repeat does not make the old empty lists look fresh: the memory keeps when they were read.
    assert.equal(repeat.memory.at, full.memory.at);
    assert.deepEqual([...repeat.memory.withoutJobs].sort(), [...full.memory.withoutJobs].sort());

    emulator.reset();
    const expired = await collectScan(
      scanTenant(sampleClient(emulator), {
        reuse: { memory: { ...full.memory, at: full.memory.at - 120_000 }, maxAgeMs: 60_000 },
      }),
    );
    assert.equal(expired.progress.jobListsReused, 0);
    assert.equal(roundTrips(emulator), fullTrips);
  });
});
