// Lint rules for a synchronizationSchema, from Microsoft's documented limits and known issues (FACTS.md "Schema
// editing"; Entra known-issues.md and the scoping-filter page). They run on the parsed value and name each finding
// by JSON path (plus a range inside a string for expressions); schemaLint.ts turns paths into offsets.
import { arityOf, functionNamed, functionNamedIgnoringCase } from './catalog';
import { filterOperatorNamed } from './filterOperators';
import type { JsonPath } from './jsonLocate';
import { parseCached } from './parseCache';

export type LintRule =
  | 'json-syntax'
  | 'json-schema'
  | 'expression-too-long'
  | 'expression-syntax'
  | 'unknown-function'
  | 'function-arity'
  | 'unknown-source-attribute'
  | 'unknown-target-attribute'
  | 'scope-unsupported-attribute'
  | 'scope-integer-value'
  | 'unknown-filter-operator'
  | 'multivalued-extension'
  | 'duplicate-matching-priority';

export interface PathFinding {
  rule: LintRule;
  severity: 'error' | 'warning';
  message: string;
  path: JsonPath;
  /** Point at the member's key rather than its value. */
  key?: boolean;
  /** A range inside the string value (decoded offsets), e.g. one call inside an expression. */
  inner?: [number, number];
}

/** Known issues: "expressions over 10,000 characters are not supported". */
export const maxExpressionLength = 10_000;
/** Known issues: scoping filters on these attributes do not work (nor on date attributes). */
const unsupportedInScope = new Set(['approleassignments', 'usertype', 'manager']);

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- any shape may come in; every read is guarded
const list = (value: Json): Json[] => (Array.isArray(value) ? value : []);
const lower = (value: Json) => (typeof value === 'string' ? value.toLowerCase() : '');

/** directory name → object name → attribute name → type; keys lower case (guess: Graph matches names without case). */
type Directories = Map<string, Map<string, Map<string, string | undefined>>>;

export function lintSchemaValue(schema: Json): PathFinding[] {
  const findings: PathFinding[] = [];
  const report = (
    rule: LintRule,
    severity: PathFinding['severity'],
    message: string,
    path: JsonPath,
    extra: Partial<PathFinding> = {},
  ) => findings.push({ rule, severity, message, path, ...extra });
  const directories = indexDirectories(schema, report);
  list(schema?.synchronizationRules).forEach((rule: Json, r: number) => {
    const sourceDirectory = directories.get(lower(rule?.sourceDirectoryName));
    const targetDirectory = directories.get(lower(rule?.targetDirectoryName));
    list(rule?.objectMappings).forEach((mapping: Json, m: number) => {
      const at: JsonPath = ['synchronizationRules', r, 'objectMappings', m];
      const sourceObject = sourceDirectory?.get(lower(mapping?.sourceObjectName));
      const targetObject = targetDirectory?.get(lower(mapping?.targetObjectName));
      const priorities = new Set<number>();
      list(mapping?.attributeMappings).forEach((attributeMapping: Json, a: number) => {
        const here = [...at, 'attributeMappings', a];
        const target = attributeMapping?.targetAttributeName;
        if (typeof target === 'string' && targetObject && !targetObject.has(target.toLowerCase())) {
          report(
            'unknown-target-attribute',
            'error',
            `The target object ${mapping.targetObjectName} has no attribute "${target}": add it to the target directory's ${mapping.targetObjectName} attributes first, or map to an existing one.`,
            [...here, 'targetAttributeName'],
          );
        }
        const priority = attributeMapping?.matchingPriority;
        if (typeof priority === 'number' && priority > 0) {
          if (priorities.has(priority))
            report(
              'duplicate-matching-priority',
              'error',
              `Another attribute mapping of this object mapping already has matching priority ${priority}: give each matching attribute its own precedence (1, 2, …).`,
              [...here, 'matchingPriority'],
            );
          priorities.add(priority);
        }
        const checkSource = (name: string, path: JsonPath, inner?: [number, number]) => {
          if (sourceObject && !sourceObject.has(name.toLowerCase())) {
            report(
              'unknown-source-attribute',
              'error',
              `The source object ${mapping.sourceObjectName} has no attribute "${name}": add it to the source directory's ${mapping.sourceObjectName} attributes, or fix the name.`,
              path,
              { inner },
            );
          }
        };
        lintSource(attributeMapping?.source, [...here, 'source'], report, checkSource);
      });
      for (const groups of ['groups', 'categoryFilterGroups', 'inputFilterGroups']) {
        list(mapping?.scope?.[groups]).forEach((group: Json, g: number) =>
          list(group?.clauses).forEach((clause: Json, c: number) =>
            lintClause(clause, [...at, 'scope', groups, g, 'clauses', c], sourceObject, report),
          ),
        );
      }
    });
  });
  return findings;
}

type Report = (
  rule: LintRule,
  severity: PathFinding['severity'],
  message: string,
  path: JsonPath,
  extra?: Partial<PathFinding>,
) => void;

function indexDirectories(schema: Json, report: Report): Directories {
  const directories: Directories = new Map();
  list(schema?.directories).forEach((directory: Json, d: number) => {
    const objects = new Map<string, Map<string, string | undefined>>();
    directories.set(lower(directory?.name), objects);
    list(directory?.objects).forEach((object: Json, o: number) => {
      const attributes = new Map<string, string | undefined>();
      objects.set(lower(object?.name), attributes);
      list(object?.attributes).forEach((attribute: Json, a: number) => {
        const name = typeof attribute?.name === 'string' ? attribute.name : '';
        attributes.set(name.toLowerCase(), attribute?.type);
        if (name.toLowerCase().startsWith('extension_') && attribute?.multivalued === true) {
          report(
            'multivalued-extension',
            'warning',
            `"${name}" is a multi-valued directory extension, which provisioning does not support (known issue): make it single-valued or leave it out of the mappings.`,
            ['directories', d, 'objects', o, 'attributes', a, 'multivalued'],
          );
        }
      });
    });
  });
  return directories;
}

/** An attribute mapping's source: its expression text when present, else its structured name/parameters tree. */
function lintSource(
  source: Json,
  path: JsonPath,
  report: Report,
  checkSource: (name: string, path: JsonPath, inner?: [number, number]) => void,
): void {
  const expression = source?.expression;
  if (typeof expression === 'string') {
    const at = [...path, 'expression'];
    if (expression.length > maxExpressionLength) {
      report(
        'expression-too-long',
        'error',
        `This expression has ${expression.length} characters; expressions over ${maxExpressionLength} are not supported (known issue): split the logic or shorten it.`,
        at,
      );
    }
    const parsed = parseCached(expression);
    for (const error of parsed.errors)
      report('expression-syntax', 'error', `Expression: ${error.message}`, at, {
        inner: [error.start, Math.min(error.end, expression.length)],
      });
    for (const node of parsed.attributes) checkSource(node.name, at, [node.start, node.end]);
    for (const node of parsed.calls) lintCall(node.name, node.args.length, report, at, [node.start, node.nameEnd]);
    return;
  }
  // No expression text: walk the tree of attributeMappingSource objects (without recursion).
  const stack: [Json, JsonPath][] = source && typeof source === 'object' ? [[source, path]] : [];
  while (stack.length) {
    const [node, here] = stack.pop()!;
    const parameters = list(node?.parameters);
    if (typeof node?.name === 'string' && node.type === 'Attribute') checkSource(node.name, [...here, 'name']);
    if (typeof node?.name === 'string' && node.type === 'Function')
      lintCall(node.name, parameters.length, report, [...here, 'name']);
    parameters.forEach(
      (parameter: Json, p: number) =>
        parameter?.value &&
        typeof parameter.value === 'object' &&
        stack.push([parameter.value, [...here, 'parameters', p, 'value']]),
    );
  }
}

function lintCall(name: string, argumentCount: number, report: Report, path: JsonPath, inner?: [number, number]): void {
  const signature = functionNamed(name);
  if (!signature) {
    const near = functionNamedIgnoringCase(name);
    const advice = near
      ? `did you mean ${near.name}? Function names are case-sensitive.`
      : 'check the name against the list of functions (…/schema/functions).';
    report('unknown-function', 'error', `There is no function named ${name}: ${advice}`, path, { inner });
    return;
  }
  const [min, max] = arityOf(signature);
  if (argumentCount < min || argumentCount > max) {
    const expected = max === Infinity ? `at least ${min}` : min === max ? `${min}` : `${min} to ${max}`;
    report(
      'function-arity',
      'error',
      `${name} takes ${expected} arguments, not ${argumentCount}: ${name}(${signature.parameters.map((p) => p.name).join(', ')}).`,
      path,
      { inner },
    );
  }
}

function lintClause(
  clause: Json,
  path: JsonPath,
  sourceObject: Map<string, string | undefined> | undefined,
  report: Report,
): void {
  const operand = clause?.sourceOperandName;
  if (typeof operand === 'string' && unsupportedInScope.has(operand.toLowerCase())) {
    report(
      'scope-unsupported-attribute',
      'warning',
      `Scoping filters on ${operand} do not work (known issue): scope by assignment or by another attribute.`,
      [...path, 'sourceOperandName'],
    );
  } else if (typeof operand === 'string' && sourceObject?.get(operand.toLowerCase()) === 'DateTime') {
    report(
      'scope-unsupported-attribute',
      'warning',
      `${operand} is a date attribute; scoping filters on date attributes do not work (known issue): filter on another attribute.`,
      [...path, 'sourceOperandName'],
    );
  }
  const operatorName = clause?.operatorName;
  if (typeof operatorName !== 'string') return;
  const operator = filterOperatorNamed(operatorName);
  if (!operator) {
    report(
      'unknown-filter-operator',
      'warning',
      `"${operatorName}" is not a known scoping operator: use one of the names …/schema/filterOperators lists (e.g. EQUALS, IS_NOT_NULL, REGEX_MATCH).`,
      [...path, 'operatorName'],
    );
    return;
  }
  if (!operator.integerValue) return;
  list(clause?.targetOperand?.values).forEach((value: Json, v: number) => {
    if (typeof value !== 'string' || !/^[+-]?\d+$/.test(value)) {
      report(
        'scope-integer-value',
        'error',
        `${operator.name} compares integers, and ${JSON.stringify(value)} is not one (documented limit): use a whole number such as "1000000".`,
        [...path, 'targetOperand', 'values', v],
      );
    }
  });
}
