// Lint findings for a synchronizationSchema document with document offsets (inside JSON strings too, escapes
// accounted for). The value comes from JSON.parse; offsets are looked up only for the paths that have findings.
import { printParseErrorCode, visit } from 'jsonc-parser';
import { decodedToDocument, locate, pathKey } from './jsonLocate';
import { lintSchemaValue, type LintRule, type PathFinding } from './schemaLintRules';

export { maxExpressionLength, type LintRule } from './schemaLintRules';

export interface LintFinding {
  rule: LintRule;
  severity: 'error' | 'warning';
  /** Says what is wrong and what to do. */
  message: string;
  /** Offsets in the document text, [start, end). */
  start: number;
  end: number;
}

/** The text's JSON syntax errors as findings (one jsonc-parser pass); for text JSON.parse refused. */
export function syntaxFindings(text: string): LintFinding[] {
  const findings: LintFinding[] = [];
  visit(
    text,
    {
      onError: (error, offset, length) =>
        findings.push({
          rule: 'json-syntax',
          severity: 'error',
          message: `JSON syntax: ${printParseErrorCode(error)}.`,
          start: offset,
          end: offset + Math.max(1, length),
        }),
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return findings.length
    ? findings
    : [
        {
          rule: 'json-syntax',
          severity: 'error',
          message: 'JSON syntax: the text is not JSON.',
          start: 0,
          end: Math.min(1, text.length),
        },
      ];
}

/** Turns path findings into offset findings, sorted by start. Paths that do not exist point at the document start. */
export function placeFindings(text: string, findings: readonly PathFinding[]): LintFinding[] {
  if (findings.length === 0) return [];
  const located = locate(
    text,
    findings.map((finding) => finding.path),
  );
  const placed = findings.map(({ rule, severity, message, path, key, inner }): LintFinding => {
    const where = located.get(pathKey(path));
    if (!where) return { rule, severity, message, start: 0, end: 0 };
    if (key && where.keyOffset !== undefined)
      return { rule, severity, message, start: where.keyOffset, end: where.keyOffset + where.keyLength! };
    if (inner) {
      const position = decodedToDocument(text, where);
      return { rule, severity, message, start: position(inner[0]), end: position(inner[1]) };
    }
    return { rule, severity, message, start: where.offset, end: where.offset + where.length };
  });
  return placed.sort((a, b) => a.start - b.start);
}

/** Every lint finding of a synchronizationSchema document (JSON syntax included), sorted by offset. Never throws. */
export function lintSchema(text: string): LintFinding[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return syntaxFindings(text);
  }
  return placeFindings(text, lintSchemaValue(value));
}
