// The public validator: text handling, positions, warnings versus errors, and the contract checks.
import assert from 'node:assert/strict';
import { validateResponse, type ValidationRequest } from '../../../src/schema';
import { compiledValidator } from '../../../src/schema/schemaCatalog';
import { schemaFindings } from '../../../src/schema/schemaFindings';
import { positionOf } from './support';

const createdJob = {
  id: 'scim.b126ececd749434c915e443764450031.8f782d8a-3e2c-4a5b-9a1c-2f0e5a7b6c4d',
  templateId: 'scim',
  schedule: { expiration: null, interval: 'PT40M', state: 'Disabled' },
  status: {
    code: 'Paused',
    countSuccessiveCompleteFailures: 0,
    escrowsPruned: false,
    progress: [],
    troubleshootingUrl: '',
  },
  synchronizationJobSettings: [{ name: 'QuarantineTooManyDeletesThreshold', value: '500' }],
};

function validate(value: unknown, options: Partial<ValidationRequest> = {}) {
  return validateResponse({ text: JSON.stringify(value), type: 'synchronizationJob', version: 'v1.0', ...options });
}

function summary(value: unknown, options: Partial<ValidationRequest> = {}): string[] {
  return validate(value, options).findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.pointer} [${f.rule}]`);
}

describe('validateResponse', () => {
  it('returns the pretty-printed text and value of a valid job, without findings', () => {
    const result = validate(createdJob, {
      expectation: { operation: 'createJob', status: 201, requestedTemplateId: 'scim' },
    });
    assert.equal(result.parsed, true);
    assert.equal(result.text, JSON.stringify(createdJob, null, 2));
    assert.deepEqual(result.value, createdJob);
    assert.deepEqual(result.findings, []);
    assert.ok(result.timing.validateMs >= 0);
  });

  it('pretty-prints without losing digits of Int64 counters beyond 2^53 or changing escapes', () => {
    const text =
      '{"id":"scim.1","status":{"countSuccessiveCompleteFailures":9223372036854775807},"templateId":"sc\\u0069m"}';
    const result = validateResponse({ text, type: 'synchronizationJob', version: 'v1.0' });
    assert.equal(
      result.text,
      '{\n  "id": "scim.1",\n  "status": {\n    "countSuccessiveCompleteFailures": 9223372036854775807\n  },\n  "templateId": "sc\\u0069m"\n}',
    );
    assert.deepEqual(result.findings, []);
  });

  it('prints tokens JSON.stringify would change as written: key order, duplicates, numbers, lone surrogates', () => {
    const text = '{"b":1,"2":[1.0,-0,1E3],"1":"\ud800","id":"x","id":"y"}';
    assert.equal(
      validateResponse({ text, type: 'synchronizationTemplate', version: 'beta' }).text,
      '{\n  "b": 1,\n  "2": [\n    1.0,\n    -0,\n    1E3\n  ],\n  "1": "\ud800",\n  "id": "x",\n  "id": "y"\n}',
    );
    const plain = { id: 'scim.1', list: [], nested: { a: [{}, 'q\\"'], b: null } };
    assert.equal(validate(plain).text, JSON.stringify(plain, null, 2));
  });

  it('refuses an API version it has no schema for, with a clear error', () => {
    const request = { text: '{}', type: 'synchronizationJob', version: 'v2.0' } as unknown as ValidationRequest;
    assert.throws(
      () => validateResponse(request),
      /^Error: No schema for Graph API version "v2\.0": expected v1\.0 or beta$/,
    );
  });

  it('returns invalid JSON unchanged, with the syntax error on the raw text', () => {
    const text = '{\n  "id": "scim.1",\n  "templateId": "scim",\n}';
    const result = validateResponse({ text, type: 'synchronizationJob', version: 'v1.0' });
    assert.equal(result.parsed, false);
    assert.equal(result.text, text);
    assert.equal(result.value, undefined);
    assert.deepEqual(result.findings, [
      {
        severity: 'error',
        pointer: '',
        line: 3,
        column: 23,
        rule: 'json-syntax',
        message: "invalid JSON: trailing comma before '}' is not allowed in JSON",
        source: { line: 3, column: 23 },
      },
    ]);
  });

  it('reports unquoted keys, comments and empty bodies as syntax errors', () => {
    const at = (text: string) =>
      validateResponse({ text, type: 'synchronizationJob', version: 'beta' }).findings.map(
        (f) => `${f.line}:${f.column} ${f.message}`,
      );
    assert.deepEqual(at('{\n  id: "x"\n}'), ['2:3 invalid JSON: property names must be in double quotes']);
    assert.deepEqual(at('{"id": "x" /* job */}'), ['1:12 invalid JSON: comments are not allowed in JSON']);
    assert.deepEqual(at(''), ['1:1 invalid JSON: empty text: a JSON value is expected']);
  });

  it('places findings on the key of a property in the pretty-printed text, and on array items', () => {
    const job = {
      ...createdJob,
      schedule: { ...createdJob.schedule, state: 'Running' },
      synchronizationJobSettings: ['oops'],
    };
    const result = validate(job);
    assert.deepEqual(summary(job), [
      `${positionOf(result.text, '"state": "Running"')} error /schedule/state [enum]`,
      `${positionOf(result.text, '"oops"')} error /synchronizationJobSettings/0 [type]`,
    ]);
    assert.equal(
      result.findings[0].message,
      '"Running" is not a synchronizationScheduleState: expected one of Active, Disabled, Paused',
    );
    assert.equal(result.findings[1].message, '"oops" is not a keyValuePair object or null');
  });

  it('reports a wrong root type on line 1', () => {
    assert.deepEqual(summary([createdJob]), ['1:1 error  [type]']);
    assert.equal(validate('scim').findings[0].message, '"scim" is not a synchronizationJob object');
  });

  it('allows OData annotations anywhere and warns about unknown properties at their key', () => {
    const job = {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#servicePrincipals/jobs/$entity',
      '@odata.type': '#microsoft.graph.synchronizationJob',
      'templateId@odata.type': '#String',
      id: 'scim.1',
      templateId: 'scim',
      schedule: { '@odata.type': 'microsoft.graph.synchronizationSchedule', state: 'Active', nextRun: 'soon' },
      owner: 'someone',
    };
    const result = validate(job);
    assert.deepEqual(summary(job), [
      `${positionOf(result.text, '"nextRun"')} warning /schedule/nextRun [unknown-property]`,
      `${positionOf(result.text, '"owner"')} warning /owner [unknown-property]`,
    ]);
    assert.equal(
      result.findings[0].message,
      'unknown property "nextRun" in synchronizationSchedule: not in the v1.0 schema',
    );
  });

  it('accepts unknown properties silently in open types (OpenType="true")', () => {
    // No open type is reachable from a job or a template, so this goes through the definition's validator.
    const findings = (definition: string, value: object) => {
      const { validate } = compiledValidator('v1.0', definition);
      validate(value);
      return schemaFindings(validate.errors ?? [], 'v1.0').map((f) => `${f.pointer} ${f.rule}`);
    };
    assert.deepEqual(findings('publicInnerError', { code: 'x', 'request-id': 'r', date: '2024-01-01T00:00:00' }), []);
    assert.deepEqual(findings('stringKeyObjectValuePair', { key: 'k', value: { any: 'thing' } }), []);
    assert.deepEqual(findings('publicErrorDetail', { code: 'x', 'request-id': 'r' }), ['/request-id unknown-property']);
  });

  it('treats metadata keys as open: unknown keys and other-version spellings are warnings', () => {
    const template = {
      id: 'scim',
      metadata: [
        { key: 'IsOAuthEnabled', value: 'false' },
        { key: 'AzureIngestionAttributeOptimization', value: 'true' },
        { key: 'isOAuthEnabled', value: 'false' },
      ],
    };
    const result = validateResponse({
      text: JSON.stringify(template),
      type: 'synchronizationTemplate',
      version: 'v1.0',
    });
    assert.deepEqual(
      result.findings.map((f) => `${f.severity} ${f.pointer} ${f.rule}`),
      ['warning /metadata/1/key metadata-key', 'warning /metadata/2/key metadata-key'],
    );
    assert.match(
      result.findings[0].message,
      /^"AzureIngestionAttributeOptimization" is not a known synchronizationMetadata key in v1\.0/,
    );
    assert.equal(
      result.findings[1].message,
      '"isOAuthEnabled" is spelled IsOAuthEnabled in the v1.0 synchronizationMetadata enum (v1.0 and beta differ in case)',
    );
    const beta = validateResponse({ text: JSON.stringify(template), type: 'synchronizationTemplate', version: 'beta' });
    assert.deepEqual(
      beta.findings.map((f) => f.pointer),
      ['/metadata/0/key', '/metadata/1/key'],
    );
  });

  it('reports null in a non-nullable property as an error naming the expected type', () => {
    const job = { ...createdJob, status: { ...createdJob.status, code: null, escrowsPruned: null } };
    const result = validate(job);
    assert.deepEqual(
      result.findings.map((f) => `${f.pointer} ${f.rule}: ${f.message}`),
      [
        '/status/code not-nullable: null is not allowed here: expected a synchronizationStatusCode',
        '/status/escrowsPruned not-nullable: null is not allowed here: expected true or false',
      ],
    );
  });

  describe('contract checks', () => {
    const createJob = (status: number, requestedTemplateId = 'scim') => ({
      expectation: { operation: 'createJob' as const, status, requestedTemplateId },
    });

    it('warns when createJob answers 200 instead of 201, and about other statuses', () => {
      assert.deepEqual(summary(createdJob, createJob(200)), ['1:1 warning  [status-201]']);
      assert.deepEqual(summary(createdJob, createJob(202)), ['1:1 warning  [unexpected-status]']);
      assert.deepEqual(summary(createdJob, { expectation: { operation: 'getJob', status: 201 } }), [
        '1:1 warning  [unexpected-status]',
      ]);
      assert.deepEqual(summary(createdJob, { expectation: { operation: 'getJob', status: 200 } }), []);
    });

    it('warns when the templateId differs from the requested one', () => {
      const result = validate(createdJob, createJob(201, 'customappsso'));
      assert.deepEqual(
        result.findings.map((f) => `${f.line}:${f.column} ${f.pointer} ${f.rule}: ${f.message}`),
        ['3:3 /templateId template-id: templateId "scim" differs from the requested "customappsso"'],
      );
    });

    it('warns when a new job is not Disabled, but not for getJob', () => {
      const active = { ...createdJob, schedule: { ...createdJob.schedule, state: 'Active' } };
      const text = validate(active).text;
      assert.deepEqual(summary(active, createJob(201)), [
        `${positionOf(text, '"state": "Active"')} warning /schedule/state [schedule-disabled]`,
      ]);
      assert.deepEqual(summary(active, { expectation: { operation: 'getJob', status: 200 } }), []);
    });

    it('warns about completedUnits above totalUnits in any progress entry', () => {
      const progress = [
        { completedUnits: 3, totalUnits: 10, progressObservationDateTime: '2024-01-01T00:00:00Z', units: 'Users' },
        { completedUnits: 11, totalUnits: 10, progressObservationDateTime: '2024-01-01T00:05:00Z', units: 'Users' },
      ];
      const result = validate({ ...createdJob, status: { ...createdJob.status, progress } });
      assert.deepEqual(
        result.findings.map((f) => `${f.pointer} ${f.rule}: ${f.message}`),
        ['/status/progress/1/completedUnits progress-units: completedUnits 11 is more than totalUnits 10'],
      );
    });
  });

  describe('collection responses', () => {
    it('validates each item of {"value": [...]} and points into the array', () => {
      const guid = '4b45b303-b303-4b45-03b3-454b03b3454b';
      const list = { '@odata.context': 'x', value: [createdJob, { ...createdJob, id: guid, templateId: 7 }] };
      const text = validate(list, { collection: true }).text;
      assert.deepEqual(summary(list, { collection: true }), [
        `${positionOf(text, `"id": "${guid}"`)} warning /value/1/id [job-id-guid]`,
        `${positionOf(text, '"templateId": 7')} error /value/1/templateId [type]`,
      ]);
    });
  });
});
