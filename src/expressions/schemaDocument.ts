// Everything an editor shows for a synchronizationSchema document: JSON syntax, the JSON Schema generated from the
// CSDL (its synchronizationSchema definition), and the lint rules. One JSON.parse per check; offsets are looked up
// only for findings.
import type { ErrorObject } from 'ajv';
import type { ApiVersion } from '../graph/types';
import { compiledValidator } from '../schema/schemaCatalog';
import { placeFindings, syntaxFindings, type LintFinding } from './schemaLint';
import { lintSchemaValue, type PathFinding } from './schemaLintRules';

export interface SchemaDocumentCheck {
  /** Sorted by start offset. */
  findings: LintFinding[];
  /** Milliseconds: JSON Schema validation and lint, for the bench and for logs. */
  timing: { schemaMs: number; lintMs: number };
}

const pathOf = (instancePath: string) =>
  instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));

function schemaFinding(error: ErrorObject): PathFinding {
  const path = pathOf(error.instancePath);
  const typeName = (error.parentSchema as { title?: string } | undefined)?.title;
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    const message = `${typeName ?? 'This object'} has no property "${extra}" in the Graph CSDL: check its spelling; Graph may ignore or refuse it.`;
    return { rule: 'json-schema', severity: 'warning', message, path: [...path, extra], key: true };
  }
  const where = error.instancePath || 'the document';
  const message =
    error.keyword === 'enum'
      ? `${where}: must be one of ${(error.params as { allowedValues: string[] }).allowedValues.join(', ')}.`
      : `${where}: ${error.message ?? 'does not match the schema'}${typeName ? ` (${typeName})` : ''}.`;
  return { rule: 'json-schema', severity: error.keyword === 'x-knownValues' ? 'warning' : 'error', message, path };
}

/** Checks a synchronizationSchema document as an editor would on every change. Never throws on bad input. */
export function checkSchemaDocument(text: string, version: ApiVersion = 'v1.0'): SchemaDocumentCheck {
  const started = performance.now();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { findings: syntaxFindings(text), timing: { schemaMs: 0, lintMs: performance.now() - started } };
  }
  const { validate } = compiledValidator(version, 'synchronizationSchema');
  // if/else wrappers (nullable references) repeat their branch's error; the branch's own error is the useful one.
  const schemaErrors = validate(value)
    ? []
    : (validate.errors ?? []).filter((error) => error.keyword !== 'if').map(schemaFinding);
  const schemaDone = performance.now();
  const findings = placeFindings(text, [...schemaErrors, ...lintSchemaValue(value)]);
  return { findings, timing: { schemaMs: schemaDone - started, lintMs: performance.now() - schemaDone } };
}
