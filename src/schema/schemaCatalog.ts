// The generated JSON Schemas, compiled with ajv lazily: once per API version and entry type, then cached.
import Ajv, { type ValidateFunction } from 'ajv';
import type { ApiVersion } from '../graph/types';
import { addEdmFormats } from './edmFormats';

/** The subset of JSON Schema the generator writes (scripts/generate-schemas.mjs). */
export interface SchemaNode {
  $ref?: string;
  title?: string;
  type?: string | string[];
  format?: string;
  enum?: string[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean;
  items?: SchemaNode;
  if?: SchemaNode;
  else?: SchemaNode;
  'x-knownValues'?: string[];
  'x-flagNames'?: string[];
}

export interface GeneratedSchema {
  $id: string;
  definitions: Record<string, SchemaNode>;
}

export interface CompiledValidator {
  validate: ValidateFunction;
  /** Set when this call compiled the validator. */
  compileMs?: number;
}

interface VersionCatalog {
  ajv: Ajv;
  schema: GeneratedSchema;
  validators: Map<string, ValidateFunction>;
}

const catalogs = new Map<ApiVersion, VersionCatalog>();

function readGenerated(version: ApiVersion): GeneratedSchema {
  try {
    // Literal paths, so that esbuild bundles both files into the extension and the CLI.
    switch (version) {
      case 'v1.0':
        return require('./generated/synchronization.v1.0.schema.json');
      case 'beta':
        return require('./generated/synchronization.beta.schema.json');
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error('The JSON Schemas have not been generated: run `node scripts/build.mjs --only schemas`.', {
      cause: error,
    });
  }
  throw new Error(`No schema for Graph API version "${String(version)}": expected v1.0 or beta`);
}

function createAjv(): Ajv {
  // verbose: errors carry the failing schema, whose title names the Graph type in messages.
  const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true });
  addEdmFormats(ajv);
  // Open enums (metadata keys): a value outside the known ones fails this keyword, which findings report as a warning.
  ajv.addKeyword({
    keyword: 'x-knownValues',
    type: 'string',
    schemaType: 'array',
    validate: (known: string[], value: string) => known.includes(value),
  });
  ajv.addKeyword({ keyword: 'x-flagNames', schemaType: 'array' });
  return ajv;
}

function catalogFor(version: ApiVersion): VersionCatalog {
  let catalog = catalogs.get(version);
  if (!catalog) {
    const schema = readGenerated(version);
    const ajv = createAjv();
    ajv.addSchema(schema);
    catalog = { ajv, schema, validators: new Map() };
    catalogs.set(version, catalog);
  }
  return catalog;
}

/** The schema a property or item designates: through a nullable wrapper's `else` and a `$ref` to its definition. */
export function resolveSchema(schema: SchemaNode, definitions: Record<string, SchemaNode>): SchemaNode {
  const target = schema.else ?? schema;
  const name = /^#\/definitions\/(\w+)$/.exec(target.$ref ?? '')?.[1];
  return name ? definitions[name] : target;
}

export function generatedSchema(version: ApiVersion): GeneratedSchema {
  return catalogFor(version).schema;
}

/** The validator of one definition (a CSDL type name, or `<type>Collection`). */
export function compiledValidator(version: ApiVersion, definition: string): CompiledValidator {
  const started = performance.now();
  const catalog = catalogFor(version);
  const cached = catalog.validators.get(definition);
  if (cached) return { validate: cached };
  if (!catalog.schema.definitions[definition]) throw new Error(`No schema definition ${definition} for ${version}`);
  const validate = catalog.ajv.getSchema(`${catalog.schema.$id}#/definitions/${definition}`);
  if (!validate) throw new Error(`ajv could not compile ${definition} (${version})`);
  catalog.validators.set(definition, validate);
  return { validate, compileMs: performance.now() - started };
}
