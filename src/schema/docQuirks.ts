// Warnings for the marks documentation examples leave in a response: placeholder values where real data belongs,
// and job ids that are GUIDs (real ones look like {templateId}.{tenantId without dashes}...).
import { quote, type UnplacedFinding } from './findings';
import { childPointer } from './jsonPointer';
import type { LocatedJob } from './locatedJobs';
import { resolveSchema, type SchemaNode } from './schemaCatalog';

const placeholders: RegExp[] = [
  /^\{[A-Za-z][\w.-]*\}$/, // {jobId}, {id}
  /^String$/, // the type name standing in for any string
  /^[A-Z][A-Za-z]*(?: [A-Za-z]+)* value$/, // "Template Id value", "Key value"
  /^https?:\/\/(?:[\w-]+\.)*example\.(?:com|org|net)(?:[/:?#]|$)/i, // documentation-only domains (RFC 2606)
];

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isPlaceholder(text: string): boolean {
  return placeholders.some((pattern) => pattern.test(text));
}

// Strings with no enum, format or known values: only there can a placeholder hide (an enum member may be "String").
// Cached per schema node: a body of megabytes asks for the same few schemas again and again.
const freeText = new WeakMap<SchemaNode, boolean>();
function isFreeText(schema: SchemaNode): boolean {
  let free = freeText.get(schema);
  if (free === undefined) {
    const types = [schema.type ?? []].flat();
    free = types.includes('string') && !schema.format && !schema.enum && !schema.pattern && !schema['x-knownValues'];
    freeText.set(schema, free);
  }
  return free;
}

/** `path` is the value's place; its pointer is only written out for a finding. */
function placeholderFindings(
  value: unknown,
  schema: SchemaNode,
  definitions: Record<string, SchemaNode>,
  path: (string | number)[],
  findings: UnplacedFinding[],
): void {
  const resolved = resolveSchema(schema, definitions);
  if (typeof value === 'string') {
    if (isFreeText(resolved) && isPlaceholder(value)) {
      const message = `${quote(value)} looks like a documentation placeholder, not a value from a real response`;
      const pointer = path.reduce<string>((parent, segment) => childPointer(parent, segment), '');
      findings.push({ severity: 'warning', pointer, rule: 'placeholder', message });
    }
  } else if (Array.isArray(value) && resolved.items) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      placeholderFindings(value[index], resolved.items, definitions, path, findings);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object' && resolved.properties) {
    for (const [key, child] of Object.entries(value)) {
      const childSchema = resolved.properties[key];
      if (!childSchema) continue;
      path.push(key);
      placeholderFindings(child, childSchema, definitions, path, findings);
      path.pop();
    }
  }
}

export interface QuirkContext {
  value: unknown;
  definition: string;
  definitions: Record<string, SchemaNode>;
  jobs: LocatedJob[];
}

export function docQuirkFindings({ value, definition, definitions, jobs }: QuirkContext): UnplacedFinding[] {
  const findings: UnplacedFinding[] = [];
  placeholderFindings(value, { $ref: `#/definitions/${definition}` }, definitions, [], findings);
  for (const { pointer, job } of jobs) {
    if (typeof job.id === 'string' && guid.test(job.id)) {
      const message = `job id ${quote(job.id)} is a GUID: real job ids look like {templateId}.{tenantId}... (a docs example?)`;
      findings.push({ severity: 'warning', pointer: childPointer(pointer, 'id'), rule: 'job-id-guid', message });
    }
  }
  return findings;
}
