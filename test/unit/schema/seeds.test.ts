// The five documentation seeds for "Create synchronizationJob", validated as createJob responses with the status
// from their start line and the templateId of their request example.
import assert from 'node:assert/strict';
import type { ApiVersion } from '../../../src/graph/types';
import { validateResponse } from '../../../src/schema';
import { positionOf, readSeed } from './support';

function validateSeed(number: string, version: ApiVersion) {
  const { response, requestedTemplateId } = readSeed(number);
  return validateResponse({
    text: response.body,
    type: 'synchronizationJob',
    version,
    expectation: { operation: 'createJob', status: response.status, requestedTemplateId },
  });
}

const rows = (result: ReturnType<typeof validateSeed>) =>
  result.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.pointer} [${f.rule}]`);

describe('documentation seeds', () => {
  for (const number of ['000', '003']) {
    it(`${number} (200 OK, BoxOutDelta): no errors; warns about 200 versus 201 and the {jobId} placeholder`, () => {
      const result = validateSeed(number, 'beta');
      assert.equal(readSeed(number).requestedTemplateId, 'BoxOutDelta');
      assert.deepEqual(rows(result), ['1:1 warning  [status-201]', '2:3 warning /id [placeholder]']);
      assert.equal(positionOf(result.text, '"id": "{jobId}"'), '2:3');
      assert.equal(
        result.findings[1].message,
        '"{jobId}" looks like a documentation placeholder, not a value from a real response',
      );
    });
  }

  for (const [number, version] of [
    ['001', 'v1.0'],
    ['002', 'beta'],
  ] as const) {
    it(`${number} (201, GUID id, "String" templateId): no errors; warns about both`, () => {
      const result = validateSeed(number, version);
      const idLine = positionOf(result.text, '"id": "');
      const templateLine = positionOf(result.text, '"templateId": "String"');
      assert.deepEqual(rows(result), [
        `${idLine} warning /id [job-id-guid]`,
        `${templateLine} warning /templateId [placeholder]`,
      ]);
      assert.equal(idLine, '3:3');
      assert.equal(templateLine, number === '001' ? '15:3' : '10:3');
    });
  }

  it('004: placeholder enum values are errors, completedUnits > totalUnits and placeholder strings are warnings', () => {
    const result = validateSeed('004', 'beta');
    assert.deepEqual(rows(result), [
      '3:3 warning /id [job-id-guid]',
      '4:3 warning /templateId [placeholder]',
      '9:5 error /schedule/state [enum]',
      '15:5 error /status/code [enum]',
      '18:7 warning /status/lastExecution/activityIdentifier [placeholder]',
      '28:7 error /status/lastExecution/state [enum]',
      '31:9 warning /status/lastExecution/error/code [placeholder]',
      '32:9 warning /status/lastExecution/error/message [placeholder]',
      '47:9 warning /status/progress/0/completedUnits [progress-units]',
      '50:9 warning /status/progress/0/units [placeholder]',
      '57:7 error /status/quarantine/reason [enum]',
      '66:9 warning /status/synchronizedEntryCountByType/0/key [placeholder]',
      '70:5 warning /status/troubleshootingUrl [placeholder]',
      '75:7 warning /synchronizationJobSettings/0/name [placeholder]',
      '76:7 warning /synchronizationJobSettings/0/value [placeholder]',
    ]);
    // The lines are those of the returned text, found independently by search.
    assert.equal(positionOf(result.text, '"state": "String"'), '9:5');
    assert.equal(positionOf(result.text, '"completedUnits": 14'), '47:9');
    const messages = result.findings.map((f) => f.message);
    assert.ok(
      messages.includes('"String" is not a synchronizationScheduleState: expected one of Active, Disabled, Paused'),
    );
    assert.ok(messages.includes('completedUnits 14 is more than totalUnits 10'));
    // "String" in an enum is an error; the schedule-disabled and placeholder warnings do not pile on top of it.
    assert.equal(result.findings.filter((f) => f.pointer === '/schedule/state').length, 1);
  });

  it('004 under v1.0 gives the same verdict (the job types do not differ between versions)', () => {
    const v1 = validateSeed('004', 'v1.0').findings.map((f) => `${f.pointer} ${f.rule}`);
    const beta = validateSeed('004', 'beta').findings.map((f) => `${f.pointer} ${f.rule}`);
    assert.deepEqual(v1, beta);
  });

  it('the request example of 001 validates as a job with the "String" placeholder only', () => {
    const text = readSeed('001').requestBody;
    const result = validateResponse({ text, type: 'synchronizationJob', version: 'v1.0' });
    assert.deepEqual(
      result.findings.map((f) => `${f.pointer} ${f.rule}`),
      ['/templateId placeholder'],
    );
  });
});
