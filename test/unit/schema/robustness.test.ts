// Bodies the validator must survive and judge correctly: deep nesting, huge syntax errors, Graph's error envelope,
// bodies of another type, duplicate keys, numbers out of range. Results are asserted, never times.
import assert from 'node:assert/strict';
import { validateResponse, type ValidationRequest } from '../../../src/schema';

function check(text: string, options: Partial<ValidationRequest> = {}) {
  return validateResponse({ text, type: 'synchronizationJob', version: 'v1.0', ...options });
}

function summary(text: string, options: Partial<ValidationRequest> = {}): string[] {
  return check(text, options).findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.pointer} [${f.rule}]`);
}

const job = '{"id":"scim.1","templateId":"scim","status":{"code":"Paused","countSuccessiveCompleteFailures":0}}';

describe('validator robustness', () => {
  it('reports 10,000-deep nesting as a finding with its pointer, without a crash', () => {
    for (const [open, close, segment] of [
      ['[', ']', '/0'],
      ['{"a":', '}', '/a'],
    ]) {
      const text = `${open.repeat(10_000)}1${close.repeat(10_000)}`;
      const result = check(text);
      assert.equal(result.parsed, false);
      assert.deepEqual(
        result.findings.map((f) => [f.severity, f.rule, f.line]),
        [['error', 'json-depth', 1]],
      );
      assert.equal(result.findings[0].pointer, segment.repeat(1000));
      assert.match(result.findings[0].message, /nested deeper than 1000 levels/);
    }
  });

  it('validates a body just within the depth limit through a recursive schema type, placing a finding at the bottom', () => {
    // attributeMappingSource refers to itself through parameters[].value: 3 JSON levels per step, ajv follows them all.
    let source: object = { type: 'Attribute', name: 5, parameters: [] };
    for (let i = 0; i < 328; i++)
      source = { type: 'Function', name: 'Join', parameters: [{ key: 'source', value: source }] };
    const rules = [{ objectMappings: [{ attributeMappings: [{ source, targetAttributeName: 'mail' }] }] }];
    const text = JSON.stringify({
      id: 'scim.1',
      templateId: 'scim',
      schema: { id: 'scim', synchronizationRules: rules },
    });
    const result = check(text);
    assert.equal(result.parsed, true);
    const deepest = `/schema/synchronizationRules/0/objectMappings/0/attributeMappings/0/source${'/parameters/0/value'.repeat(328)}/name`;
    assert.deepEqual(
      result.findings.map((f) => `${f.severity} ${f.pointer === deepest} [${f.rule}] ${f.line > 1000}`),
      ['error true [type] true'],
    );
    assert.equal(result.findings[0].source?.line, 1);
  });

  it('explains a syntax error in 200 KB of commas once, at its place', () => {
    const text = `[${','.repeat(200_000)}]`;
    assert.deepEqual(
      check(text).findings.map((f) => `${f.line}:${f.column} ${f.message}`),
      ['1:2 invalid JSON: a value is expected'],
    );
  });

  it('reports each trailing comma and unquoted key of a doc example, not their echoes', () => {
    const text = '{\n  "id": "x",\n  templateId: "scim",\n  "schedule": {"state": "Disabled",},\n}';
    assert.deepEqual(
      check(text).findings.map((f) => `${f.line}:${f.column} ${f.message}`),
      [
        '3:3 invalid JSON: property names must be in double quotes',
        // The second trailing comma on line 4 is not repeated: one finding per line.
        "4:35 invalid JSON: trailing comma before '}' is not allowed in JSON",
      ],
    );
  });

  it("says a Graph error envelope is Graph's error, with its code and request-id", () => {
    const envelope = JSON.stringify({
      error: {
        code: 'TooManyRequests',
        message: 'Too many requests.',
        innerError: { date: '2024-05-01T10:00:00', 'request-id': 'f0e1d2c3-0000-4000-8000-000000000001' },
      },
    });
    for (const collection of [false, true]) {
      const result = check(envelope, { collection });
      assert.deepEqual(
        result.findings.map((f) => `${f.severity} ${f.pointer} [${f.rule}]`),
        ['error  [graph-error]'],
      );
      assert.match(
        result.findings[0].message,
        /Graph's error response.*TooManyRequests.*Too many requests\..*request-id f0e1d2c3-0000-4000-8000-000000000001/,
      );
    }
  });

  it('says a body of another type is not a synchronizationJob', () => {
    const bodies: [string, RegExp][] = [
      ['{"id":"s1","directories":[],"synchronizationRules":[]}', /synchronizationSchema/],
      ['{"key":"Microsoft.Identity.Provisioning","value":"[]"}', /provisionOnDemand/],
      [`{"value":[${job}]}`, /collection.*--collection/],
    ];
    for (const [text, message] of bodies) {
      const findings = check(text).findings;
      assert.deepEqual(
        findings.map((f) => `${f.severity} [${f.rule}]`),
        ['error [wrong-type]'],
        text,
      );
      assert.match(findings[0].message, message);
    }
  });

  it('reports a non-2xx status as an error for a job type, with or without an operation', () => {
    assert.deepEqual(summary(job, { expectation: { status: 401 } }), ['1:1 error  [error-status]']);
    assert.deepEqual(summary(job, { expectation: { operation: 'getJob', status: 429 } }), [
      '1:1 error  [error-status]',
    ]);
  });

  it('reports a duplicate key at its second occurrence', () => {
    const text = '{\n  "id": "scim.1",\n  "templateId": "scim",\n  "id": "scim.2"\n}';
    const result = check(text);
    assert.deepEqual(
      result.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.pointer} [${f.rule}]`),
      ['4:3 error /id [duplicate-key]'],
    );
  });

  it('reports Int64 fields beyond the Int64 range and numbers that overflow to Infinity', () => {
    const counter = (digits: string) =>
      `{"id":"scim.1","status":{"countSuccessiveCompleteFailures":${digits},"code":"Paused"}}`;
    assert.deepEqual(summary(counter('9223372036854775807')), []);
    assert.deepEqual(summary(counter('-9223372036854775808')), []);
    assert.deepEqual(summary(counter('9223372036854775808')), [
      '4:5 error /status/countSuccessiveCompleteFailures [int64-range]',
    ]);
    assert.deepEqual(summary(counter('1e400')), ['4:5 error /status/countSuccessiveCompleteFailures [number-range]']);
  });

  it('accepts a UTF-8 byte order mark before the body', () => {
    const result = check(`\uFEFF${job}`);
    assert.equal(result.parsed, true);
    assert.deepEqual(result.findings, []);
  });
});
