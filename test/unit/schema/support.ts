// Shared by the schema tests: fresh generated schemas, the seed fixtures, and sample values built from the schema.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHttpMessage, type HttpMessage } from '../../../src/cli/httpMessage';
import { resolveSchema, type SchemaNode } from '../../../src/schema/schemaCatalog';

export const repoRoot = join(__dirname, '..', '..', '..');

// The validator reads src/schema/generated, which the build writes; regenerate once per run so that the tests never
// see a stale or missing schema (it takes well under a second).
execFileSync(process.execPath, [join(repoRoot, 'scripts', 'generate-schemas.mjs')], { stdio: 'ignore' });

export interface Seed {
  response: HttpMessage;
  requestBody: string;
  requestedTemplateId: string;
}

export function readSeed(number: string): Seed {
  const read = (kind: string) =>
    readFileSync(join(repoRoot, 'test', 'fixtures', 'seeds', `${number}-${kind}.http`), 'utf8');
  const request = parseHttpMessage(read('request'));
  const response = parseHttpMessage(read('response'));
  return { response, requestBody: request.body, requestedTemplateId: JSON.parse(request.body).templateId };
}

/** line:column of the first occurrence of `snippet` in the text, found by plain search. */
export function positionOf(text: string, snippet: string): string {
  const offset = text.indexOf(snippet);
  if (offset < 0) throw new Error(`${snippet} is not in the text`);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

function sampleString(schema: SchemaNode): string {
  if (schema.enum) return schema.enum[schema.enum.length - 1];
  if (schema['x-flagNames']) return schema['x-flagNames'].slice(0, 2).join(', ');
  if (schema['x-knownValues']) return schema['x-knownValues'][0];
  switch (schema.format) {
    case 'date-time':
      return '2024-05-01T10:20:30.1234567Z';
    case 'edm-duration':
      return 'PT40M';
    case 'uuid':
      return '8adf8e6e-67b2-4cf2-a259-e3dc5476c621';
    default:
      return 'sample text';
  }
}

/** A valid value for a schema, every property filled in down to `depth` nested objects. */
export function sampleValue(schema: SchemaNode, definitions: Record<string, SchemaNode>, depth = 3): unknown {
  const resolved = resolveSchema(schema, definitions);
  const type = [resolved.type ?? []].flat().find((t) => t !== 'null');
  switch (type) {
    case 'object': {
      if (depth === 0) return {};
      const entries = Object.entries(resolved.properties ?? {}).map(([name, child]) => [
        name,
        sampleValue(child, definitions, depth - 1),
      ]);
      return Object.fromEntries(entries);
    }
    case 'array':
      return depth === 0 ? [] : [sampleValue(resolved.items!, definitions, depth - 1)];
    case 'integer':
      return 7;
    case 'number':
      return 2.5;
    case 'boolean':
      return true;
    case 'string':
      return sampleString(resolved);
    default:
      throw new Error(`no sample for ${JSON.stringify(resolved)}`);
  }
}

/** A CSDL property as the tests expect it to appear in JSON, read straight from the XML (the generator's oracle). */
export interface CsdlProperty {
  name: string;
  jsonType: 'string' | 'integer' | 'number' | 'boolean' | 'object';
  collection: boolean;
  nullable: boolean;
}

export interface CsdlType {
  kind: 'ComplexType' | 'EntityType' | 'EnumType';
  properties: CsdlProperty[];
  members: string[];
  isFlags: boolean;
}

const edmJsonTypes: Record<string, CsdlProperty['jsonType']> = {
  'Edm.String': 'string',
  'Edm.Guid': 'string',
  'Edm.DateTimeOffset': 'string',
  'Edm.Duration': 'string',
  'Edm.Boolean': 'boolean',
  'Edm.Int32': 'integer',
  'Edm.Int64': 'integer',
  'Edm.Double': 'number',
};

export function readCsdl(version: string): Map<string, CsdlType> {
  const xml = readFileSync(join(repoRoot, 'src', 'schema', 'csdl', `synchronization.${version}.csdl.xml`), 'utf8');
  const elements = [
    ...xml.matchAll(
      /<(ComplexType|EntityType|EnumType) ([^>]*?)(\/?)>([\s\S]*?)(?:<\/\1>|(?=<(?:ComplexType|EntityType|EnumType|Action|Function) ))/g,
    ),
  ];
  const attribute = (attributes: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(attributes)?.[1];
  const raw = new Map(
    elements.map(([, kind, attributes, , body]) => [attribute(attributes, 'Name')!, { kind, attributes, body }]),
  );
  const enums = new Set([...raw].filter(([, e]) => e.kind === 'EnumType').map(([name]) => name));
  const propertiesOf = (name: string): CsdlProperty[] => {
    const { attributes, body } = raw.get(name)!;
    const base = attribute(attributes, 'BaseType')?.replace('graph.', '');
    const own = [...body.matchAll(/<(?:Navigation)?Property ([^>]*)\/>/g)].map(([, a]) => {
      const type = attribute(a, 'Type')!;
      const inner = /^Collection\((.+)\)$/.exec(type)?.[1] ?? type;
      const local = inner.replace('graph.', '');
      const jsonType = edmJsonTypes[inner] ?? (enums.has(local) ? 'string' : 'object');
      return {
        name: attribute(a, 'Name')!,
        jsonType,
        collection: inner !== type,
        nullable: attribute(a, 'Nullable') !== 'false',
      };
    });
    return [...(base ? propertiesOf(base) : []), ...own];
  };
  const types = new Map<string, CsdlType>();
  for (const [name, { kind, attributes, body }] of raw) {
    types.set(name, {
      kind: kind as CsdlType['kind'],
      properties: kind === 'EnumType' ? [] : propertiesOf(name),
      members: [...body.matchAll(/<Member Name="(\w+)"/g)].map(([, member]) => member),
      isFlags: attribute(attributes, 'IsFlags') === 'true',
    });
  }
  return types;
}
