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
function isFreeText(schema: SchemaNode): boolean {
  const types = [schema.type ?? []].flat();
  return types.includes('string') && !schema.format && !schema.enum && !schema.pattern && !schema['x-knownValues'];
}

function placeholderFindings(
  value: unknown,
  schema: SchemaNode,
  definitions: Record<string, SchemaNode>,
  pointer: string,
  findings: UnplacedFinding[],
): void {
  const resolved = resolveSchema(schema, definitions);
  if (typeof value === 'string' && isFreeText(resolved) && isPlaceholder(value)) {
    const message = `${quote(value)} looks like a documentation placeholder, not a value from a real response`;
    findings.push({ severity: 'warning', pointer, rule: 'placeholder', message });
  } else if (Array.isArray(value) && resolved.items) {
    value.forEach((item, index) =>
      placeholderFindings(item, resolved.items!, definitions, childPointer(pointer, index), findings),
    );
  } else if (value !== null && typeof value === 'object' && resolved.properties) {
    for (const [key, child] of Object.entries(value)) {
      const childSchema = resolved.properties[key];
      if (childSchema) placeholderFindings(child, childSchema, definitions, childPointer(pointer, key), findings);
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
  placeholderFindings(value, { $ref: `#/definitions/${definition}` }, definitions, '', findings);
  for (const { pointer, job } of jobs) {
    if (typeof job.id === 'string' && guid.test(job.id)) {
      const message = `job id ${quote(job.id)} is a GUID: real job ids look like {templateId}.{tenantId}... (a docs example?)`;
      findings.push({ severity: 'warning', pointer: childPointer(pointer, 'id'), rule: 'job-id-guid', message });
    }
  }
  return findings;
}
