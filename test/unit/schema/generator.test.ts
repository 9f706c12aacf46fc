// The schema generator: deterministic output, and the Edm/CSDL mappings the validator relies on.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GeneratedSchema } from '../../../src/schema/schemaCatalog';
import { repoRoot } from './support';

const generator = join(repoRoot, 'scripts', 'generate-schemas.mjs');

function generateInto(dir: string): string {
  return execFileSync(process.execPath, [generator, '--out', dir], { encoding: 'utf8' });
}

describe('schema generator', () => {
  const dirs: string[] = [];
  let schemas: Record<string, GeneratedSchema>;

  before(() => {
    for (let i = 0; i < 2; i++) dirs.push(mkdtempSync(join(tmpdir(), 'graph-sync-schemas-')));
    generateInto(dirs[0]);
    const read = (version: string) =>
      JSON.parse(readFileSync(join(dirs[0], `synchronization.${version}.schema.json`), 'utf8'));
    schemas = { 'v1.0': read('v1.0'), beta: read('beta') };
  });

  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  // Its speed is no test's business (a busy machine would fail it): the build prints how long it took.
  it('writes byte-identical files on every run, with sorted keys', () => {
    const output = generateInto(dirs[1]);
    assert.match(output, /v1\.0 69 definitions, beta 68 definitions/);
    const files = readdirSync(dirs[0]).sort();
    assert.deepEqual(files, ['synchronization.beta.schema.json', 'synchronization.v1.0.schema.json']);
    for (const file of files) {
      const text = readFileSync(join(dirs[0], file), 'utf8');
      assert.equal(readFileSync(join(dirs[1], file), 'utf8'), text, file);
      // The CSDL lists synchronizationJob's navigation properties last; the output sorts them in.
      const keys = Object.keys(JSON.parse(text).definitions.synchronizationJob.properties);
      assert.deepEqual(keys, [...keys].sort());
    }
  });

  it('records its source and targets draft-07', () => {
    const schema = schemas['v1.0'] as GeneratedSchema & { $schema: string; $comment: string };
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.match(schema.$comment, /^Generated from src\/schema\/csdl\/synchronization\.v1\.0\.csdl\.xml .*do not edit/);
  });

  it('maps the Edm primitive types', () => {
    const d = schemas['v1.0'].definitions;
    assert.deepEqual(d.synchronizationRule.properties!.priority, {
      type: 'integer',
      minimum: -2147483648,
      maximum: 2147483647,
    });
    assert.deepEqual(d.synchronizationProgress.properties!.completedUnits, { type: 'integer' });
    assert.deepEqual(d.synchronizationSchedule.properties!.interval, { type: 'string', format: 'edm-duration' });
    assert.deepEqual(d.synchronizationSchedule.properties!.expiration, {
      type: ['string', 'null'],
      format: 'date-time',
    });
    assert.deepEqual(d.synchronizationTemplate.properties!.applicationId, { type: 'string', format: 'uuid' });
    assert.deepEqual(d.synchronizationTemplate.properties!.discoverable, { type: 'boolean' });
    assert.deepEqual(d.synchronizationJob.properties!.templateId, { type: ['string', 'null'] });
  });

  it('maps nullability, collections, enums and references', () => {
    const d = schemas['v1.0'].definitions;
    assert.deepEqual(d.synchronizationSchedule.properties!.state, {
      $ref: '#/definitions/synchronizationScheduleState',
    });
    assert.deepEqual(d.synchronizationStatus.properties!.quarantine, {
      if: { type: 'null' },
      else: { $ref: '#/definitions/synchronizationQuarantine' },
    });
    assert.deepEqual(d.filterOperatorSchema.properties!.supportedAttributeTypes, {
      type: ['array', 'null'],
      items: { $ref: '#/definitions/attributeType' },
    });
    assert.deepEqual(d.synchronizationScheduleState, {
      title: 'synchronizationScheduleState',
      type: 'string',
      enum: ['Active', 'Disabled', 'Paused'],
    });
  });

  it('gives entity types the inherited non-nullable id, and accepts navigation properties', () => {
    const d = schemas['v1.0'].definitions;
    for (const entity of ['synchronizationJob', 'synchronizationTemplate', 'synchronizationSchema', 'bulkUpload']) {
      assert.deepEqual(d[entity].properties!.id, { type: 'string' }, entity);
    }
    assert.deepEqual(d.synchronizationTemplate.properties!.schema, {
      if: { type: 'null' },
      else: { $ref: '#/definitions/synchronizationSchema' },
    });
    assert.ok(d.synchronizationJob.properties!.bulkUpload, 'v1.0 has bulkUpload');
    assert.equal(
      schemas.beta.definitions.synchronizationJob.properties!.bulkUpload,
      undefined,
      'the beta excerpt has no bulkUpload',
    );
  });

  it('closes objects except open types, and always allows OData annotations', () => {
    const d = schemas['v1.0'].definitions as Record<
      string,
      { additionalProperties?: boolean; patternProperties?: object }
    >;
    assert.equal(d.synchronizationJob.additionalProperties, false);
    assert.equal(d.publicInnerError.additionalProperties, undefined);
    assert.equal(d.stringKeyObjectValuePair.additionalProperties, undefined);
    assert.deepEqual(d.keyValuePair.patternProperties, { '@': true });
  });

  it('writes flags enums as a pattern over member names, and metadata keys as open strings per version', () => {
    const scope = schemas['v1.0'].definitions.synchronizationJobRestartScope;
    const pattern = new RegExp(scope.pattern!);
    for (const ok of ['Watermark, Escrows, QuarantineState', 'Full', 'ForceDeletes,Watermark', ' None '])
      assert.match(ok, pattern);
    for (const bad of ['', 'Watermark,', 'watermark', 'Watermark; Escrows', 'Watermark Escrows'])
      assert.doesNotMatch(bad, pattern);
    const v1Key = schemas['v1.0'].definitions.synchronizationMetadataEntry.properties!.key;
    const betaKey = schemas.beta.definitions.synchronizationMetadataEntry.properties!.key;
    assert.deepEqual(v1Key.type, ['string', 'null']);
    assert.equal(v1Key['x-knownValues']![0], 'GalleryApplicationIdentifier');
    assert.equal(betaKey['x-knownValues']![0], 'galleryApplicationIdentifier');
    for (const entry of [
      'objectMappingMetadataEntry',
      'objectDefinitionMetadataEntry',
      'attributeDefinitionMetadataEntry',
    ]) {
      assert.ok(schemas['v1.0'].definitions[entry].properties!.key['x-knownValues'], entry);
    }
    // A secret's key is an enum like any other: not a metadata key.
    assert.deepEqual(schemas['v1.0'].definitions.synchronizationSecretKeyStringValuePair.properties!.key, {
      $ref: '#/definitions/synchronizationSecret',
    });
  });
});
