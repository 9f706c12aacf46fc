// Generates the JSON Schemas (draft-07) that Graph responses are validated against, one per API version,
// from the CSDL excerpts in src/schema/csdl. Output is deterministic (sorted keys) and gitignored.
//   node scripts/generate-schemas.mjs             writes src/schema/generated/synchronization.{v1.0,beta}.schema.json
//   node scripts/generate-schemas.mjs --out DIR   writes into DIR instead (tests compare two runs)
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const csdlDir = join(root, 'src', 'schema', 'csdl');
const versions = ['v1.0', 'beta'];
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outDir = outIndex >= 0 ? args[outIndex + 1] : join(root, 'src', 'schema', 'generated');

const edmTypes = {
  'Edm.String': { type: 'string' },
  'Edm.Boolean': { type: 'boolean' },
  'Edm.Int32': { type: 'integer', minimum: -2147483648, maximum: 2147483647 },
  'Edm.Int64': { type: 'integer' },
  'Edm.Double': { type: 'number' },
  'Edm.DateTimeOffset': { type: 'string', format: 'date-time' },
  // ajv-formats' `duration` rejects fractional seconds, which Graph sends (e.g. .NET's TimeSpan.MaxValue).
  'Edm.Duration': { type: 'string', format: 'edm-duration' },
  'Edm.Guid': { type: 'string', format: 'uuid' },
};

// Real responses carry metadata keys outside these enums (and v1.0 and beta spell them differently),
// so the key of a *MetadataEntry is an open string: unknown keys are reported as warnings, not errors.
const isMetadataKey = (ownerName, propertyName) => ownerName.endsWith('MetadataEntry') && propertyName === 'key';

// Collection responses ({"value": [...]}) of the two types the extension lists.
const collectionEntryPoints = ['synchronizationJob', 'synchronizationTemplate'];

function readCsdl(file) {
  const xml = readFileSync(file, 'utf8');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`${file}: not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) =>
      ['ComplexType', 'EntityType', 'EnumType', 'Property', 'NavigationProperty', 'Member'].includes(name),
  });
  const schema = parser.parse(xml).Schema;
  if (!schema) throw new Error(`${file}: no <Schema> element`);
  const types = new Map();
  for (const kind of ['ComplexType', 'EntityType', 'EnumType']) {
    for (const element of schema[kind] ?? []) types.set(element.Name, { kind, ...element });
  }
  return types;
}

function localName(qualifiedName) {
  const match = /^(?:graph|microsoft\.graph)\.(\w+)$/.exec(qualifiedName);
  if (!match) throw new Error(`unsupported type reference ${qualifiedName}`);
  return match[1];
}

function nullableOr(schema, nullable) {
  return nullable ? { ...schema, type: [schema.type, 'null'] } : schema;
}

// One value of a property (the property itself, or an item of a collection property).
function valueSchema(typeName, nullable, types, owner, propertyName) {
  if (typeName.startsWith('Edm.')) {
    const edm = edmTypes[typeName];
    if (!edm) throw new Error(`${owner}.${propertyName}: no JSON Schema mapping for ${typeName}`);
    return nullableOr(edm, nullable);
  }
  const name = localName(typeName);
  const target = types.get(name);
  if (!target) throw new Error(`${owner}.${propertyName}: type ${typeName} is not in the excerpt`);
  if (target.kind === 'EnumType' && isMetadataKey(owner, propertyName)) {
    return nullableOr({ type: 'string', title: name, 'x-knownValues': target.Member.map((m) => m.Name) }, nullable);
  }
  const ref = { $ref: `#/definitions/${name}` };
  // `if/else` rather than anyOf keeps the validator's errors to those of the referenced type.
  return nullable ? { if: { type: 'null' }, else: ref } : ref;
}

function propertySchema(property, types, owner) {
  // Nullable defaults to true in CSDL; on a collection it applies to the items.
  const nullable = property.Nullable !== 'false';
  const collection = /^Collection\((.+)\)$/.exec(property.Type);
  if (!collection) return valueSchema(property.Type, nullable, types, owner, property.Name);
  // Graph sends null for unset collections, so the array itself may be null whatever its items allow.
  return { type: ['array', 'null'], items: valueSchema(collection[1], nullable, types, owner, property.Name) };
}

function inheritedProperties(type, types) {
  const base = type.BaseType ? types.get(localName(type.BaseType)) : undefined;
  if (type.BaseType && !base) throw new Error(`${type.Name}: base type ${type.BaseType} is not in the excerpt`);
  const own = [...(type.Property ?? []), ...(type.NavigationProperty ?? [])].map((p) => ({
    owner: type.Name,
    property: p,
  }));
  return base ? [...inheritedProperties(base, types), ...own] : own;
}

function structuredDefinition(type, types) {
  const properties = {};
  for (const { owner, property } of inheritedProperties(type, types)) {
    properties[property.Name] = propertySchema(property, types, owner);
  }
  const kind = type.kind === 'EntityType' ? 'entity type' : 'complex type';
  const open = type.OpenType === 'true';
  return {
    title: type.Name,
    description: `microsoft.graph.${type.Name} (${kind}${open ? ', open' : ''})`,
    type: 'object',
    properties,
    // OData annotations such as @odata.type or prop@odata.type are allowed on every object.
    patternProperties: { '@': true },
    ...(open ? {} : { additionalProperties: false }),
  };
}

function enumDefinition(type) {
  const names = type.Member.map((m) => m.Name);
  if (type.IsFlags !== 'true') return { title: type.Name, type: 'string', enum: names };
  const alternatives = `(?:${names.join('|')})`;
  return {
    title: type.Name,
    description: `microsoft.graph.${type.Name} (flags: comma-separated member names)`,
    type: 'string',
    pattern: `^ *${alternatives}(?: *, *${alternatives})* *$`,
    'x-flagNames': names,
  };
}

function collectionDefinition(itemName) {
  return {
    title: `${itemName}Collection`,
    description: `A collection response: {"value": [${itemName}, ...]} (not a CSDL type)`,
    type: 'object',
    properties: { value: { type: 'array', items: { $ref: `#/definitions/${itemName}` } } },
    patternProperties: { '@': true },
    additionalProperties: false,
  };
}

function buildSchema(version) {
  const csdlFile = join(csdlDir, `synchronization.${version}.csdl.xml`);
  const types = readCsdl(csdlFile);
  const definitions = {};
  for (const type of types.values()) {
    definitions[type.Name] = type.kind === 'EnumType' ? enumDefinition(type) : structuredDefinition(type, types);
  }
  for (const name of collectionEntryPoints) definitions[`${name}Collection`] = collectionDefinition(name);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://graph-sync-explorer.invalid/schemas/synchronization.${version}.schema.json`,
    $comment:
      `Generated from ${relative(root, csdlFile).split('\\').join('/')} by scripts/generate-schemas.mjs: do not edit. ` +
      'Every definition is an entry point (#/definitions/<type>). Properties are never required: responses may be truncated.',
    title: `Microsoft Graph synchronization types (${version})`,
    definitions,
  };
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key])]),
  );
}

const started = performance.now();
mkdirSync(outDir, { recursive: true });
const counts = [];
for (const version of versions) {
  const schema = buildSchema(version);
  const file = join(outDir, `synchronization.${version}.schema.json`);
  // Write then rename, so a concurrent reader never sees half a file.
  writeFileSync(`${file}.tmp`, `${JSON.stringify(sortKeys(schema), null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  counts.push(`${version} ${Object.keys(schema.definitions).length} definitions`);
}
console.log(
  `schemas: ${counts.join(', ')} in ${Math.round(performance.now() - started)} ms -> ${relative(process.cwd(), outDir) || '.'}`,
);
