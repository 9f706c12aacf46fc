// Value formats through the public validator: Edm.Duration, date-times, GUIDs, flags enums, Int32 range.
import assert from 'node:assert/strict';
import { isEdmDuration } from '../../../src/schema/edmFormats';
import { validateResponse } from '../../../src/schema';
import './support';

function findings(type: 'synchronizationJob' | 'synchronizationTemplate', value: unknown) {
  const result = validateResponse({ text: JSON.stringify(value), type, version: 'v1.0' });
  return result.findings.map((f) => `${f.severity} ${f.pointer} ${f.rule}: ${f.message}`);
}

const jobWithInterval = (interval: unknown) => ({ id: 'scim.0a1b', schedule: { interval, state: 'Disabled' } });

describe('Edm formats', () => {
  describe('Edm.Duration', () => {
    for (const duration of [
      'P10675199DT2H48M5.4775807S',
      'PT40M',
      'PT31.7644748S',
      'P1D',
      'PT1H',
      '-PT5S',
      'P0D',
      'PT0S',
    ]) {
      it(`accepts ${duration}`, () => {
        assert.ok(isEdmDuration(duration));
        assert.deepEqual(findings('synchronizationJob', jobWithInterval(duration)), []);
      });
    }

    for (const garbage of ['', 'P', 'PT', 'P1DT', 'PT1.5M', 'PT5.S', 'P1Y', 'P1W', '40 minutes', 'pt40m', '00:40:00']) {
      it(`rejects ${JSON.stringify(garbage)} with the format rule`, () => {
        assert.equal(isEdmDuration(garbage), false);
        const [finding, ...rest] = findings('synchronizationJob', jobWithInterval(garbage));
        assert.deepEqual(rest, []);
        assert.equal(
          finding,
          `error /schedule/interval format: ${JSON.stringify(garbage)} is not a valid duration: ` +
            'expected ISO 8601 days and time, e.g. PT40M or P1DT2H30.5S',
        );
      });
    }

    it('rejects a number and null (interval is not nullable)', () => {
      assert.deepEqual(findings('synchronizationJob', jobWithInterval(2400)), [
        'error /schedule/interval type: 2400 is not a duration string (ISO 8601, e.g. PT40M)',
      ]);
      assert.deepEqual(findings('synchronizationJob', jobWithInterval(null)), [
        'error /schedule/interval not-nullable: null is not allowed here: expected a duration string (ISO 8601, e.g. PT40M)',
      ]);
    });
  });

  describe('Edm.DateTimeOffset', () => {
    const status = (time: unknown) => ({ id: 'j', status: { steadyStateFirstAchievedTime: time } });

    for (const time of [
      '0001-01-01T00:00:00Z',
      '2016-12-31T23:56:34.7758819+00:00',
      '2024-05-01T10:20:30Z',
      '2024-05-01T10:20:30.5-07:00',
    ]) {
      it(`accepts ${time}`, () => assert.deepEqual(findings('synchronizationJob', status(time)), []));
    }

    for (const time of ['', '2024-05-01', '2024-05-01T10:20:30', '2024-13-01T00:00:00Z', 'yesterday']) {
      it(`rejects ${JSON.stringify(time)}`, () => {
        assert.deepEqual(findings('synchronizationJob', status(time)), [
          `error /status/steadyStateFirstAchievedTime format: ${JSON.stringify(time)} is not a valid date-time: ` +
            'expected ISO 8601 with a time zone, e.g. 2024-01-31T12:00:00Z',
        ]);
      });
    }

    it('accepts null only where the CSDL allows it', () => {
      assert.deepEqual(findings('synchronizationJob', { schedule: { expiration: null } }), []);
      assert.deepEqual(findings('synchronizationJob', status(null)), [
        'error /status/steadyStateFirstAchievedTime not-nullable: ' +
          'null is not allowed here: expected a date-time string (ISO 8601, e.g. 2024-01-31T12:00:00Z)',
      ]);
    });
  });

  describe('Edm.Guid', () => {
    it('accepts a GUID in either case and rejects anything else', () => {
      assert.deepEqual(
        findings('synchronizationTemplate', { id: 'scim', applicationId: '8ADF8E6E-67B2-4CF2-A259-E3DC5476C621' }),
        [],
      );
      assert.deepEqual(
        findings('synchronizationTemplate', { id: 'scim', applicationId: '8adf8e6e67b24cf2a259e3dc5476c621x' }),
        [
          'error /applicationId format: "8adf8e6e67b24cf2a259e3dc5476c621x" is not a valid GUID: ' +
            'expected e.g. 8adf8e6e-67b2-4cf2-a259-e3dc5476c621',
        ],
      );
    });
  });

  describe('integers', () => {
    const progress = (completedUnits: unknown) => ({
      id: 'j',
      status: { progress: [{ completedUnits, totalUnits: 9007199254740991 }] },
    });

    it('accepts Int64 counters beyond the Int32 range and rejects fractions and numeric strings', () => {
      assert.deepEqual(findings('synchronizationJob', progress(4294967296)), []);
      assert.deepEqual(findings('synchronizationJob', progress(1.5)), [
        'error /status/progress/0/completedUnits type: 1.5 is not an integer',
      ]);
      assert.deepEqual(findings('synchronizationJob', progress('14')), [
        'error /status/progress/0/completedUnits type: "14" is not an integer',
      ]);
    });
  });

  describe("Int32 and flags in a template's inline schema", () => {
    const rule = (fields: object) => ({
      id: 'scim',
      schema: { id: 'scim.0', synchronizationRules: [{ priority: 1, ...fields }] },
    });
    const rulePointer = '/schema/synchronizationRules/0';

    it('rejects a priority outside the Int32 range', () => {
      assert.deepEqual(findings('synchronizationTemplate', rule({ priority: 2147483647 })), []);
      assert.deepEqual(findings('synchronizationTemplate', rule({ priority: 2147483648 })), [
        `error ${rulePointer}/priority range: 2147483648 is out of the Int32 range -2147483648 to 2147483647`,
      ]);
    });

    it('accepts comma-separated flags with optional spaces and rejects unknown names', () => {
      const mapping = (flowTypes: string) => rule({ objectMappings: [{ flowTypes, enabled: true }] });
      assert.deepEqual(findings('synchronizationTemplate', mapping('Add, Update, Delete')), []);
      assert.deepEqual(findings('synchronizationTemplate', mapping('Add,Update')), []);
      assert.deepEqual(findings('synchronizationTemplate', mapping('Add, Upsert')), [
        `error ${rulePointer}/objectMappings/0/flowTypes flags: "Add, Upsert" is not an objectFlowTypes: ` +
          'expected one or more of None, Add, Update, Delete, separated by commas',
      ]);
    });
  });
});
