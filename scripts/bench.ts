// `npm run bench`: the speed targets, measured against the emulator over HTTPS and reported as round-trip counts
// and ratios (not pass/fail: tests assert behaviour, this reports cost). Results also go to test-results/bench.json.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator, type RunningEmulator } from '../src/emulator';
import { listServicePrincipals, nextServicePrincipalPage } from '../src/graph/servicePrincipals';
import { getSynchronization, listJobs, listTemplates } from '../src/graph/synchronization';
import { validateResponse } from '../src/schema';
import { roundTrips, sampleClient } from '../test/unit/graph/sampleClient';

interface Row {
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
}

const rows: Row[] = [];
const record = (measure: string, value: number, baseline: number, unit: string, baselineName: string) =>
  rows.push({ measure, value: `${round(value)} ${unit}`, baseline: `${round(baseline)} ${unit} (${baselineName})`, ratio: `${round(baseline / value)}x` });
const round = (n: number) => (n >= 100 ? Math.round(n) : Math.round(n * 100) / 100);

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

async function listAll(emulator: RunningEmulator, pageSize: number): Promise<{ count: number; trips: number; ms: number }> {
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
  const [box] = (await listServicePrincipals(client, { search: 'Box', onlyFromApplicationTemplates: true, pageSize: 1 })).items;
  emulator.reset();
  await getSynchronization(client, box.id);
  const batchedTrips = roundTrips(emulator);
  emulator.reset();
  await Promise.all([listTemplates(client, box.id), listJobs(client, box.id)]);
  const separateTrips = roundTrips(emulator);
  record('expand one service principal: round trips', batchedTrips, separateTrips, 'round trips', 'templates and jobs as 2 GETs');
  // Elapsed time on loopback, alternating the two ways, median of 21 each: round trips cost little here; on a real
  // network each one adds Graph's latency.
  const batched: number[] = [];
  const separate: number[] = [];
  for (let i = 0; i < 21; i++) {
    batched.push((await timed(() => getSynchronization(client, box.id))).ms);
    separate.push((await timed(() => Promise.all([listTemplates(client, box.id), listJobs(client, box.id)]))).ms);
  }
  record('expand one service principal: elapsed on loopback (median of 21)', median(batched), median(separate), 'ms', '2 parallel GETs');
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

function validation(): void {
  const fixture = fs.readFileSync(path.join(__dirname, '..', 'test', 'fixtures', 'seeds', '004-response.http'), 'utf8');
  const text = fixture.slice(fixture.indexOf('{'));
  const request = { text, type: 'synchronizationJob' as const, version: 'v1.0' as const, expectation: { operation: 'createJob' as const, status: 201 } };
  const compile = validateResponse(request).timing.compileMs ?? 0;
  const samples: number[] = [];
  const parses: number[] = [];
  for (let i = 0; i < 500; i++) {
    samples.push(validateResponse(request).timing.validateMs);
    const started = performance.now();
    JSON.stringify(JSON.parse(text), null, 2);
    parses.push(performance.now() - started);
  }
  record('validate one synchronizationJob response (median of 500)', median(samples), median(parses), 'ms', 'JSON.parse + pretty-print alone');
  rows.push({ measure: 'compile the synchronizationJob schema (once per version)', value: `${round(compile)} ms`, baseline: '-', ratio: '-' });
}

/** The production bundles' sizes against issue 10's goals; the files loaded only on demand are listed beside them. */
function bundleSizes(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-sync-bundles-'));
  try {
    execFileSync(process.execPath, [path.join(__dirname, 'build.mjs'), '--production', '--only', 'extension,webview', '--outdir', dir], { stdio: 'ignore' });
    const kb = (file: string) => fs.statSync(path.join(dir, file)).size / 1024;
    const goal = (file: string, limitKb: number, what: string) =>
      rows.push({ measure: `${what} (${file}, minified)`, value: `${round(kb(file))} KB`, baseline: `${limitKb} KB (goal)`, ratio: `${round(limitKb / kb(file))}x` });
    goal('extension.js', 600, 'extension bundle, loaded at activation');
    goal('webview.js', 100, 'webview bundle');
    for (const [file, when] of [
      ['sampleTenantEmulator.js', 'the sample tenant starts'],
      ['azureIdentity.js', 'an @azure/identity sign-in gets its first token'],
      ['undici.js', 'a connection pins a CA (emulator)'],
    ]) {
      rows.push({ measure: `loaded only when ${when} (${file})`, value: `${round(kb(file))} KB`, baseline: '-', ratio: '-' });
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
    rows.push({ measure: `list ${paged.count} service principals: round trips`, value: `${paged.trips} round trips`, baseline: `${small.trips} round trips ($top=100)`, ratio: `${round(small.trips / paged.trips)}x` });
    record(`list ${paged.count} service principals: elapsed`, paged.ms, small.ms, 'ms', '$top=100');
  } finally {
    await emulator.close();
  }
  validation();
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
