// Every type of both CSDL excerpts, exercised through the generated schema. The expectations (JSON type, nullability,
// collections) come from the CSDL XML itself; the valid samples are built from the schema. For each property: the
// sample's value has the CSDL's JSON type, a wrong-typed value is an error at exactly its pointer, and null is an error
// where the CSDL says Nullable="false".
import assert from 'node:assert/strict';
import type { ApiVersion } from '../../../src/graph/types';
import { compiledValidator, generatedSchema, resolveSchema } from '../../../src/schema/schemaCatalog';
import { schemaFindings } from '../../../src/schema/schemaFindings';
import { readCsdl, sampleValue, type CsdlProperty } from './support';

function findingsFor(version: ApiVersion, definition: string, value: unknown): string[][] {
  const { validate } = compiledValidator(version, definition);
  validate(value);
  return schemaFindings(validate.errors ?? [], version).map((f) => [f.severity, f.pointer, f.rule]);
}

function jsonTypeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return value === null ? 'null' : typeof value;
}

function wrongValueFor(property: CsdlProperty): unknown {
  return property.jsonType === 'string' ? 12345 : 'not the right type';
}

for (const version of ['v1.0', 'beta'] as const) {
  describe(`every ${version} CSDL type`, () => {
    const definitions = generatedSchema(version).definitions;
    const csdl = readCsdl(version);

    it('has exactly one definition per CSDL type, plus the two collection responses', () => {
      const expected = [...csdl.keys(), 'synchronizationJobCollection', 'synchronizationTemplateCollection'].sort();
      assert.deepEqual(Object.keys(definitions).sort(), expected);
    });

    for (const [name, type] of csdl) {
      it(`${name}: a sample validates; wrong types and disallowed nulls are errors at their pointers`, () => {
        const sample = sampleValue({ $ref: `#/definitions/${name}` }, definitions) as Record<string, unknown>;
        assert.deepEqual(findingsFor(version, name, sample), [], JSON.stringify(sample));

        if (type.kind === 'EnumType') {
          assert.deepEqual(findingsFor(version, name, 'NotAMember'), [['error', '', type.isFlags ? 'flags' : 'enum']]);
          assert.deepEqual(findingsFor(version, name, 3), [['error', '', 'type']]);
          return;
        }
        for (const property of type.properties) {
          const pointer = `/${property.name}`;
          const sampled = property.collection ? (sample[property.name] as unknown[])[0] : sample[property.name];
          assert.equal(
            jsonTypeOf(sampled),
            property.jsonType,
            `${name}.${property.name} sample ${JSON.stringify(sampled)}`,
          );

          const wrong = findingsFor(version, name, { ...sample, [property.name]: wrongValueFor(property) });
          assert.deepEqual(wrong, [['error', pointer, 'type']], `${property.name}: wrong type`);

          const nulled = property.collection ? [null] : null;
          const nullPointer = property.collection ? `${pointer}/0` : pointer;
          const nullFindings = findingsFor(version, name, { ...sample, [property.name]: nulled });
          assert.deepEqual(
            nullFindings,
            property.nullable ? [] : [['error', nullPointer, 'not-nullable']],
            `${property.name}: null`,
          );
        }
      });
    }

    it('resolves every $ref to a definition', () => {
      const refs = new Set(JSON.stringify(definitions).match(/#\/definitions\/\w+/g));
      assert.ok(refs.size > 30);
      for (const ref of refs) assert.ok(resolveSchema({ $ref: ref }, definitions), ref);
    });
  });
}
