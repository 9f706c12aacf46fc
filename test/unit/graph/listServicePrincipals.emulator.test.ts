import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { GraphRequestError } from '../../../src/graph/errors';
import {
  getServicePrincipal,
  listServicePrincipals,
  nextServicePrincipalPage,
} from '../../../src/graph/servicePrincipals';
import type { ServicePrincipal } from '../../../src/graph/types';
import { roundTrips, sampleClient } from './sampleClient';

describe('Graph layer: service principals (against the emulator)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;

  before(async () => {
    emulator = await startEmulator({ servicePrincipalCount: 10_000 });
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('lists 10,000 service principals in 11 round trips of 999, each exactly once', async () => {
    const client = sampleClient(emulator);
    const seen = new Set<string>();
    let page = await listServicePrincipals(client, { onlyFromApplicationTemplates: false, pageSize: 999 });
    for (;;) {
      for (const sp of page.items) {
        assert.ok(!seen.has(sp.id), `${sp.id} listed twice`);
        seen.add(sp.id);
      }
      if (!page.nextLink) break;
      assert.match(page.nextLink, /^https:\/\/127\.0\.0\.1:\d+\/v1\.0\/servicePrincipals\?/);
      page = await nextServicePrincipalPage(client, page.nextLink);
    }
    assert.equal(seen.size, 10_000);
    assert.equal(roundTrips(emulator), 11);
  });

  it('asks only for the properties the tree shows', async () => {
    const page = await listServicePrincipals(sampleClient(emulator), {
      onlyFromApplicationTemplates: false,
      pageSize: 5,
    });
    for (const sp of page.items)
      assert.deepEqual(Object.keys(sp).sort(), ['appId', 'applicationTemplateId', 'displayName', 'id']);
  });

  it('filters by name prefix on the server, quotes included', async () => {
    const client = sampleClient(emulator);
    const page = await listServicePrincipals(client, {
      search: 'box',
      onlyFromApplicationTemplates: false,
      pageSize: 50,
    });
    assert.ok(page.items.length > 0);
    assert.ok(
      page.items.every((sp) => sp.displayName.toLowerCase().startsWith('box')),
      page.items.map((sp) => sp.displayName).join(),
    );
    const none = await listServicePrincipals(client, {
      search: "O'Brien's ",
      onlyFromApplicationTemplates: false,
      pageSize: 50,
    });
    assert.deepEqual(none.items, []);
  });

  it('lists only service principals from application templates with an advanced query, counted', async () => {
    const client = sampleClient(emulator);
    const all = await collect(client, false);
    const fromTemplates = await collect(client, true);
    assert.ok(fromTemplates.items.length > 0 && fromTemplates.items.length < all.items.length);
    assert.ok(fromTemplates.items.every((sp) => sp.applicationTemplateId));
    assert.equal(fromTemplates.totalCount, fromTemplates.items.length);
    const request = emulator.requests
      .entries()
      .find(
        (entry) =>
          entry.route === 'listServicePrincipals' &&
          /applicationTemplateId ne null/.test(decodeURIComponent(entry.query)),
      );
    assert.ok(request && /\$count=true/.test(request.query), 'advanced query sends $count=true');
  });

  it('reads one service principal, and reports an unknown one as a typed 404', async () => {
    const client = sampleClient(emulator);
    const [first] = (await listServicePrincipals(client, { onlyFromApplicationTemplates: true, pageSize: 1 })).items;
    assert.deepEqual(await getServicePrincipal(client, first.id), first);
    const error = await getServicePrincipal(client, '00000000-0000-0000-0000-000000000001').catch((e: unknown) => e);
    assert.ok(error instanceof GraphRequestError);
    assert.equal(error.status, 404);
    assert.equal(error.code, 'Request_ResourceNotFound');
    assert.ok(error.requestId, 'request-id from the response');
    assert.match(error.hint, /Refresh/);
  });

  it('encodes search text: &, #, quotes and would-be parameters reach Graph as one $filter', async () => {
    const client = sampleClient(emulator);
    for (const search of ['R&D', 'C# tools', "O'Brien", 'a&$top=1', '100% + more']) {
      emulator.requests.clear();
      const page = await listServicePrincipals(client, { search, onlyFromApplicationTemplates: false, pageSize: 10 });
      assert.deepEqual(page.items, [], search);
      const [request] = emulator.requests.entries().filter((entry) => entry.route === 'listServicePrincipals');
      const query = new URLSearchParams(request.query);
      assert.equal(query.get('$filter'), `startswith(displayName,'${search.replace(/'/g, "''")}')`, search);
      assert.equal(query.get('$top'), '10', `${search}: no parameter injected`);
      assert.deepEqual([...query.keys()].sort(), ['$filter', '$select', '$top'], search);
    }
  });

  it('refuses a nextLink to another origin, and sends it nothing', async () => {
    const other = await startEmulator({ tls: emulator.tls });
    try {
      const client = sampleClient(emulator);
      const { nextLink } = await listServicePrincipals(client, { onlyFromApplicationTemplates: false, pageSize: 5 });
      const foreign = nextLink!.replace(emulator.url, other.url);
      const error = await nextServicePrincipalPage(client, foreign).catch((e: unknown) => e);
      assert.ok(error instanceof GraphRequestError);
      assert.equal(error.kind, 'foreignLink');
      assert.match(error.message, new RegExp(`another server \\(${other.url.replace(/\./g, '\\.')}\\)`));
      assert.equal(other.requests.count(), 0, 'the other server was never asked');
    } finally {
      await other.close();
    }
  });

  async function collect(client: ReturnType<typeof sampleClient>, onlyFromApplicationTemplates: boolean) {
    let page = await listServicePrincipals(client, { onlyFromApplicationTemplates, pageSize: 999 });
    const { totalCount } = page;
    const items: ServicePrincipal[] = [...page.items];
    while (page.nextLink) {
      page = await nextServicePrincipalPage(client, page.nextLink);
      items.push(...page.items);
    }
    return { items, totalCount };
  }
});
