import assert from 'node:assert/strict';
import type { ProvisioningObjectSummary } from '../../../src/graph/provisioningLogs';
import { csvCell, logColumns, logsAsCsv, logsAsJson } from '../../../src/logs/exportLogs';

const entry = (id: string, name: string): ProvisioningObjectSummary => ({
  id,
  activityDateTime: '2026-01-01T00:00:00Z',
  changeId: null,
  cycleId: 'c',
  durationInMilliseconds: 12,
  jobId: 'scim.1',
  provisioningAction: 'create',
  provisioningStatusInfo: {
    status: 'failure',
    errorInformation: {
      errorCode: 'E',
      errorCategory: null,
      reason: 'line one\nline "two"',
      additionalDetails: null,
      recommendedAction: null,
    },
  },
  servicePrincipal: { id: 'sp', displayName: name },
});

async function* pages<T>(...items: T[][]) {
  yield* items;
}

async function text(chunks: AsyncIterable<string>) {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

describe('provisioning log export', () => {
  it('escapes CSV cells: commas, quotes and line breaks quoted, formulas neutralised', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    for (const prefix of ['+', '-', '@', '\t']) assert.equal(csvCell(`${prefix}1`).replace(/^"|"$/g, '')[0], "'");
    assert.equal(csvCell(-5), '-5');
    assert.equal(csvCell(null), '');
  });

  it('writes a header and one chunk per page, CRLF line ends', async () => {
    const chunks: string[] = [];
    for await (const chunk of logsAsCsv(pages([entry('1', '=cmd|calc')], [], [entry('2', 'Box, Inc.')])))
      chunks.push(chunk);
    assert.equal(chunks.length, 3);
    assert.equal(chunks[0], `${logColumns.map((c) => c.header).join(',')}\r\n`);
    assert.match(chunks[1], /,'=cmd\|calc,/);
    assert.match(chunks[1], /"line one\nline ""two"""/);
    assert.match(chunks[2], /,"Box, Inc\.",/);
  });

  it('writes a JSON array that parses back to the entries, also when empty', async () => {
    const entries = [entry('1', 'a'), entry('2', 'b'), entry('3', 'c')];
    assert.deepEqual(JSON.parse(await text(logsAsJson(pages(entries.slice(0, 2), [], entries.slice(2))))), entries);
    assert.deepEqual(JSON.parse(await text(logsAsJson(pages()))), []);
  });
});
