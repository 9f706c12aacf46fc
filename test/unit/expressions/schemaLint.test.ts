import assert from 'node:assert/strict';
import { checkSchemaDocument, lintSchema, type LintFinding } from '../../../src/expressions';
import { synchronizationSchema, templateSchemaId } from '../../../src/emulator/sampleSchema';
import { templateCatalog } from '../../../src/emulator/sampleTemplates';

type Schema = ReturnType<typeof synchronizationSchema>;
const box = () => synchronizationSchema(templateSchemaId('BoxOutDelta'), templateCatalog.get('BoxOutDelta')!, 'Box');
const workday = () => synchronizationSchema(templateSchemaId('Workday'), templateCatalog.get('Workday')!, 'Workday');
const userMapping = (schema: Schema) => schema.synchronizationRules[0].objectMappings[0];
const attributeMappings = (schema: Schema) =>
  userMapping(schema).attributeMappings as {
    source: Record<string, unknown>;
    targetAttributeName: string;
    matchingPriority: number;
  }[];
const setExpression = (schema: Schema, index: number, expression: string) => {
  attributeMappings(schema)[index].source = { expression, name: null, parameters: [], type: 'Function' };
};
const scopeClause = (schema: Schema, operatorName: string, sourceOperandName: string, values: string[]) => {
  (userMapping(schema) as { scope: unknown }).scope = {
    categoryFilterGroups: [],
    inputFilterGroups: [],
    groups: [{ name: 'g', clauses: [{ operatorName, sourceOperandName, targetOperand: { values } }] }],
  };
};

/** The findings of one rule, each with the document text it points at. */
function findings(text: string, rule: string): (LintFinding & { at: string })[] {
  return lintSchema(text)
    .filter((finding) => finding.rule === rule)
    .map((finding) => ({ ...finding, at: text.slice(finding.start, finding.end) }));
}
const minified = (schema: Schema) => JSON.stringify(schema);

describe('expressions: schema lint rules', () => {
  it("finds nothing in the sample tenant's template schemas", () => {
    for (const template of templateCatalog.values()) {
      assert.deepEqual(
        lintSchema(JSON.stringify(synchronizationSchema('x', template, 'App'), null, 2)),
        [],
        template.id,
      );
    }
  });

  it('expression-syntax: points at the exact character inside the JSON string, escapes accounted for', () => {
    const schema = box();
    setExpression(schema, 1, 'Join("\\"", [givenName] [surname])');
    const text = minified(schema);
    const [finding] = findings(text, 'expression-syntax');
    assert.equal(finding.at, '[surname]');
    assert.equal(finding.severity, 'error');
    // Pretty-printed with a \u escape before the error: still the right place.
    const escaped = JSON.stringify(schema, null, 2).replace('Join(', 'J\\u006fin(');
    assert.equal(findings(escaped, 'expression-syntax')[0].at, '[surname]');
    assert.deepEqual(findings(minified(box()), 'expression-syntax'), []);
  });

  it('expression-too-long: over 10,000 characters', () => {
    const schema = box();
    setExpression(schema, 2, `Join(" ", ${Array.from({ length: 1000 }, () => '[givenName]').join(', ')})`);
    assert.equal(findings(minified(schema), 'expression-too-long').length, 1);
    setExpression(schema, 2, `Join(" ", ${Array.from({ length: 10 }, () => '[givenName]').join(', ')})`);
    assert.deepEqual(findings(minified(schema), 'expression-too-long'), []);
  });

  it('unknown-function: names the function, suggests the right case', () => {
    const schema = box();
    setExpression(schema, 1, 'Append(toLower([givenName]), Frobnicate("x"))');
    const found = findings(minified(schema), 'unknown-function');
    assert.deepEqual(
      found.map((f) => f.at),
      ['toLower', 'Frobnicate'],
    );
    assert.match(found[0].message, /did you mean ToLower\?/);
  });

  it('unknown-function also in a structured source without expression text', () => {
    const schema = box();
    attributeMappings(schema)[1].source = {
      expression: null,
      name: 'Nope',
      type: 'Function',
      parameters: [
        { key: 'source', value: { expression: null, name: 'givenName', type: 'Attribute', parameters: [] } },
      ],
    };
    assert.deepEqual(
      findings(minified(schema), 'unknown-function').map((f) => f.at),
      ['"Nope"'],
    );
  });

  it('function-arity: too few or too many arguments', () => {
    const schema = box();
    setExpression(schema, 1, 'Mid([givenName], 1)');
    assert.deepEqual(
      findings(minified(schema), 'function-arity').map((f) => f.at),
      ['Mid'],
    );
    setExpression(schema, 1, 'Mid([givenName], 1, 2)');
    assert.deepEqual(findings(minified(schema), 'function-arity'), []);
  });

  it('unknown-source-attribute: in expressions and in plain attribute sources', () => {
    const schema = box();
    setExpression(schema, 1, 'Append([givenName], [costCentre])');
    attributeMappings(schema)[2].source = { expression: null, name: 'nickName', parameters: [], type: 'Attribute' };
    assert.deepEqual(
      findings(minified(schema), 'unknown-source-attribute').map((f) => f.at),
      ['[costCentre]', '"nickName"'],
    );
  });

  it('unknown-target-attribute: a target the target directory does not define', () => {
    const schema = box();
    attributeMappings(schema)[3].targetAttributeName = 'name.middleName';
    const [finding] = findings(minified(schema), 'unknown-target-attribute');
    assert.equal(finding.at, '"name.middleName"');
    assert.match(finding.message, /add it to the target directory/);
  });

  it('duplicate-matching-priority: two matching attributes with the same precedence', () => {
    const schema = box();
    attributeMappings(schema)[3].matchingPriority = 1;
    assert.deepEqual(
      findings(minified(schema), 'duplicate-matching-priority').map((f) => f.at),
      ['1'],
    );
    attributeMappings(schema)[3].matchingPriority = 3;
    assert.deepEqual(findings(minified(schema), 'duplicate-matching-priority'), []);
  });

  it('scope-unsupported-attribute: appRoleAssignments, userType, manager and date attributes', () => {
    for (const operand of ['appRoleAssignments', 'userType', 'manager', 'employeeHireDate']) {
      const schema = box();
      scopeClause(schema, 'IS_NOT_NULL', operand, []);
      assert.deepEqual(
        findings(minified(schema), 'scope-unsupported-attribute').map((f) => f.at),
        [`"${operand}"`],
        operand,
      );
    }
    const schema = box();
    scopeClause(schema, 'EQUALS', 'department', ['Sales']);
    assert.deepEqual(findings(minified(schema), 'scope-unsupported-attribute'), []);
  });

  it('scope-integer-value: GREATER_THAN-style operators need integers', () => {
    const schema = workday();
    scopeClause(schema, 'GREATER_THAN', 'EmployeeNumber', ['1000.5']);
    assert.deepEqual(
      findings(minified(schema), 'scope-integer-value').map((f) => f.at),
      ['"1000.5"'],
    );
    scopeClause(schema, 'Less_Than_OR_EQUALS', 'EmployeeNumber', ['abc']);
    assert.equal(findings(minified(schema), 'scope-integer-value').length, 1);
    scopeClause(schema, 'GREATER_THAN', 'EmployeeNumber', ['1000000']);
    assert.deepEqual(findings(minified(schema), 'scope-integer-value'), []);
  });

  it('unknown-filter-operator', () => {
    const schema = box();
    scopeClause(schema, 'STARTS_WITH_ISH', 'department', ['x']);
    assert.deepEqual(
      findings(minified(schema), 'unknown-filter-operator').map((f) => f.at),
      ['"STARTS_WITH_ISH"'],
    );
  });

  it('multivalued-extension: a multi-valued directory extension attribute', () => {
    const schema = box();
    const attributes = schema.directories[0].objects[0].attributes as { name: string; multivalued: boolean }[];
    attributes.push({ ...attributes[0], name: 'extension_9d98a1c8d7bf4c6c8d4a1b2c3d4e5f60_skills', multivalued: true });
    attributes.push({
      ...attributes[0],
      name: 'extension_9d98a1c8d7bf4c6c8d4a1b2c3d4e5f60_costCenter',
      multivalued: false,
    });
    assert.deepEqual(
      findings(minified(schema), 'multivalued-extension').map((f) => f.at),
      ['true'],
    );
  });

  it('json-syntax, and no throw on any shape', () => {
    assert.equal(findings('{"synchronizationRules": [', 'json-syntax').length > 0, true);
    for (const text of [
      '',
      'null',
      '[]',
      '{"synchronizationRules": 5}',
      '{"synchronizationRules": [{"objectMappings": [{"attributeMappings": [{"source": 3}]}]}]}',
    ]) {
      assert.doesNotThrow(() => lintSchema(text), text);
    }
  });
});

describe('expressions: checkSchemaDocument (JSON Schema from the CSDL + lint)', () => {
  it('finds nothing in a sample schema, and reports type errors and unknown properties at their place', () => {
    const schema = box();
    assert.deepEqual(checkSchemaDocument(JSON.stringify(schema)).findings, []);
    (userMapping(schema) as Record<string, unknown>).enabled = 'yes';
    (userMapping(schema) as Record<string, unknown>).colour = 'blue';
    attributeMappings(schema)[0].targetAttributeName = 'nickName';
    const text = JSON.stringify(schema, null, 1);
    const found = checkSchemaDocument(text).findings.map((f) => [f.rule, f.severity, text.slice(f.start, f.end)]);
    assert.deepEqual(found, [
      ['unknown-target-attribute', 'error', '"nickName"'],
      ['json-schema', 'error', '"yes"'],
      ['json-schema', 'warning', '"colour"'],
    ]);
  });

  it('reports JSON syntax errors only (no schema pass) when the text does not parse', () => {
    const { findings } = checkSchemaDocument('{"id": "x",');
    assert.ok(findings.length > 0 && findings.every((f) => f.rule === 'json-syntax'));
  });
});
