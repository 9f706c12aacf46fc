// Findings before they have a position, and the order they are reported in.
import { locatePointers } from './locatePointers';
import type { Finding } from './types';

export type UnplacedFinding = Omit<Finding, 'line' | 'column' | 'source'>;

/** Places findings on the pretty-printed form of a valid JSON text, and on the text itself (`source`). */
export function placeFindings(findings: UnplacedFinding[], text: string): Finding[] {
  if (findings.length === 0) return [];
  const located = locatePointers(text, new Set(findings.map((finding) => finding.pointer)));
  return findings.map((finding) => {
    const { pretty, source } = located.get(finding.pointer)!;
    return { ...finding, ...pretty, source };
  });
}

/** By line, errors before warnings on the same line, then by column and rule. */
export function sortFindings(findings: Finding[]): Finding[] {
  const severityRank = (finding: Finding) => (finding.severity === 'error' ? 0 : 1);
  return [...findings].sort(
    (a, b) =>
      a.line - b.line || severityRank(a) - severityRank(b) || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

/** A value as a message quotes it: scalars as JSON (shortened), objects and arrays by kind. */
export function quote(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/** "a synchronizationJob", "an objectFlowTypes". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
