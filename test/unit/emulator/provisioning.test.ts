import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { seedJobs, sampleServicePrincipals } from '../../../src/emulator/sampleTenant';
import { synchronizationSchema } from '../../../src/emulator/sampleSchema';
import { templateCatalog } from '../../../src/emulator/sampleTemplates';
import { sampleUsers } from '../../../src/emulator/sampleDirectory';
import { raw, tokenFor } from './support';

// The seeded Salesforce job is Active and saves the sample SCIM server's address: its cycles provision for real.
const seeded = seedJobs.find((job) => job.templateId === 'SfOutDelta')!;
const spName = sampleServicePrincipals.find((sp) => sp.id === seeded.servicePrincipalId)!.displayName;
const inScope = sampleUsers.filter((user) => user.department !== null);
const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('emulator: job cycles provision to the sample SCIM server (engine, SCIM traffic, status)', function () {
  // A cycle is ~100 real HTTP requests: generous on a busy 2-core CI machine (no timing is asserted).
  this.timeout(90_000);
  let emulator: RunningEmulator;
  let token: string;
  before(async () => {
    emulator = await startEmulator({ clock: 'manual', scimServer: true });
    token = await tokenFor(emulator);
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  const jobPath = `/v1.0/servicePrincipals/${seeded.servicePrincipalId}/synchronization/jobs/${seeded.id}`;
  /** Runs the job's next cycle: advance the clock to it, wait for the engine to finish. */
  async function cycle() {
    const done = emulator.cycles.next(seeded.id);
    emulator.clock.advance(emulator.clock.cycleSeconds * 1000);
    return done;
  }
  const scimUser = (upn: string) => emulator.scim!.users().find((user) => user.userName === upn)!;
  async function putSchema(change: (schema: ReturnType<typeof synchronizationSchema>) => void) {
    const schema = synchronizationSchema(seeded.id, templateCatalog.get('SfOutDelta')!, spName);
    change(schema);
    const answer = await raw(emulator, `${jobPath}/schema`, { method: 'PUT', token, body: schema });
    assert.equal(answer.status, 204);
  }
  const userMapping = (schema: ReturnType<typeof synchronizationSchema>, target: string) =>
    schema.synchronizationRules[0].objectMappings[0].attributeMappings.find((m) => m.targetAttributeName === target)!;

  it('a full cycle creates the in-scope users with their mapped attributes, and the groups with their members', async () => {
    const report = await cycle();
    assert.deepEqual([report.state, report.statusCode], ['Succeeded', 'Active']);
    const users = emulator.scim!.users();
    assert.deepEqual(users.map((u) => u.userName).sort(), inScope.map((u) => u.userPrincipalName).sort());
    const adele = sampleUsers[0];
    const created = scimUser(adele.userPrincipalName);
    assert.deepEqual(created.name, { givenName: adele.givenName, familyName: adele.surname });
    assert.equal(created.active, true);
    assert.equal(created.title, adele.jobTitle);
    assert.equal((created[enterprise] as { department: string }).department, adele.department);
    assert.deepEqual(created.emails, [{ type: 'work', value: adele.mail, primary: true }]);
    const pilot = emulator.scim!.groups().find((group) => group.displayName === 'SCIM Pilot Users')!;
    assert.equal((pilot.members as unknown[]).length, 4);

    const job = (await raw(emulator, jobPath, { token })).json;
    assert.equal(job.status.code, 'Active');
    assert.equal(job.status.lastExecution.countExported, inScope.length + 4);
    assert.equal(job.status.lastExecution.countEscrowed, 0);
    const traffic = emulator.scimTraffic(seeded.id)!;
    const first = traffic.value[0];
    assert.equal(first.method, 'GET');
    assert.match(decodeURIComponent(first.url), /\/Users\?filter=userName eq "adele\.vance@contoso\.example"$/);
    assert.equal(first.requestHeaders.Authorization, 'Bearer ****', 'the bearer is masked');
    assert.ok(traffic.value.some((e) => e.method === 'POST' && e.status === 201));

    const logs = await raw(
      emulator,
      `/v1.0/auditLogs/provisioning?$filter=${encodeURIComponent(`jobId eq '${seeded.id}'`)}&$top=1000`,
      { token },
    );
    const created0 = logs.json.value.find((e: any) => e.sourceIdentity.id === adele.id);
    assert.equal(created0.provisioningAction, 'create');
    assert.ok(
      created0.modifiedProperties.some(
        (p: any) => p.displayName === 'userName' && p.newValue === adele.userPrincipalName,
      ),
    );
  });

  it('a changed user is patched; a user out of scope is disabled; the next cycle is steady', async () => {
    await cycle();
    const [changed, leaving] = [inScope[0], inScope[1]];
    emulator.directory.updateUser(changed.id, { jobTitle: 'Principal Engineer' });
    emulator.directory.updateUser(leaving.id, { department: null });
    const report = await cycle();
    assert.equal(report.state, 'Succeeded');
    assert.equal(scimUser(changed.userPrincipalName).title, 'Principal Engineer');
    assert.equal(scimUser(leaving.userPrincipalName).active, false);
    const patches = emulator
      .scimTraffic(seeded.id)!
      .value.filter((e) => e.method === 'PATCH' && e.url.includes('/Users/'));
    assert.deepEqual(
      patches.map((e) => (e.requestBody as any).Operations),
      [
        [{ op: 'replace', path: 'title', value: 'Principal Engineer' }],
        [{ op: 'replace', path: 'active', value: false }],
      ],
    );
    await cycle();
    const steady = (await raw(emulator, jobPath, { token })).json.status;
    assert.equal(steady.lastExecution.countExported, 0);
    assert.notEqual(steady.steadyStateLastAchievedTime, '0001-01-01T00:00:00Z');
  });

  it('an expression error escrows the entry; past the escrow threshold the job is quarantined', async () => {
    // Only "Sales Manager" has two words: those users fail SingleAppRoleAssignment.
    await putSchema(
      (schema) => (userMapping(schema, 'title').source.expression = 'SingleAppRoleAssignment(Split([jobTitle], " "))'),
    );
    const some = await cycle();
    assert.deepEqual([some.state, some.statusCode], ['EntryLevelErrors', 'Active']);
    const escrowed = inScope.filter((user) => user.jobTitle === 'Sales Manager').length;
    assert.equal((await raw(emulator, jobPath, { token })).json.status.lastExecution.countEscrowed, escrowed);

    await putSchema(
      (schema) =>
        (userMapping(schema, 'title').source.expression = 'SingleAppRoleAssignment(Split([displayName], " "))'),
    );
    const all = await cycle();
    assert.equal(all.statusCode, 'Quarantine');
    const status = (await raw(emulator, jobPath, { token })).json.status;
    assert.equal(status.quarantine.reason, 'EncounteredEscrowProportionThreshold');
    assert.equal(status.lastExecution.countEscrowed, inScope.length);
  });

  it('holds back disables past the accidental-deletion threshold and quarantines the job with TooManyDeletes', async () => {
    await cycle();
    const secrets = `/v1.0/servicePrincipals/${seeded.servicePrincipalId}/synchronization/secrets`;
    const notification = JSON.stringify({ DeleteThresholdEnabled: true, DeleteThresholdValue: 2 });
    await raw(emulator, secrets, {
      method: 'PUT',
      token,
      body: { value: [{ key: 'SyncNotificationSettings', value: notification }] },
    });
    for (const user of inScope.slice(0, 3)) emulator.directory.updateUser(user.id, { department: null });
    const report = await cycle();
    assert.equal(report.statusCode, 'Quarantine');
    const status = (await raw(emulator, jobPath, { token })).json.status;
    assert.equal(status.quarantine.reason, 'TooManyDeletes');
    assert.ok(
      inScope.slice(0, 3).every((user) => scimUser(user.userPrincipalName).active === true),
      'none disabled',
    );
  });

  it('retries a 429 from the SCIM server after its Retry-After, on the emulator clock', async () => {
    emulator.scim!.faults.add({ status: 429, retryAfter: 30, times: 1 });
    const throttled = emulator.cycles.nextThrottle(seeded.id);
    const done = cycle();
    const { retryAt } = await throttled;
    assert.equal(Date.parse(retryAt) - emulator.clock.now(), 30_000);
    emulator.clock.advance(30_000);
    const report = await done;
    assert.equal(report.state, 'Succeeded');
    const statuses = emulator
      .scimTraffic(seeded.id)!
      .value.slice(0, 2)
      .map((e) => [e.status, e.responseHeaders['retry-after']]);
    assert.deepEqual(statuses, [
      [429, '30'],
      [200, undefined],
    ]);
    assert.equal(emulator.scim!.users().length, inScope.length);
  });

  it('provision on demand for one user answers its steps with the SCIM requests', async () => {
    const user = inScope[2];
    const answer = await raw(emulator, `${jobPath}/provisionOnDemand`, {
      method: 'POST',
      token,
      body: { parameters: [{ ruleId: 'SfOutDelta', subjects: [{ objectId: user.id, objectTypeName: 'User' }] }] },
    });
    assert.equal(answer.status, 200);
    const value = JSON.parse(answer.json.value);
    assert.equal(JSON.parse(answer.json.key).result, 'Success');
    assert.equal(value.action, 'Create');
    const steps = value.provisioningSteps.map((s: any) => `${s.type}:${s.status}`);
    assert.deepEqual(steps, ['Import:Success', 'Scoping:Success', 'Matching:Success', 'Export:Success']);
    const matching = value.provisioningSteps[2];
    assert.match(matching.details.SCIMRequest, /^GET .*\/Users\?filter=/);
    assert.match(value.provisioningSteps[3].details.SCIMRequest, /^POST .*\/Users\n/);
    assert.match(value.provisioningSteps[3].details.SCIMResponse, /^201\n/);
    assert.deepEqual(
      emulator.scim!.users().map((u) => u.userName),
      [user.userPrincipalName],
    );
  });

  it('refuses a BaseAddress that is not on this machine, and records why in the cycle', async () => {
    const secrets = `/v1.0/servicePrincipals/${seeded.servicePrincipalId}/synchronization/secrets`;
    await raw(emulator, secrets, {
      method: 'PUT',
      token,
      body: { value: [{ key: 'BaseAddress', value: 'https://scim.example.com/scim' }] },
    });
    const report = await cycle();
    assert.equal(report.statusCode, 'Quarantine');
    const status = (await raw(emulator, jobPath, { token })).json.status;
    assert.equal(status.lastExecution.error.code, 'SystemForCrossDomainIdentityManagementEndpointRefused');
    assert.match(status.lastExecution.error.message, /only provisions to SCIM endpoints on this machine/);
    assert.equal(emulator.scim!.requests().length, 0);
  });
});
