import assert from 'node:assert/strict';
import { lintSchema } from '../../../src/expressions';
import { compiledValidator } from '../../../src/schema/schemaCatalog';
import { raw, sampleTenantFixture } from './support';

describe('emulator: job and template schemas', function () {
  this.timeout(20_000);
  const sample = sampleTenantFixture();
  const call = (method: string, path: string, body?: unknown) =>
    raw(sample.emulator, `/v1.0/servicePrincipals/${sample.box}/synchronization${path}`, {
      method,
      token: sample.token,
      body,
    });
  const newJob = async () => (await call('POST', '/jobs', { templateId: 'BoxOutDelta' })).json.id as string;
  const validSchema = (value: unknown, type = 'synchronizationSchema') => {
    const { validate } = compiledValidator('v1.0', type);
    assert.ok(validate(value), JSON.stringify(validate.errors?.slice(0, 3)));
  };

  it("gives a new job its template's schema: valid against the CSDL, lint-clean, with expressions, scope and priorities", async () => {
    const id = await newJob();
    const schema = await call('GET', `/jobs/${id}/schema`);
    assert.equal(schema.status, 200);
    assert.equal(schema.json.id, id);
    validSchema(schema.json);
    assert.deepEqual(lintSchema(schema.text), []);
    const [rule] = schema.json.synchronizationRules;
    assert.deepEqual(rule.metadata, [{ key: 'IsOnDemandProvisioningSupported', value: 'true' }]);
    const users = rule.objectMappings[0];
    assert.ok(
      users.attributeMappings.some(
        (m: any) => m.source.type === 'Function' && m.source.expression.startsWith('Switch('),
      ),
    );
    assert.deepEqual(
      users.attributeMappings.filter((m: any) => m.matchingPriority > 0).map((m: any) => m.matchingPriority),
      [1, 2],
    );
    assert.equal(users.scope.groups[0].clauses[0].operatorName, 'IS_NOT_NULL');
    const template = await call('GET', '/templates/BoxOutDelta/schema');
    assert.equal(template.status, 200);
    assert.equal(template.json.id, `BoxOutDelta.${'0'.repeat(32)}`);
    assert.deepEqual(template.json.synchronizationRules, schema.json.synchronizationRules);
  });

  it('PUT replaces the schema (204), GET returns it, DELETE resets it to the template (204)', async () => {
    const id = await newJob();
    const schema = (await call('GET', `/jobs/${id}/schema`)).json;
    schema.synchronizationRules[0].objectMappings[0].attributeMappings[1].source.expression = 'Not([IsSoftDeleted])';
    const put = await call('PUT', `/jobs/${id}/schema`, schema);
    assert.equal(put.status, 204);
    assert.equal(put.text, '');
    const after = await call('GET', `/jobs/${id}/schema`);
    assert.equal(
      after.json.synchronizationRules[0].objectMappings[0].attributeMappings[1].source.expression,
      'Not([IsSoftDeleted])',
    );
    assert.equal(sample.emulator.requests.count({ route: 'putJobSchema', status: 204 }), 1);
    const reset = await call('DELETE', `/jobs/${id}/schema`);
    assert.equal(reset.status, 204);
    const restored = await call('GET', `/jobs/${id}/schema`);
    assert.match(
      restored.json.synchronizationRules[0].objectMappings[0].attributeMappings[1].source.expression,
      /^Switch\(/,
    );
  });

  it("keeps each job's schema to itself, and forgets it when the job is deleted or the tenant reset", async () => {
    const [a, b] = [await newJob(), await newJob()];
    await call('PUT', `/jobs/${a}/schema`, { id: a, version: 'x', directories: [], synchronizationRules: [] });
    assert.deepEqual((await call('GET', `/jobs/${a}/schema`)).json.synchronizationRules, []);
    assert.ok((await call('GET', `/jobs/${b}/schema`)).json.synchronizationRules.length > 0);
    await call('DELETE', `/jobs/${a}`);
    assert.equal((await call('GET', `/jobs/${a}/schema`)).status, 404);
  });

  it('answers PATCH like Graph: 404 UnknownError whose message is a JSON string', async () => {
    const id = await newJob();
    const patch = await call('PATCH', `/jobs/${id}/schema`, { synchronizationRules: [] });
    assert.equal(patch.status, 404);
    assert.equal(patch.json.error.code, 'UnknownError');
    assert.match(JSON.parse(patch.json.error.message).Message, /No HTTP resource was found/);
    assert.ok((await call('GET', `/jobs/${id}/schema`)).json.synchronizationRules.length > 0, 'nothing changed');
  });

  it('refuses a PUT body that is not a schema object, and schemas of jobs that do not exist', async () => {
    const id = await newJob();
    assert.equal((await call('PUT', `/jobs/${id}/schema`, [1, 2])).status, 400);
    assert.equal((await call('PUT', `/jobs/${id}/schema`, '{not json')).status, 400);
    assert.equal((await call('PUT', `/jobs/${id}/schema`, { synchronizationRules: {} })).status, 400);
    for (const method of ['GET', 'PUT', 'DELETE'])
      assert.equal((await call(method, '/jobs/nope/schema', method === 'PUT' ? {} : undefined)).status, 404, method);
    assert.equal((await call('GET', '/templates/nope/schema')).status, 404);
  });

  for (const owner of ['jobs/:job', 'templates/BoxOutDelta']) {
    it(`lists functions and filter operators under ${owner}/schema`, async () => {
      const path = owner === 'jobs/:job' ? `jobs/${await newJob()}` : owner;
      const functions = await call('GET', `/${path}/schema/functions`);
      assert.equal(functions.status, 200);
      const append = functions.json.value.find((f: any) => f.name === 'Append');
      assert.deepEqual(append.parameters[0], {
        name: 'source',
        type: 'String',
        required: true,
        allowMultipleOccurrences: false,
      });
      const operators = await call('GET', `/${path}/schema/filterOperators`);
      assert.deepEqual(
        operators.json.value.find((o: any) => o.name === 'IS_TRUE'),
        {
          '@odata.type': '#microsoft.graph.filterOperatorSchema',
          name: 'IS_TRUE',
          arity: 'Unary',
          multivaluedComparisonType: 'All',
          supportedAttributeTypes: ['Boolean'],
        },
      );
    });

    it(`parses and evaluates an expression under ${owner}/schema`, async () => {
      const path = owner === 'jobs/:job' ? `jobs/${await newJob()}` : owner;
      const answer = await call('POST', `/${path}/schema/parseExpression`, {
        expression: 'Join(".", [givenName], [surname])',
        testInputObject: {
          definition: null,
          properties: [
            { key: 'givenName', value: 'John' },
            { key: 'surname', value: 'Doe' },
          ],
        },
        targetAttributeDefinition: null,
      });
      assert.equal(answer.status, 200);
      assert.deepEqual(
        { ...answer.json, parsedExpression: undefined, '@odata.context': undefined },
        {
          '@odata.context': undefined,
          error: null,
          evaluationResult: ['John.Doe'],
          evaluationSucceeded: true,
          parsedExpression: undefined,
          parsingSucceeded: true,
        },
      );
      assert.deepEqual(
        answer.json.parsedExpression.parameters.map((p: any) => [p.key, p.value.type, p.value.name]),
        [
          ['separator', 'Constant', '.'],
          ['source', 'Attribute', 'givenName'],
          ['source', 'Attribute', 'surname'],
        ],
      );
      validSchema(answer.json, 'parseExpressionResponse');
    });
  }

  it('parseExpression: a parse error, an unknown function, an evaluation error, no test input', async () => {
    const id = await newJob();
    const parse = (body: unknown) => call('POST', `/jobs/${id}/schema/parseExpression`, body);
    const broken = (await parse({ expression: 'Append([a], "x' })).json;
    validSchema(broken, 'parseExpressionResponse');
    assert.deepEqual(
      [broken.parsingSucceeded, broken.evaluationSucceeded, broken.parsedExpression, broken.error.code],
      [false, false, null, 'ExpressionParsingFailed'],
    );
    assert.match(broken.error.message, /position 13/);
    assert.equal((await parse({ expression: 'Frob([a])' })).json.parsingSucceeded, false);
    const failed = (
      await parse({ expression: 'Mid([a], "x", 1)', testInputObject: { properties: [{ key: 'a', value: 'abc' }] } })
    ).json;
    assert.deepEqual(
      [failed.parsingSucceeded, failed.evaluationSucceeded, failed.error.code],
      [true, false, 'ExpressionEvaluationFailed'],
    );
    const parsedOnly = (await parse({ expression: 'ToLower([a])' })).json;
    assert.deepEqual(
      [parsedOnly.parsingSucceeded, parsedOnly.evaluationSucceeded, parsedOnly.evaluationResult],
      [true, false, null],
    );
    assert.equal((await parse({})).status, 400);
  });
});
