import assert from 'node:assert/strict';
import { GraphErrorReply } from '../../../src/emulator/errors';
import type { ServicePrincipalRecord } from '../../../src/emulator/model';
import {
  decodeSkipToken,
  encodeSkipToken,
  parseSelect,
  parseServicePrincipalFilter,
  parseTop,
  project,
} from '../../../src/emulator/odataQuery';

const sp = (displayName: string, applicationTemplateId: string | null = null): ServicePrincipalRecord => ({
  id: `id-${displayName}`,
  appId: `app-${displayName}`,
  applicationObjectId: `obj-${displayName}`,
  displayName,
  applicationTemplateId,
  templateIds: [],
  firstParty: false,
});

describe('emulator: OData query options', () => {
  const names = ["O'Brien's", 'Box', 'box and more', 'Dropbox', 'Boxed'].map((name, i) =>
    sp(name, i % 2 ? 'tpl' : null),
  );
  const matching = (filter: string) =>
    names.filter(parseServicePrincipalFilter(filter)!.matches).map((s) => s.displayName);

  it('reads startswith with doubled quotes and `and` inside literals', () => {
    assert.deepEqual(matching("startswith(displayName,'O''B')"), ["O'Brien's"]);
    assert.deepEqual(matching("startswith(displayName,'box and')"), ['box and more']);
    assert.deepEqual(matching("startswith(displayName,'BOX') and applicationTemplateId ne null"), ['Box']);
    assert.deepEqual(matching("displayName eq 'boxed' AND applicationTemplateId eq null"), ['Boxed']);
  });

  it('marks `ne` as an advanced query, naming the property', () => {
    assert.equal(parseServicePrincipalFilter("startswith(displayName,'a')")!.advancedProperty, undefined);
    assert.equal(
      parseServicePrincipalFilter('applicationTemplateId ne null')!.advancedProperty,
      'applicationTemplateId',
    );
    assert.equal(parseServicePrincipalFilter(''), undefined);
  });

  it('refuses what it cannot evaluate', () => {
    for (const filter of [
      "startswith(displayName,'open)",
      "contains(displayName,'x')",
      "homepage eq 'x'",
      'displayName eq x',
    ]) {
      assert.throws(() => parseServicePrincipalFilter(filter), GraphErrorReply, filter);
    }
  });

  it('checks $top and $select, and projects with the id kept', () => {
    assert.equal(parseTop(null, 100), 100);
    assert.equal(parseTop('999', 100), 999);
    assert.throws(() => parseTop('1e2', 100));
    assert.deepEqual(parseSelect(' id , displayName', ['id', 'displayName'], 'servicePrincipal'), [
      'id',
      'displayName',
    ]);
    assert.equal(parseSelect(null, [], 'x'), undefined);
    assert.deepEqual(project({ id: 1, a: 2, b: 3 }, ['b']), { id: 1, b: 3 });
  });

  it('round-trips the page state through an opaque $skiptoken and refuses forged ones', () => {
    const state = { filter: "startswith(displayName,'a')", select: 'id', top: 5, count: true, offset: 10 };
    assert.deepEqual(decodeSkipToken(encodeSkipToken(state)), state);
    assert.throws(() => decodeSkipToken('not-a-token'));
  });
});
