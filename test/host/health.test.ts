// The Provisioning Health view and the provisioning logs panel in a real VS Code, against the sample tenant.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension/extension';
import { jobUri } from '../../src/extension/health/healthDiagnostics';
import type { HealthNode } from '../../src/extension/health/healthItems';
import type { ScanOutcome } from '../../src/extension/health/healthView';
import { commandIds } from '../../src/extension/ids';
import { activatedServices, emulatorControl, signedIn, waitFor } from './support';

describe('The Provisioning Health view', () => {
  let services: TestApi;
  const control = emulatorControl();

  before(async () => {
    services = await activatedServices();
    await signedIn(services);
    // The tenant as seeded: earlier suites restart Slack's job (lifting its quarantine) and create others.
    await control.reset();
    // Jobs are judged at the emulator's time: its clock is manual.
    const clock = await control.clock();
    services.health.now = () => new Date(clock.now);
  });

  afterEach(() => control.clearFaults());

  it('lists the quarantined job first, with its days left, and puts its finding in the Problems panel', async () => {
    await vscode.commands.executeCommand(commandIds.scanTenant);
    const roots = services.health.getChildren();
    const first = roots[0];
    assert.equal(first?.kind, 'health.servicePrincipal');
    assert.equal(first.kind === 'health.servicePrincipal' && first.group.servicePrincipal.displayName, 'Slack');
    const [jobNode] = services.health.getChildren(first);
    assert.ok(jobNode?.kind === 'health.job');
    const quarantine = jobNode.row.health.quarantine;
    assert.ok(quarantine, 'the first job is in quarantine');
    const item = services.health.getTreeItem(jobNode);
    assert.match(String(item.description), /^quarantine \(EncounteredQuarantineException\) since 2025-01-14/);
    const left = quarantine.daysUntilDisabled;
    assert.match(String(item.description), left > 0 ? new RegExp(`${left} days until disabled`) : /disabled already/);
    assert.match(String(item.tooltip), /What to do: .*QuarantineState/);
    assert.equal(item.command?.command, commandIds.openScannedJob);

    const diagnostics = vscode.languages.getDiagnostics(jobUri(jobNode.row.servicePrincipal.id, jobNode.row.job.id));
    const error = diagnostics.find((d) => d.code === 'quarantine');
    assert.ok(error, 'a quarantine diagnostic');
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
    assert.match(error.message, /^Slack \(Slack\): In quarantine/);
    // The other views see what the scan read.
    assert.ok(services.store.job(jobNode.row.servicePrincipal.id, jobNode.row.job.id));
  });

  it('follows a scanned job changed elsewhere: a restart that lifts the quarantine clears its problem', async () => {
    await services.health.scan();
    const [slack] = services.health.getChildren();
    assert.ok(slack?.kind === 'health.servicePrincipal');
    const { servicePrincipal, job } = slack.group.rows[0];
    const uri = jobUri(servicePrincipal.id, job.id);
    assert.ok(vscode.languages.getDiagnostics(uri).some((d) => d.code === 'quarantine'));
    await services.jobs.restart({ servicePrincipal, job }, ['QuarantineState']);
    const row = services.health.current.row(servicePrincipal.id, job.id);
    assert.equal(row?.health.quarantine, undefined);
    assert.ok(!vscode.languages.getDiagnostics(uri).some((d) => d.code === 'quarantine'));
    await control.reset();
  });

  it('repeats a scan with fewer requests and the same findings, says what it reused, and Scan All reads all again', async () => {
    const findings = () =>
      services.health.current
        .groups()
        .flatMap((group) => group.rows.map((row) => `${row.job.id}: ${row.health.findings.map((f) => f.flag)}`));
    const jobListsAsked = async () =>
      (await control.requests()).filter((request) => request.route === 'listJobs' && request.inBatch).length;
    await control.clearRequests();
    const full = await vscode.commands.executeCommand<ScanOutcome>(commandIds.scanTenantFull);
    const fullAsked = await jobListsAsked();
    const fullFindings = findings();
    assert.equal(full?.progress?.jobListsReused, 0);
    assert.equal(services.health.view.message, undefined);

    // From the title bar: Scan Tenant repeats the scan with what the last one read.
    await control.clearRequests();
    const repeat = await vscode.commands.executeCommand<ScanOutcome>(commandIds.scanTenant);
    const reused = repeat?.progress?.jobListsReused ?? 0;
    assert.ok(reused > 0, 'the empty job lists of the last scan are reused');
    assert.equal(await jobListsAsked(), fullAsked - reused);
    assert.deepEqual(findings(), fullFindings);
    assert.match(
      String(services.health.view.message),
      new RegExp(`^${reused} service principals? without jobs not asked again .*Scan All reads every job list again`),
    );

    await control.clearRequests();
    const again = await vscode.commands.executeCommand<ScanOutcome>(commandIds.scanTenantFull);
    assert.equal(again?.progress?.jobListsReused, 0);
    assert.equal(await jobListsAsked(), fullAsked);
    assert.deepEqual(findings(), fullFindings);
    assert.equal(services.health.view.message, undefined);
  });

  it('stops at once when cancelled mid-scan', async () => {
    // The job lists never answer: the scan is stuck in flight until cancelled.
    await control.addFault({ route: 'batch', kind: 'hang' });
    await control.clearRequests();
    const scan = services.health.scan();
    const settled = scan.then(
      () => 'done',
      (error: unknown) => (error instanceof vscode.CancellationError ? 'cancelled' : `failed: ${String(error)}`),
    );
    await control.waitForRequest({ route: 'batch' });
    services.health.cancel();
    assert.equal(await settled, 'cancelled');
    assert.match(String(services.health.view.description), /^Cancelled/);
  });
});

describe('The provisioning logs panel', () => {
  let services: TestApi;
  const control = emulatorControl();

  before(async () => {
    services = await activatedServices();
    await signedIn(services);
  });

  after(() => {
    services.logs.pageSize = 200;
  });

  async function slackJob(): Promise<Extract<HealthNode, { kind: 'health.job' }>> {
    await services.health.scan();
    const slack = services.health
      .getChildren()
      .find((node) => node.kind === 'health.servicePrincipal' && node.group.servicePrincipal.displayName === 'Slack');
    assert.ok(slack);
    const [job] = services.health.getChildren(slack);
    assert.ok(job?.kind === 'health.job');
    return job;
  }

  it("shows a job's entries, filtered by that job on the server, and reads the next page as the table asks", async () => {
    const job = await slackJob();
    services.logs.pageSize = 2;
    await control.clearRequests();
    const renders: { loaded: number; inDom: number }[] = [];
    const subscription = services.logs.onDidRender((rendered) => renders.push(rendered));
    try {
      await vscode.commands.executeCommand(commandIds.showProvisioningLogs, job);
      // Two rows do not fill the table: it asks for the next page as scrolling to the end does.
      await waitFor('a second page in the table', () => renders.some((r) => r.loaded > 2));
    } finally {
      subscription.dispose();
    }
    const requests = (await control.requests()).filter((r) => r.route === 'listProvisioningLogs');
    assert.ok(requests.length >= 2, `${requests.length} log requests`);
    assert.match(decodeURIComponent(requests[0].query), new RegExp(`jobId eq '${job.row.job.id}'`));
    assert.match(requests[1].query, /skiptoken/i);
  });

  it("explains a refusal in the panel: the permission, how to get it, Graph's code and request-id", async () => {
    const job = await slackJob();
    const renders: { problem?: string }[] = [];
    const errors: string[] = [];
    const subscriptions = [
      services.logs.onDidRender((rendered) => renders.push(rendered)),
      services.ui.onDidShow((shown) => shown.severity === 'error' && errors.push(shown.text)),
    ];
    // An administrator revokes the app's AuditLog.Read.All: Graph now refuses its provisioning logs.
    await control.grantProvisioningLogs(false);
    try {
      await control.clearRequests();
      await vscode.commands.executeCommand(commandIds.showProvisioningLogs, job);
      const shown = await waitFor('the refusal in the panel', () => renders.find((r) => r.problem)?.problem);
      // Other views may read logs meanwhile (a job view counting a running cycle): every read is refused.
      const refused = (await control.requests()).filter((r) => r.route === 'listProvisioningLogs');
      assert.ok(refused.length > 0 && refused.every((r) => r.status === 403), JSON.stringify(refused));
      assert.match(
        shown,
        /Graph refused to read the provisioning logs \(403 Authorization_RequestDenied\): Insufficient privileges to complete the operation\./,
      );
      assert.match(shown, /needs AuditLog\.Read\.All or ProvisioningLog\.Read\.All/);
      assert.match(shown, /Ask an administrator to grant one of them .*admin consent/);
      assert.ok(
        refused.some((r) => shown.includes(`request-id: ${r.requestId}`)),
        shown,
      );
      // The panel's answer, not a failure of the extension: no error notification on top of it.
      assert.deepEqual(errors, []);
    } finally {
      for (const subscription of subscriptions) subscription.dispose();
      await control.grantProvisioningLogs(true);
    }
  });

  it('exports the entries as CSV, page by page', async () => {
    const job = await slackJob();
    await vscode.commands.executeCommand(commandIds.showProvisioningLogs, job);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'graph-sync-logs-')), 'logs.csv');
    services.ui.answers.save.push(vscode.Uri.file(file));
    await services.logs.export('csv');
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\r\n');
    assert.match(lines[0], /^Date,Service principal,Service principal id,Job id,/);
    assert.ok(lines.length > 1, 'entries follow the header');
    for (const line of lines.slice(1)) assert.ok(line.includes(job.row.job.id), line);
  });
});
