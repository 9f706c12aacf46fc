import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { raw, tokenFor } from './support';

describe('emulator: GET /servicePrincipals', function () {
  this.timeout(20_000);
  let emulator: RunningEmulator;
  let token: string;
  const get = (path: string, headers: Record<string, string> = {}) => raw(emulator, path, { token, headers });
  const list = (query: string, headers: Record<string, string> = {}) =>
    get(`/v1.0/servicePrincipals?${query}`, headers);
  const filter = (expression: string) => `$filter=${encodeURIComponent(expression)}`;
  const advanced = { ConsistencyLevel: 'eventual' };

  before(async () => {
    emulator = await startEmulator({ servicePrincipalCount: 250 });
    token = await tokenFor(emulator);
  });
  after(() => emulator.close());

  it('pages with $top and absolute https nextLinks that keep the whole query', async () => {
    const names: string[] = [];
    let page = await list(
      `$top=100&$select=displayName&${filter('applicationTemplateId ne null')}&$count=true`,
      advanced,
    );
    const total = page.json['@odata.count'];
    for (;;) {
      assert.equal(page.status, 200);
      for (const sp of page.json.value) assert.deepEqual(Object.keys(sp), ['id', 'displayName']);
      names.push(...page.json.value.map((sp: { displayName: string }) => sp.displayName));
      const next = page.json['@odata.nextLink'];
      if (!next) break;
      assert.match(next, new RegExp(`^${emulator.url.replace(/\./g, '\\.')}/v1\\.0/servicePrincipals\\?\\$skiptoken=`));
      page = await get(next, advanced);
    }
    assert.equal(names.length, total);
    const sorted = [...names].sort((a, b) =>
      a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0,
    );
    assert.deepEqual(names, sorted, 'ordered by display name');
  });

  it('defaults to 100 per page and accepts 1..999', async () => {
    assert.equal((await list('')).json.value.length, 100);
    for (const top of ['0', '1000', 'ten']) {
      const refused = await list(`$top=${top}`);
      assert.equal(refused.status, 400, top);
      assert.equal(refused.json.error.code, 'Request_BadRequest');
    }
    assert.equal((await list('$top=999')).json.value.length, 250);
  });

  it("answers a forged $skiptoken with 400 and Graph's envelope, never a 500 or an endless walk", async () => {
    const state = { filter: null, select: null, top: 5, count: false, offset: 0 };
    const token = (fields: object) => Buffer.from(JSON.stringify({ ...state, ...fields })).toString('base64url');
    assert.equal((await list(`$skiptoken=${token({})}`)).status, 200, 'a well-formed one is accepted');
    for (const fields of [
      { top: 0 },
      { top: -5 },
      { top: 1000 },
      { top: 1.5 },
      { offset: -1 },
      { filter: 123 },
      { select: ['id'] },
      { count: 'yes' },
    ]) {
      const refused = await list(`$skiptoken=${token(fields)}`);
      assert.equal(refused.status, 400, JSON.stringify(fields));
      assert.equal(refused.json.error.code, 'Request_BadRequest');
      assert.ok(refused.json.error.innerError['request-id']);
    }
    assert.equal((await list('$skiptoken=bnVsbA')).status, 400, 'null');
  });

  it('returns every property without $select, only the selected ones (and id) with it, and refuses unknown ones', async () => {
    const full = (await list('$top=1')).json.value[0];
    for (const key of [
      'id',
      'appId',
      'displayName',
      'applicationTemplateId',
      'servicePrincipalType',
      'appOwnerOrganizationId',
    ])
      assert.ok(key in full, key);
    const selected = (await list('$top=1&$select=appId')).json;
    assert.deepEqual(Object.keys(selected.value[0]), ['id', 'appId']);
    assert.match(selected['@odata.context'], /\/\$metadata#servicePrincipals\(appId\)$/);
    assert.equal((await list('$select=secrets')).status, 400);
  });

  it('filters with startswith, case-insensitively and with doubled quotes', async () => {
    const box = (await list(filter("startswith(displayName,'bOX')"))).json.value;
    assert.deepEqual(
      box.map((sp: { displayName: string }) => sp.displayName),
      ['Box', 'Boxed Lunch Planner'],
    );
    assert.deepEqual((await list(filter("startswith(displayName,'O''Brien''s')"))).json.value, []);
    const quoted = await list(filter("startswith(displayName,'it''s') and appId eq 'x'"));
    assert.equal(quoted.status, 200, 'an `and` inside a literal does not split the filter');
  });

  it('filters by appId and combines clauses with and', async () => {
    const graph = (await list(filter("appId eq '00000003-0000-0000-c000-000000000000'"))).json.value;
    assert.deepEqual(
      graph.map((sp: { displayName: string }) => sp.displayName),
      ['Microsoft Graph'],
    );
    const both = await list(
      `${filter("startswith(displayName,'Box') and applicationTemplateId ne null")}&$count=true`,
      advanced,
    );
    assert.deepEqual([both.json['@odata.count'], both.json.value[0].displayName], [1, 'Box']);
  });

  it('needs $count=true and ConsistencyLevel: eventual for `ne null`, as Graph does', async () => {
    const query = filter('applicationTemplateId ne null');
    for (const [q, headers] of [
      [query, {}],
      [query, advanced],
      [`${query}&$count=true`, {}],
    ] as const) {
      const refused = await list(q, headers);
      assert.equal(refused.status, 400);
      assert.equal(refused.json.error.code, 'Request_UnsupportedQuery');
    }
    const counted = await list(`${query}&$count=true&$top=5`, advanced);
    assert.equal(counted.status, 200);
    assert.ok(counted.json['@odata.count'] > 100 && counted.json['@odata.count'] < 250);
    assert.ok(counted.json.value.every((sp: { applicationTemplateId: string | null }) => sp.applicationTemplateId));
    assert.equal((await list('$count=true')).status, 400, '$count alone needs the header too');
  });

  it('refuses filters it does not support', async () => {
    for (const expression of ["endswith(displayName,'x')", "tags/any(t:t eq 'x')", "secret eq 'x'"]) {
      const refused = await list(filter(expression));
      assert.equal(refused.status, 400, expression);
    }
  });

  it('gets one service principal (with $select), and answers 404 Request_ResourceNotFound for an unknown id', async () => {
    const [first] = (await list('$top=1')).json.value;
    const one = await get(`/v1.0/servicePrincipals/${first.id}?$select=displayName`);
    const { '@odata.context': context, ...entity } = one.json;
    assert.match(context, /\$metadata#servicePrincipals\(displayName\)\/\$entity$/);
    assert.deepEqual(entity, { id: first.id, displayName: first.displayName });
    const missing = await get('/v1.0/servicePrincipals/00000000-0000-0000-0000-000000000001');
    assert.equal(missing.status, 404);
    assert.equal(missing.json.error.code, 'Request_ResourceNotFound');
    assert.equal(
      missing.json.error.message,
      "Resource '00000000-0000-0000-0000-000000000001' does not exist or one of its queried reference-property objects are not present.",
    );
  });

  it('serves beta like v1.0, and answers unknown segments like Graph', async () => {
    const beta = await get('/beta/servicePrincipals?$top=1');
    assert.match(beta.json['@odata.context'], /\/beta\/\$metadata#servicePrincipals$/);
    const unknown = await get('/v1.0/servicePrinciples');
    assert.equal(unknown.status, 400);
    assert.equal(unknown.json.error.message, "Resource not found for the segment 'servicePrinciples'.");
    const method = await raw(emulator, '/v1.0/servicePrincipals', { method: 'PATCH', token, body: {} });
    assert.equal(method.status, 404);
    assert.equal(emulator.requests.count({ route: 'notFound' }), 2);
  });
});
