// Turns ajv's errors into findings in plain words that name the Graph type and the expected values.
// Unknown properties and metadata keys outside the known ones are warnings: Graph adds both over time.
import type { ErrorObject } from 'ajv';
import type { ApiVersion } from '../graph/types';
import { quote, withArticle, type UnplacedFinding } from './findings';
import { childPointer } from './jsonPointer';
import type { SchemaNode } from './schemaCatalog';

function describePrimitive(type: string, schema: SchemaNode): string {
  switch (type) {
    case 'string':
      if (schema.format === 'date-time') return 'a date-time string (ISO 8601, e.g. 2024-01-31T12:00:00Z)';
      if (schema.format === 'edm-duration') return 'a duration string (ISO 8601, e.g. PT40M)';
      if (schema.format === 'uuid') return 'a GUID string';
      return 'a string';
    case 'integer':
      return schema.maximum === 2147483647 ? 'an Int32 integer' : 'an integer';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array': {
      const itemType = /#\/definitions\/(\w+)$/.exec(schema.items?.$ref ?? schema.items?.else?.$ref ?? '')?.[1];
      return itemType ? `an array of ${itemType}` : 'an array';
    }
    default:
      return `a value of type ${type}`;
  }
}

/** What a schema expects, e.g. "a synchronizationSchedule object" or "a date-time string (...) or null". */
export function describeExpected(schema: SchemaNode, nullable = false): string {
  const types = [schema.type ?? []].flat();
  let expected: string;
  if (schema.title && types.includes('object')) expected = `${withArticle(schema.title)} object`;
  else if (schema.title && (schema.enum || schema.pattern)) expected = withArticle(schema.title);
  else
    expected = types
      .filter((t) => t !== 'null')
      .map((t) => describePrimitive(t, schema))
      .join(' or ');
  return nullable || types.includes('null') ? `${expected} or null` : expected;
}

function formatMessage(value: unknown, format: string): string {
  switch (format) {
    case 'date-time':
      return `${quote(value)} is not a valid date-time: expected ISO 8601 with a time zone, e.g. 2024-01-31T12:00:00Z`;
    case 'edm-duration':
      return `${quote(value)} is not a valid duration: expected ISO 8601 days and time, e.g. PT40M or P1DT2H30.5S`;
    case 'uuid':
      return `${quote(value)} is not a valid GUID: expected e.g. 8adf8e6e-67b2-4cf2-a259-e3dc5476c621`;
    default:
      return `${quote(value)} is not a valid ${format}`;
  }
}

function knownValueMessage(value: string, schema: SchemaNode, version: ApiVersion): string {
  const known = schema['x-knownValues'] ?? [];
  const sameButCase = known.find((k) => k.toLowerCase() === value.toLowerCase());
  const name = schema.title ?? 'metadata';
  if (sameButCase)
    return `${quote(value)} is spelled ${sameButCase} in the ${version} ${name} enum (v1.0 and beta differ in case)`;
  return `${quote(value)} is not a known ${name} key in ${version} (known: ${known.join(', ')}); Graph also sends other keys`;
}

function typeFinding(error: ErrorObject, pointer: string, nullable: boolean): UnplacedFinding {
  const schema = error.parentSchema as SchemaNode;
  if (error.data === null) {
    const message = `null is not allowed here: expected ${describeExpected(schema)}`;
    return { severity: 'error', pointer, message, rule: 'not-nullable' };
  }
  const expected = describeExpected(schema, nullable);
  const shown = quote(error.data);
  const message = shown.startsWith('an ') ? `expected ${expected}, got ${shown}` : `${shown} is not ${expected}`;
  return { severity: 'error', pointer, message, rule: 'type' };
}

function toFinding(
  error: ErrorObject,
  version: ApiVersion,
  nullablePointers: Set<string>,
): UnplacedFinding | undefined {
  const pointer = error.instancePath;
  const schema = error.parentSchema as SchemaNode;
  const value = error.data;
  const notA = `${quote(value)} is not ${withArticle(schema.title ?? 'value')}`;
  switch (error.keyword) {
    case 'if':
      return undefined; // the wrapper that admits null; the referenced type's own errors say what is wrong
    case 'type':
      return typeFinding(error, pointer, nullablePointers.has(pointer));
    case 'enum': {
      const message = `${notA}: expected one of ${schema.enum?.join(', ')}`;
      return { severity: 'error', pointer, rule: 'enum', message };
    }
    case 'pattern': {
      const message = `${notA}: expected one or more of ${schema['x-flagNames']?.join(', ')}, separated by commas`;
      return { severity: 'error', pointer, rule: 'flags', message };
    }
    case 'format':
      return { severity: 'error', pointer, rule: 'format', message: formatMessage(value, String(error.params.format)) };
    case 'minimum':
    case 'maximum':
      return {
        severity: 'error',
        pointer,
        rule: 'range',
        message: `${quote(value)} is out of the Int32 range -2147483648 to 2147483647`,
      };
    case 'additionalProperties': {
      const property = String(error.params.additionalProperty);
      const message = `unknown property ${quote(property)} in ${schema.title ?? 'this object'}: not in the ${version} schema`;
      return { severity: 'warning', pointer: childPointer(pointer, property), rule: 'unknown-property', message };
    }
    case 'x-knownValues':
      return {
        severity: 'warning',
        pointer,
        rule: 'metadata-key',
        message: knownValueMessage(String(value), schema, version),
      };
    default:
      return {
        severity: 'error',
        pointer,
        rule: error.keyword,
        message: `${quote(value)}: ${error.message ?? 'invalid'}`,
      };
  }
}

export function schemaFindings(errors: ErrorObject[], version: ApiVersion): UnplacedFinding[] {
  // A failed `if` (null test) at a pointer means null would have been accepted there.
  const nullablePointers = new Set(errors.filter((e) => e.keyword === 'if').map((e) => e.instancePath));
  const findings: UnplacedFinding[] = [];
  const erroredPointers = new Set<string>();
  for (const error of errors) {
    const finding = toFinding(error, version, nullablePointers);
    if (!finding) continue;
    // One value fails several keywords (a number for an enum fails `type` and `enum`): its first error says it.
    if (finding.severity === 'error') {
      if (erroredPointers.has(finding.pointer)) continue;
      erroredPointers.add(finding.pointer);
    }
    findings.push(finding);
  }
  return findings;
}
