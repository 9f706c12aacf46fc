// Bench rows for schema editing (issue 9): open and check a 500 KB minified synchronizationSchema (JSON Schema from
// the CSDL + lint rules), then the check after a one-character edit. Goals: under 200 ms and under 50 ms.
import { synchronizationSchema, templateSchemaId } from '../src/emulator/sampleSchema';
import { templateCatalog } from '../src/emulator/sampleTemplates';
import { checkSchemaDocument, lintSchema } from '../src/expressions';

export interface BenchRow {
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
}

/**
 * The Box template's schema, its user mapping and attributes repeated until the minified text reaches `bytes`.
 * Each `variant` has different expression texts, so that checking it parses every expression afresh.
 */
export function largeSchemaText(bytes: number, variant = 0): string {
  const schema = synchronizationSchema(templateSchemaId('BoxOutDelta'), templateCatalog.get('BoxOutDelta')!, 'Box');
  const [rule] = schema.synchronizationRules;
  const userMapping = rule.objectMappings[0];
  const [source, target] = schema.directories.map((directory) => directory.objects[0].attributes);
  for (let i = 0; JSON.stringify(schema).length < bytes; i++) {
    const extension = `extension_9d98a1c8d7bf4c6c8d4a1b2c3d4e5f60_attribute${i}`;
    source.push({ ...source[0], name: extension, anchor: false, required: false });
    target.push({
      ...target[0],
      name: `urn:ietf:params:scim:schemas:extension:custom:2.0:User:attribute${i}`,
      anchor: false,
      required: false,
    });
    rule.objectMappings.push({
      ...userMapping,
      name: `${userMapping.name} (${i})`,
      attributeMappings: [
        ...userMapping.attributeMappings,
        {
          ...userMapping.attributeMappings[1],
          matchingPriority: 0,
          source: {
            expression: `IIF(IsPresent([${extension}]), ToLower(Join(".", [givenName], [surname], [${extension}])), "none ${variant}")`,
            name: 'IIF',
            parameters: [],
            type: 'Function',
          },
          targetAttributeName: `urn:ietf:params:scim:schemas:extension:custom:2.0:User:attribute${i}`,
        },
      ],
    });
  }
  return JSON.stringify(schema);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (n: number) => (n >= 100 ? Math.round(n) : Math.round(n * 100) / 100);

function timeMs(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

export function schemaEditingRows(): BenchRow[] {
  const text = largeSchemaText(500 * 1024);
  const kb = Math.round(text.length / 1024);
  const first = checkSchemaDocument(text); // compiles the synchronizationSchema validator once
  if (first.findings.length) throw new Error(`the bench schema should be clean: ${first.findings[0].message}`);
  // Opening: a document whose expressions were never seen (cold parse cache), 15 different ones.
  const variants = Array.from({ length: 15 }, (_, i) => largeSchemaText(500 * 1024, i + 1));
  const opens = variants.map((variant) => timeMs(() => checkSchemaDocument(variant)));
  const parses = variants.map((variant) => timeMs(() => JSON.parse(variant)));
  // One keystroke inside an expression (a typo that breaks it), then the whole document checked again: the other
  // expressions come from the parse cache, as they do in an editor.
  const at = text.indexOf('ToLower(Join(', text.length / 2);
  const edited = `${text.slice(0, at)}ToLowr${text.slice(at + 'ToLower'.length)}`;
  if (!lintSchema(edited).some((finding) => finding.rule === 'unknown-function'))
    throw new Error('the edit should be found');
  const lints: number[] = [];
  const checks: number[] = [];
  for (let i = 0; i < 15; i++) {
    lints.push(timeMs(() => lintSchema(edited)));
    checks.push(timeMs(() => checkSchemaDocument(edited)));
  }
  const parse = median(parses);
  const row = (measure: string, ms: number, goal: string): BenchRow => ({
    measure,
    value: `${round(ms)} ms`,
    baseline: `${round(parse)} ms (JSON.parse alone); goal ${goal}`,
    ratio: `${round(parse / ms)}x`,
  });
  return [
    row(
      `open a ${kb} KB minified synchronizationSchema: JSON Schema + lint, every expression parsed (median of 15)`,
      median(opens),
      '< 200 ms',
    ),
    row('lint pass after a one-character edit (median of 15)', median(lints), '< 50 ms'),
    row('JSON Schema + lint after a one-character edit (median of 15)', median(checks), '< 50 ms'),
  ];
}
