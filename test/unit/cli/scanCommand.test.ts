// `graph-sync scan` in process against the emulator: exit codes, output formats, SARIF shape.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/graphSync';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { deleteJob, listJobs } from '../../../src/graph/synchronization';
import { listServicePrincipals } from '../../../src/graph/servicePrincipals';
import { sampleClient } from '../graph/sampleClient';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

async function graphSync(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    readFile: async (path) => readFileSync(path),
    writeFile: async (path, text) => writeFileSync(path, text),
    readStdin: async () => new Uint8Array(),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
  });
  return { status, stdout, stderr };
}

describe('graph-sync scan', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let emulatorArgs: string[];

  before(async () => {
    emulator = await startEmulator({ servicePrincipalCount: 200 });
    const ca = join(mkdtempSync(join(tmpdir(), 'graph-sync-scan-')), 'ca.pem');
    writeFileSync(ca, emulator.tls.caCertPem);
    emulatorArgs = ['scan', '--emulator', emulator.url, '--emulator-ca', ca];
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('prints findings worst first and exits 1 when a job is in quarantine or failing', async () => {
    const run = await graphSync(emulatorArgs);
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^error: /);
    assert.ok(
      lines.some((line) =>
        /^error: Slack \[Slack\.[^\]]+\]: In quarantine \(EncounteredQuarantineException\)/.test(line),
      ),
      run.stdout,
    );
    assert.match(lines.at(-1)!, /^\d+ service principals, \d+ jobs: \d+ with errors/);
    assert.match(run.stderr, /scanned in/);
  });

  it('exits 0 when nothing is in quarantine or failing (warnings and notes allowed)', async () => {
    // A small tenant: the sample tenant's own service principals only, then its quarantined job removed.
    await emulator.close();
    emulator = await startEmulator({ tls: emulator.tls });
    emulatorArgs[2] = emulator.url;
    const fresh = sampleClient(emulator);
    const [slack] = (
      await listServicePrincipals(fresh, { search: 'Slack', onlyFromApplicationTemplates: true, pageSize: 5 })
    ).items;
    for (const job of await listJobs(fresh, slack.id)) await deleteJob(fresh, slack.id, job.id);
    const run = await graphSync([...emulatorArgs, '--json']);
    assert.equal(run.status, 0, run.stdout);
    const report = JSON.parse(run.stdout);
    assert.ok(report.jobs.length >= 2);
    assert.ok(report.jobs.every((job: { severity: string }) => job.severity !== 'error'));
    assert.ok(report.jobs.some((job: { severity: string }) => job.severity === 'warning'));
  });

  it('writes SARIF 2.1.0 with the fields the SARIF viewer needs', async () => {
    const run = await graphSync([...emulatorArgs, '--sarif']);
    assert.equal(run.status, 1);
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    const [theRun] = sarif.runs;
    assert.equal(theRun.tool.driver.name, 'graph-sync');
    const ruleIds = theRun.tool.driver.rules.map((rule: { id: string }) => rule.id);
    assert.ok(ruleIds.includes('quarantine') && ruleIds.includes('failing'));
    assert.ok(theRun.results.length > 0);
    for (const result of theRun.results) {
      assert.equal(ruleIds[result.ruleIndex], result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.ok(result.message.text.length > 0);
      const [location] = result.locations;
      assert.match(
        location.physicalLocation.artifactLocation.uri,
        /^https:\/\/127\.0\.0\.1:\d+\/v1\.0\/servicePrincipals\/[^/]+\/synchronization\/jobs\/[^/]+$/,
      );
      assert.match(
        location.logicalLocations[0].fullyQualifiedName,
        /^servicePrincipals\/.+\/synchronization\/jobs\/.+$/,
      );
    }
    assert.ok(
      theRun.results.some((r: { ruleId: string; level: string }) => r.ruleId === 'quarantine' && r.level === 'error'),
    );
  });

  it('exits 2 on usage errors, with the scan usage', async () => {
    for (const args of [
      ['scan'],
      ['scan', '--tenant', 't', '--cloud', 'Mars'],
      [...emulatorArgs, '--json', '--sarif'],
      ['scan', '--tenant', 't', '--auth', 'certificate', '--client-id', 'c'],
      ['scan', '--emulator', 'https://example.com'],
    ]) {
      const run = await graphSync(args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /Usage: graph-sync scan/);
    }
    const help = await graphSync(['scan', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: graph-sync scan/);
  });

  it('takes the client secret from GRAPH_SYNC_CLIENT_SECRET only, and says so when it is missing', async () => {
    const run = await graphSync([
      'scan',
      '--tenant',
      'contoso.example',
      '--auth',
      'client-secret',
      '--client-id',
      '11111111-1111-1111-1111-111111111111',
    ]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /GRAPH_SYNC_CLIENT_SECRET/);
  });

  it('exits 2 with code, request-id and what to do when the scan cannot run', async () => {
    emulator.faults.add({ route: 'listServicePrincipals', kind: 'throttle', retryAfterSeconds: 0 });
    const run = await graphSync(emulatorArgs);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /the scan failed: Graph returned 429 TooManyRequests.*request-id [0-9a-f-]+/);
  });

  it('with --reuse keeps what it read in a file, and the next scan asks fewer job lists for the same findings', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'graph-sync-reuse-')), 'scan-memory.json');
    const jobListsAsked = () => emulator.requests.count({ route: 'listJobs' });
    const first = await graphSync([...emulatorArgs, '--json', '--reuse', file]);
    assert.equal(first.status, 1, first.stderr);
    const fullAsked = jobListsAsked();
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { tenant: string; withoutJobs: string[] };
    assert.equal(kept.tenant, emulator.tenantId);
    assert.ok(kept.withoutJobs.length > 0);
    assert.doesNotMatch(first.stderr, /not asked again/);

    emulator.requests.clear();
    const second = await graphSync([...emulatorArgs, '--json', '--reuse', file]);
    assert.equal(second.status, 1, second.stderr);
    assert.equal(jobListsAsked(), fullAsked - kept.withoutJobs.length);
    assert.match(
      second.stderr,
      new RegExp(`${kept.withoutJobs.length} service principals without jobs not asked again`),
    );
    const findings = (run: Run) =>
      (JSON.parse(run.stdout) as { jobs: { job: { id: string }; findings: { flag: string }[] }[] }).jobs.map(
        (row) => `${row.job.id}: ${row.findings.map((finding) => finding.flag).join(',')}`,
      );
    assert.deepEqual(findings(second), findings(first));

    // Another tenant's file (or anything else) is not reused.
    writeFileSync(file, JSON.stringify({ ...kept, tenant: 'another-tenant' }));
    emulator.requests.clear();
    const other = await graphSync([...emulatorArgs, '--json', '--reuse', file]);
    assert.equal(jobListsAsked(), fullAsked);
    assert.match(other.stderr, /is not a scan of this tenant; reading every job list/);
  });
});
