import assert from 'node:assert/strict';
import SCIMMY from 'scimmy';
import { startScimServer, type RunningScimServer } from '../../../src/emulator/scim/scimServer';

// The sample SCIM server answers `eq` filters on userName/externalId (groups: displayName/externalId) from an index:
// these check, over HTTP, that the answers follow every create, replace, patch and delete, and that they are what
// SCIMMY's own filter finds by scanning every stored resource.
describe('emulator: the sample SCIM server looks users and groups up by attribute', () => {
  const token = 'scim-index-test-token';
  let server: RunningScimServer;
  before(async () => (server = await startScimServer({ token })));
  after(() => server.close());
  beforeEach(() => server.reset());

  async function scim(method: string, path: string, body?: unknown) {
    const response = await fetch(`${server.baseAddress}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
  }
  const userSchema = 'urn:ietf:params:scim:schemas:core:2.0:User';
  async function create(userName: string, externalId?: string): Promise<string> {
    const answer = await scim('POST', '/Users', { schemas: [userSchema], userName, externalId, active: true });
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    return answer.body.id as string;
  }
  const patch = (id: string, path: string, value: unknown) =>
    scim('PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path, value }],
    });
  /** Ids the server answers for `filter`, and the ids SCIMMY's filter finds among all stored users, in order. */
  async function found(filter: string, endpoint = '/Users') {
    const answer = await scim('GET', `${endpoint}?filter=${encodeURIComponent(filter)}`);
    assert.equal(answer.status, 200);
    const stored = endpoint === '/Users' ? server.users() : server.groups();
    return {
      answered: ((answer.body.Resources as { id: string }[] | undefined) ?? []).map((resource) => resource.id),
      scanned: new SCIMMY.Types.Filter(filter).match(stored).map((resource) => resource.id as string),
    };
  }

  it('finds a user by userName after create, patch, replace and delete (case-insensitive, RFC 7643 userName)', async () => {
    const adele = await create('adele@contoso.example', 'adele');
    const alex = await create('alex@contoso.example', 'alex');
    assert.deepEqual((await found('userName eq "adele@contoso.example"')).answered, [adele]);
    assert.deepEqual((await found('userName eq "ADELE@Contoso.example"')).answered, [adele]);
    assert.deepEqual((await found('userName EQ "alex@contoso.example"')).answered, [alex]);

    assert.equal((await patch(adele, 'userName', 'adele.v@contoso.example')).status, 200);
    assert.deepEqual((await found('userName eq "adele@contoso.example"')).answered, []);
    assert.deepEqual((await found('userName eq "adele.v@contoso.example"')).answered, [adele]);

    const replaced = await scim('PUT', `/Users/${alex}`, { schemas: [userSchema], userName: 'alexw@contoso.example' });
    assert.equal(replaced.status, 200);
    assert.deepEqual((await found('userName eq "alex@contoso.example"')).answered, []);
    assert.deepEqual((await found('userName eq "alexw@contoso.example"')).answered, [alex]);
    // The replace dropped externalId: the old value finds nothing.
    assert.deepEqual((await found('externalId eq "alex"')).answered, []);

    assert.equal((await scim('DELETE', `/Users/${adele}`)).status, 204);
    assert.deepEqual((await found('userName eq "adele.v@contoso.example"')).answered, []);
    assert.deepEqual((await found('externalId eq "adele"')).answered, []);
    // A deleted user's name is free again.
    const again = await create('adele.v@contoso.example', 'adele');
    assert.deepEqual((await found('userName eq "adele.v@contoso.example"')).answered, [again]);
  });

  it('keeps userName unique (409 uniqueness) whatever its case, and lets a user keep its own', async () => {
    const adele = await create('adele@contoso.example');
    const alex = await create('alex@contoso.example');
    const taken = await scim('POST', '/Users', { schemas: [userSchema], userName: 'Adele@Contoso.example' });
    assert.deepEqual([taken.status, taken.body.scimType], [409, 'uniqueness']);
    assert.equal((await patch(alex, 'userName', 'ADELE@contoso.example')).status, 409);
    assert.equal((await patch(adele, 'userName', 'ADELE@contoso.example')).status, 200);
    assert.deepEqual((await found('userName eq "adele@contoso.example"')).answered, [adele]);
    assert.deepEqual((await found('userName eq "alex@contoso.example"')).answered, [alex]);
  });

  it('answers externalId filters as SCIMMY does by scanning: case-exact, every holder in creation order', async () => {
    const first = await create('a@contoso.example', 'shared');
    const second = await create('b@contoso.example', 'other');
    const third = await create('c@contoso.example', 'shared');
    assert.equal((await patch(second, 'externalId', 'shared')).status, 200);
    assert.equal((await patch(first, 'externalId', 'moved')).status, 200);
    assert.equal((await patch(first, 'externalId', 'shared')).status, 200);
    for (const filter of [
      'externalId eq "shared"',
      'externalId eq "SHARED"',
      'externalId eq "other"',
      'externalId eq "moved"',
      'externalid eq "shared"',
      // Not looked up in the index: SCIMMY scans.
      'externalId ne "shared"',
      'externalId eq "shared" and userName sw "a"',
      'userName co "contoso"',
    ]) {
      const { answered, scanned } = await found(filter);
      assert.deepEqual(answered, scanned, filter);
    }
    assert.deepEqual((await found('externalId eq "shared"')).answered, [first, second, third]);
    assert.deepEqual((await found('externalId eq "SHARED"')).answered, []);
  });

  it('finds a group by displayName and externalId after create, rename and delete', async () => {
    const groupSchema = 'urn:ietf:params:scim:schemas:core:2.0:Group';
    const created = await scim('POST', '/Groups', { schemas: [groupSchema], displayName: 'Pilot', externalId: 'g1' });
    assert.equal(created.status, 201);
    const id = created.body.id as string;
    assert.deepEqual((await found('displayName eq "pilot"', '/Groups')).answered, [id]);
    assert.deepEqual((await found('externalId eq "g1"', '/Groups')).answered, [id]);
    const renamed = await scim('PATCH', `/Groups/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'displayName', value: 'Pilot Users' }],
    });
    assert.equal(renamed.status, 200);
    assert.deepEqual((await found('displayName eq "Pilot"', '/Groups')).answered, []);
    assert.deepEqual((await found('displayName eq "Pilot Users"', '/Groups')).answered, [id]);
    assert.equal((await scim('DELETE', `/Groups/${id}`)).status, 204);
    assert.deepEqual((await found('displayName eq "Pilot Users"', '/Groups')).answered, []);
    assert.deepEqual((await found('externalId eq "g1"', '/Groups')).answered, []);
  });
});
