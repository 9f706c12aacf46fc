// `npm run bench`: the speed targets, measured against the emulator over HTTPS and reported as round-trip counts
// and ratios (not pass/fail: tests assert behaviour, this reports cost). Results also go to test-results/bench.json.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { EmulatorControl, startEmulator, type RunningEmulator } from '../src/emulator';
import { listServicePrincipals, nextServicePrincipalPage } from '../src/graph/servicePrincipals';
import { getSynchronization, listJobs, listTemplates } from '../src/graph/synchronization';
import { scanTenant, type ScanMemory } from '../src/health/scan';
import { validateResponse } from '../src/schema';
import { roundTrips, sampleClient } from '../test/unit/graph/sampleClient';
import { provisioningRows } from './benchProvisioning';
import { scimTrafficRows } from './benchScimTraffic';
import { schemaEditingRows } from './benchSchemaEditing';

interface Row {
  measure: string;
  value: string;
  baseline: string;
  /** Text ("12x") in the older rows; a number in rows that CI compares against a goal. */
  ratio: string | number;
}

const rows: Row[] = [];
const record = (measure: string, value: number, baseline: number, unit: string, baselineName: string) =>
  rows.push({
    measure,
    value: `${round(value)} ${unit}`,
    baseline: `${round(baseline)} ${unit} (${baselineName})`,
    ratio: `${round(baseline / value)}x`,
  });
const round = (n: number) => (n >= 100 ? Math.round(n) : Math.round(n * 100) / 100);

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

async function listAll(
  emulator: RunningEmulator,
  pageSize: number,
): Promise<{ count: number; trips: number; ms: number }> {
  emulator.reset();
  const client = sampleClient(emulator);
  await listServicePrincipals(client, { onlyFromApplicationTemplates: false, pageSize: 1 }); // token and TLS warm-up
  emulator.reset();
  const { value: count, ms } = await timed(async () => {
    let page = await listServicePrincipals(client, { onlyFromApplicationTemplates: false, pageSize });
    let seen = page.items.length;
    while (page.nextLink) {
      page = await nextServicePrincipalPage(client, page.nextLink);
      seen += page.items.length;
    }
    return seen;
  });
  return { count, trips: roundTrips(emulator), ms };
}

async function expandServicePrincipal(emulator: RunningEmulator): Promise<void> {
  const client = sampleClient(emulator);
  const [box] = (
    await listServicePrincipals(client, { search: 'Box', onlyFromApplicationTemplates: true, pageSize: 1 })
  ).items;
  emulator.reset();
  await getSynchronization(client, box.id);
  const batchedTrips = roundTrips(emulator);
  emulator.reset();
  await Promise.all([listTemplates(client, box.id), listJobs(client, box.id)]);
  const separateTrips = roundTrips(emulator);
  record(
    'expand one service principal: round trips',
    batchedTrips,
    separateTrips,
    'round trips',
    'templates and jobs as 2 GETs',
  );
  // Elapsed time on loopback, alternating the two ways, median of 21 each: round trips cost little here; on a real
  // network each one adds Graph's latency.
  const batched: number[] = [];
  const separate: number[] = [];
  for (let i = 0; i < 21; i++) {
    batched.push((await timed(() => getSynchronization(client, box.id))).ms);
    separate.push((await timed(() => Promise.all([listTemplates(client, box.id), listJobs(client, box.id)]))).ms);
  }
  record(
    'expand one service principal: elapsed on loopback (median of 21)',
    median(batched),
    median(separate),
    'ms',
    '2 parallel GETs',
  );
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/**
 * The tenant scan at 100 ms per request: 5,000 service principals (half from an application template, about half of
 * those with a job in varied states). Against the naive way (one GET per service principal's jobs, one after the
 * other: timed on a sample and extrapolated, since it would take minutes) and against the limit (the fewest round
 * trips, pages + job lists / 20, spread over the requests in flight).
 */
async function scanRows(): Promise<void> {
  const latencyMs = 100;
  const concurrency = 8;
  // The emulator runs in a worker thread (its own core, as Graph runs on its own servers), driven by its control API.
  // Workers do not inherit tsx's loader: register its require hook, then load the TypeScript file.
  const entry = `require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, 'benchEmulatorWorker.ts'))});`;
  const worker = new Worker(entry, { eval: true, workerData: { servicePrincipalCount: 5000 } });
  const emulator = (await new Promise((resolve, reject) =>
    worker.once('message', resolve).once('error', reject),
  )) as RunningEmulator;
  const control = new EmulatorControl(emulator.url, emulator.tls.caCertPem);
  const trips = async () =>
    (await control.requests()).filter((e) => !e.inBatch && e.route !== 'token' && e.route !== 'openidConfiguration')
      .length;
  try {
    const client = sampleClient(emulator);
    // Warm-up without latency: token, TLS, JIT, and the emulator making its generated jobs (it does so on first read).
    for await (const event of scanTenant(client, { concurrency })) void event;
    await control.clearRequests();
    for (const route of ['listServicePrincipals', 'batch'] as const)
      await control.addFault({ route, kind: 'latency', latencyMs });
    const started = performance.now();
    let firstRowsMs = 0;
    let done: { pages: number; batches: number; jobListsRead: number; jobsFound: number } | undefined;
    let memory: ScanMemory | undefined;
    for await (const event of scanTenant(client, { concurrency })) {
      if (event.kind === 'rows' && !firstRowsMs) firstRowsMs = performance.now() - started;
      if (event.kind === 'done') ({ progress: done, memory } = event);
    }
    const scanMs = performance.now() - started;
    const roundTripCount = await trips();
    const { pages, jobListsRead } = done!;
    const limitMs = ((pages + Math.ceil(jobListsRead / 20)) / concurrency) * latencyMs;

    // The repeat scan, as the Health view's Scan Tenant makes it: the empty job lists of the first are not read again.
    await control.clearRequests();
    const repeatStarted = performance.now();
    let reused = 0;
    for await (const event of scanTenant(client, { concurrency, reuse: { memory: memory!, maxAgeMs: 3_600_000 } }))
      if (event.kind === 'done') reused = event.progress.jobListsReused;
    const repeatMs = performance.now() - repeatStarted;
    const repeatTrips = await trips();

    // Naive: the same pages, then one GET per service principal, sequentially; a sample of 40 GETs is timed.
    await control.reset();
    for (const route of ['listServicePrincipals', 'listJobs'] as const)
      await control.addFault({ route, kind: 'latency', latencyMs });
    const pageStarted = performance.now();
    let page = await listServicePrincipals(client, { onlyFromApplicationTemplates: true, pageSize: 999 });
    const ids = page.items.map((sp) => sp.id);
    while (page.nextLink) {
      page = await nextServicePrincipalPage(client, page.nextLink);
      ids.push(...page.items.map((sp) => sp.id));
    }
    const pagesMs = performance.now() - pageStarted;
    const sample = ids.slice(0, 40);
    const sampleStarted = performance.now();
    for (const id of sample) await listJobs(client, id);
    const naiveMs = pagesMs + ((performance.now() - sampleStarted) / sample.length) * ids.length;

    const detail = `${roundTripCount} round trips (${pages} pages + ${done!.batches} batches, ${concurrency} in flight), ${jobListsRead} job lists, ${done!.jobsFound} jobs; first rows after ${Math.round(firstRowsMs)} ms`;
    rows.push({
      measure: 'scan 5000 at 100 ms: vs naive',
      value: `${Math.round(scanMs)} ms; ${detail}`,
      baseline: `${Math.round(naiveMs)} ms (${ids.length} sequential GETs, extrapolated from ${sample.length}, + pages)`,
      ratio: round(naiveMs / scanMs),
    });
    rows.push({
      measure: 'scan 5000 at 100 ms: vs limit',
      value: `${Math.round(scanMs)} ms`,
      baseline: `${Math.round(limitMs)} ms ((${pages} + ceil(${jobListsRead} / 20)) / ${concurrency} x ${latencyMs} ms)`,
      ratio: round(scanMs / limitMs),
    });
    rows.push({
      measure: 'scan 5000 at 100 ms: repeat scan',
      value: `${Math.round(repeatMs)} ms; ${repeatTrips} round trips (${reused} empty job lists reused)`,
      baseline: `${Math.round(scanMs)} ms; ${roundTripCount} round trips (first scan)`,
      ratio: round(scanMs / repeatMs),
    });
    rows.push({
      measure: 'scan 5000 at 100 ms: first rows',
      value: `${Math.round(firstRowsMs)} ms`,
      baseline: '1000 ms (goal)',
      ratio: round(firstRowsMs / 1000),
    });
  } finally {
    worker.postMessage('close');
    await new Promise((resolve) => worker.once('exit', resolve));
  }
}

function validation(): void {
  const fixture = fs.readFileSync(path.join(__dirname, '..', 'test', 'fixtures', 'seeds', '004-response.http'), 'utf8');
  const text = fixture.slice(fixture.indexOf('{'));
  const request = {
    text,
    type: 'synchronizationJob' as const,
    version: 'v1.0' as const,
    expectation: { operation: 'createJob' as const, status: 201 },
  };
  const compile = validateResponse(request).timing.compileMs ?? 0;
  const samples: number[] = [];
  const parses: number[] = [];
  for (let i = 0; i < 500; i++) {
    samples.push(validateResponse(request).timing.validateMs);
    const started = performance.now();
    JSON.stringify(JSON.parse(text), null, 2);
    parses.push(performance.now() - started);
  }
  record(
    'validate one synchronizationJob response (median of 500)',
    median(samples),
    median(parses),
    'ms',
    'JSON.parse + pretty-print alone',
  );
  rows.push({
    measure: 'compile the synchronizationJob schema (once per version)',
    value: `${round(compile)} ms`,
    baseline: '-',
    ratio: '-',
  });
}

/** A synchronizationJob as Graph sends it (minified, valid), grown to about `bytes` with settings, progress and counts. */
function largeJob(bytes: number): string {
  const status = {
    code: 'Active',
    countSuccessiveCompleteFailures: 0,
    escrowsPruned: false,
    lastExecution: null,
    quarantine: null,
    progress: [] as object[],
    synchronizedEntryCountByType: [] as object[],
    troubleshootingUrl: null,
  };
  const job = {
    id: 'scim.b126ececd749434c915e443764450031.8f782d8a-3e2c-4a5b-9a1c-2f0e5a7b6c4d',
    templateId: 'scim',
    schedule: { expiration: null, interval: 'PT40M', state: 'Active' },
    status,
    synchronizationJobSettings: [] as object[],
  };
  const entryBytes = 330; // about what one round below adds
  for (let i = 0; i < bytes / entryBytes; i++) {
    job.synchronizationJobSettings.push({
      name: `ScopeFilterAttribute${i}`,
      value: `department eq 'Sales ${i}' and accountEnabled eq true`,
    });
    status.progress.push({
      completedUnits: i,
      totalUnits: i + 10,
      units: 'Objects',
      progressObservationDateTime: '2024-05-01T10:20:30.1234567Z',
    });
    status.synchronizedEntryCountByType.push({ key: `user.${i}`, value: i * 1000 });
  }
  return JSON.stringify(job);
}

// Real Graph bodies are minified and can be megabytes: validation must stay linear (1 MB takes about 10 times 100 KB).
function largeBodies(): void {
  const medians: number[] = [];
  for (const [label, bytes, runs] of [
    ['100 KB', 100_000, 21],
    ['1 MB', 1_000_000, 9],
    ['5 MB', 5_000_000, 5],
  ] as const) {
    const text = largeJob(bytes);
    const request = { text, type: 'synchronizationJob' as const, version: 'v1.0' as const };
    if (validateResponse(request).findings.length > 0) throw new Error(`the ${label} body should be valid`);
    const samples: number[] = [];
    const parses: number[] = [];
    for (let i = 0; i < runs; i++) {
      samples.push(validateResponse(request).timing.validateMs);
      const started = performance.now();
      JSON.stringify(JSON.parse(text), null, 2);
      parses.push(performance.now() - started);
    }
    const ms = median(samples);
    medians.push(ms);
    const measure = `validate a ${label} minified synchronizationJob (median of ${runs}; ${round(ms / (text.length / 1e6))} ms per MB)`;
    record(measure, ms, median(parses), 'ms', 'JSON.parse + pretty-print alone');
  }
  rows.push({
    measure: 'validate: time for 1 MB / time for 100 KB',
    value: `${round(medians[1] / medians[0])}x`,
    baseline: '10x (linear)',
    ratio: '-',
  });
}

/** The production bundles' sizes against issue 10's goals; the files loaded only on demand are listed beside them. */
function bundleSizes(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-sync-bundles-'));
  try {
    execFileSync(
      process.execPath,
      [path.join(__dirname, 'build.mjs'), '--production', '--only', 'extension,webview', '--outdir', dir],
      { stdio: 'ignore' },
    );
    const kb = (file: string) => fs.statSync(path.join(dir, file)).size / 1024;
    const goal = (file: string, limitKb: number, what: string) =>
      rows.push({
        measure: `${what} (${file}, minified)`,
        value: `${round(kb(file))} KB`,
        baseline: `${limitKb} KB (goal)`,
        ratio: `${round(limitKb / kb(file))}x`,
      });
    goal('extension.js', 600, 'extension bundle, loaded at activation');
    goal('webview.js', 100, 'webview bundle');
    goal('logsView.js', 100, 'provisioning logs webview bundle');
    goal('scimTrafficView.js', 100, 'SCIM traffic webview bundle');
    for (const [file, when] of [
      ['sampleTenantEmulator.js', 'the sample tenant starts'],
      ['azureIdentity.js', 'an @azure/identity sign-in gets its first token'],
      ['undici.js', 'a connection pins a CA (emulator)'],
    ]) {
      rows.push({
        measure: `loaded only when ${when} (${file})`,
        value: `${round(kb(file))} KB`,
        baseline: '-',
        ratio: '-',
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  bundleSizes();
  const emulator = await startEmulator({ servicePrincipalCount: 10_000 });
  try {
    await expandServicePrincipal(emulator);
    const paged = await listAll(emulator, 999);
    const small = await listAll(emulator, 100);
    rows.push({
      measure: `list ${paged.count} service principals: round trips`,
      value: `${paged.trips} round trips`,
      baseline: `${small.trips} round trips ($top=100)`,
      ratio: `${round(small.trips / paged.trips)}x`,
    });
    record(`list ${paged.count} service principals: elapsed`, paged.ms, small.ms, 'ms', '$top=100');
  } finally {
    await emulator.close();
  }
  validation();
  rows.push(...schemaEditingRows());
  rows.push(...(await provisioningRows()));
  rows.push(...scimTrafficRows());
  await scanRows();
  largeBodies();
  console.table(rows);
  const out = path.join(__dirname, '..', 'test-results', 'bench.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ node: process.version, at: new Date().toISOString(), rows }, null, 2));
  console.log(`written to ${path.relative(process.cwd(), out)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
