import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { sampleUsers } from '../../../src/emulator/sampleDirectory';
import { sampleTenant, seedJobs } from '../../../src/emulator/sampleTenant';
import { GraphClient } from '../../../src/graph/client';
import { nationalClouds } from '../../../src/graph/clouds';
import { readScimTraffic } from '../../../src/scimTraffic/readScimTraffic';
import { describeTraffic, TrafficList } from '../../../src/views/scimTrafficView';
import { sampleClient } from '../graph/sampleClient';

// The seeded Salesforce job is Active and, with the sample SCIM server running, saves its address and the working
// SecretToken: each cycle provisions the sample users to it for real.
const salesforceJob = seedJobs.find((job) => job.templateId === 'SfOutDelta')!;
const adele = sampleUsers[0];

describe('SCIM traffic: a job’s last cycle read from the emulator (masked, checked)', function () {
  // A cycle is ~100 real HTTP requests: generous on a busy 2-core CI machine (no timing is asserted).
  this.timeout(90_000);
  let emulator: RunningEmulator;
  let client: GraphClient;
  before(async () => {
    emulator = await startEmulator({ clock: 'manual', scimServer: true });
    client = sampleClient(emulator);
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  async function cycle(): Promise<void> {
    const done = emulator.cycles.next(salesforceJob.id);
    emulator.clock.advance(emulator.clock.cycleSeconds * 1000);
    await done;
  }

  it('before any cycle: nothing to show, and where the sample SCIM server is', async () => {
    const reading = await readScimTraffic(client, salesforceJob.id);
    assert.equal(reading.kind, 'none');
    assert.equal(reading.kind === 'none' && reading.scimBaseAddress, emulator.scim!.baseAddress);
    const state = describeTraffic('SCIM traffic', reading);
    assert.equal(state.kind, 'empty');
    assert.match(state.message, /^No cycle has run against a SCIM endpoint yet\./);
    assert.ok(state.hint?.includes(emulator.scim!.baseAddress), state.hint);
  });

  it('after a cycle: every request in order, the POST /Users bodies with the mapped attributes, the bearer masked', async () => {
    await cycle();
    const reading = await readScimTraffic(client, salesforceJob.id);
    assert.equal(reading.kind, 'traffic');
    if (reading.kind !== 'traffic') return;
    const { record } = reading;
    const served = emulator.scimTraffic(salesforceJob.id)!;
    assert.deepEqual(record.problems, []);
    assert.equal(record.cycle.jobId, salesforceJob.id);
    assert.equal(record.cycle.cycleId, served.cycleId);
    assert.deepEqual(
      record.exchanges.map((exchange) => `${exchange.method} ${exchange.url} ${exchange.status}`),
      served.value.map((exchange) => `${exchange.method} ${exchange.url} ${exchange.status}`),
    );
    assert.ok(record.exchanges.every((exchange) => exchange.requestHeaders.Authorization === 'Bearer ****'));
    assert.ok(!JSON.stringify(record).includes(sampleTenant.scimCredentials.SecretToken), 'no SecretToken anywhere');

    const list = new TrafficList(record.exchanges);
    const posts = list.rows({ method: 'POST', status: '2xx', text: '' });
    assert.ok(posts.length > 0 && posts.every((row) => row.path === '/scim/Users' || row.path === '/scim/Groups'));
    const [adelesPost] = list.rows({ method: 'POST', status: '', text: adele.userPrincipalName });
    const detail = list.detail(adelesPost.index)!;
    assert.match(detail.request, /^POST http:\/\/127\.0\.0\.1:\d+\/scim\/Users\nAccept: application\/scim\+json/);
    assert.match(detail.request, /\nAuthorization: Bearer \*\*\*\*\n/);
    for (const value of [adele.userPrincipalName, adele.givenName, adele.surname, adele.jobTitle!, adele.department!])
      assert.ok(detail.request.includes(`"${value}"`), `${value} is in the body`);
    assert.match(detail.response, /^201 after \d+ ms/);
    const [firstGet] = list.rows({ method: 'GET', status: '', text: '' });
    assert.equal(firstGet.index, 1);
    assert.equal(firstGet.path, `/scim/Users?filter=userName eq "${adele.userPrincipalName}"`);

    const state = describeTraffic('SCIM traffic', reading);
    assert.equal(state.kind, 'traffic');
    assert.equal(state.total, served.value.length);
    assert.deepEqual(state.methods, [...new Set(served.value.map((exchange) => exchange.method))].sort());
  });

  it('connected to Microsoft Graph: says the view needs the emulator, and calls nothing', async () => {
    const credential = { getToken: () => Promise.reject(new Error('no token may be asked for')) };
    const graph = new GraphClient({
      endpoint: nationalClouds.Global,
      credential,
      scopes: ['https://graph.microsoft.com/.default'],
      defaultVersion: 'v1.0',
      acceptLanguage: 'en-US',
    });
    const reading = await readScimTraffic(graph, salesforceJob.id);
    assert.deepEqual(reading, { kind: 'notEmulator', graphUrl: 'https://graph.microsoft.com' });
    const state = describeTraffic('SCIM traffic', reading);
    assert.equal(state.kind, 'unavailable');
    assert.match(state.hint ?? '', /Connect to Sample Tenant/);
    await assert.rejects(graph.getFromEmulator('/_emulator/health'), /Only a local emulator/);
  });
});
