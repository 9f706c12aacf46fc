// Int64 fields (counters such as countSuccessiveCompleteFailures) whose literal lies outside the Int64 range. ajv
// cannot tell: it sees doubles, and 2^63 - 1 and 2^63 are the same double. The literal decides (readJson).
import type { BigInteger } from './readJson';
import { resolveSchema, type SchemaNode } from './schemaCatalog';
import type { Finding } from './types';

const int32Maximum = 2147483647;

/** The schema of the value at `path`, or undefined where the schema does not describe it. */
function schemaAt(path: (string | number)[], definition: string, definitions: Record<string, SchemaNode>) {
  let schema: SchemaNode | undefined = definitions[definition];
  for (const segment of path) {
    if (!schema) return undefined;
    const resolved: SchemaNode = resolveSchema(schema, definitions);
    schema = typeof segment === 'number' ? resolved.items : resolved.properties?.[segment];
  }
  return schema && resolveSchema(schema, definitions);
}

export function int64Findings(
  bigIntegers: BigInteger[],
  definition: string,
  definitions: Record<string, SchemaNode>,
): Finding[] {
  return bigIntegers.flatMap(({ pointer, path, raw, at }) => {
    const schema = schemaAt(path, definition, definitions);
    const types = [schema?.type ?? []].flat();
    if (!types.includes('integer') || schema?.maximum === int32Maximum) return [];
    const message = `${raw} is out of the Int64 range -9223372036854775808 to 9223372036854775807`;
    return [{ severity: 'error' as const, pointer, message, rule: 'int64-range', ...at }];
  });
}
