import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { createJob } from '../../../src/graph/createJob';
import { GraphRequestError } from '../../../src/graph/errors';
import {
  getJobSchema,
  getTemplateSchema,
  listFilterOperators,
  listFunctions,
  parseExpression,
  putJobSchema,
  resetJobSchema,
  SchemaRequestError,
} from '../../../src/graph/schema';
import { listServicePrincipals } from '../../../src/graph/servicePrincipals';
import type { ServicePrincipal } from '../../../src/graph/types';
import { sampleClient } from './sampleClient';

describe('Graph layer: job schema and schema helpers (against the emulator)', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let box: ServicePrincipal;
  let jobId: string;

  before(async () => {
    emulator = await startEmulator();
    [box] = (
      await listServicePrincipals(sampleClient(emulator), {
        search: 'Box',
        onlyFromApplicationTemplates: true,
        pageSize: 5,
      })
    ).items;
  });
  after(() => emulator.close());
  beforeEach(async () => {
    emulator.reset();
    const outcome = await createJob(sampleClient(emulator), box.id, 'BoxOutDelta');
    jobId = outcome.kind === 'created' ? outcome.job!.id : assert.fail('job not created');
  });

  it('reads, replaces (PUT, never PATCH) and resets (DELETE) a job schema', async () => {
    const client = sampleClient(emulator);
    const { schema, response } = await getJobSchema(client, box.id, jobId);
    assert.equal(response.status, 200);
    assert.equal(schema.id, jobId);
    assert.ok('@odata.context' in schema);
    schema.synchronizationRules[0].objectMappings[0].enabled = false;
    const put = await putJobSchema(client, box.id, jobId, schema);
    assert.equal(put.status, 204);
    assert.equal(emulator.requests.count({ method: 'PATCH' }), 0);
    assert.equal(emulator.requests.count({ route: 'putJobSchema' }), 1);
    assert.equal(
      (await getJobSchema(client, box.id, jobId)).schema.synchronizationRules[0].objectMappings[0].enabled,
      false,
    );
    assert.equal((await resetJobSchema(client, box.id, jobId)).status, 204);
    assert.equal(
      (await getJobSchema(client, box.id, jobId)).schema.synchronizationRules[0].objectMappings[0].enabled,
      true,
    );
  });

  it('reads a template schema', async () => {
    const { schema } = await getTemplateSchema(sampleClient(emulator), box.id, 'BoxOutDelta');
    assert.equal(schema.id, `BoxOutDelta.${'0'.repeat(32)}`);
    assert.deepEqual(
      schema.directories.map((d) => d.name),
      ['Azure Active Directory', 'Box'],
    );
  });

  it('lists functions and filter operators under a job and under a template', async () => {
    const client = sampleClient(emulator);
    for (const owner of [
      { servicePrincipalId: box.id, jobId },
      { servicePrincipalId: box.id, templateId: 'BoxOutDelta' },
    ]) {
      const functions = await listFunctions(client, owner);
      assert.ok(functions.some((f) => f.name === 'SingleAppRoleAssignment'));
      const operators = await listFilterOperators(client, owner);
      assert.ok(operators.some((o) => o.name === 'REGEX_MATCH' && o.arity === 'Binary'));
    }
  });

  it('parses and evaluates an expression with a test input', async () => {
    const answer = await parseExpression(
      sampleClient(emulator),
      { servicePrincipalId: box.id, jobId },
      {
        expression: 'ToLower(Append([mailNickname], "@contoso.com"))',
        testInputObject: { properties: [{ key: 'mailNickname', value: 'JDoe' }] },
      },
    );
    assert.deepEqual(
      [answer.parsingSucceeded, answer.evaluationSucceeded, answer.evaluationResult],
      [true, true, ['jdoe@contoso.com']],
    );
    assert.equal(answer.parsedExpression?.name, 'ToLower');
  });

  it('throws typed errors with schema hints: unknown job, refused schema, bad parse request', async () => {
    const client = sampleClient(emulator);
    await assert.rejects(getJobSchema(client, box.id, 'nope'), (error: unknown) => {
      assert.ok(error instanceof SchemaRequestError && error instanceof GraphRequestError);
      assert.equal(error.status, 404);
      assert.match(error.hint, /does not exist/);
      assert.ok(error.requestId);
      return true;
    });
    await assert.rejects(
      putJobSchema(client, box.id, jobId, { synchronizationRules: 5 } as never),
      (error: unknown) =>
        error instanceof SchemaRequestError && error.status === 400 && /refused the schema/.test(error.hint),
    );
    await assert.rejects(
      parseExpression(client, { servicePrincipalId: box.id, jobId }, {} as never),
      (error: unknown) => error instanceof SchemaRequestError && /expression/.test(error.hint),
    );
  });
});
