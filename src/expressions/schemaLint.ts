// Lint rules for a synchronizationSchema document, from Microsoft's documented limits and known issues (FACTS.md,
// "Schema editing"; Entra known-issues.md and the scoping-filter page). One linear pass over a jsonc-parser tree;
// every finding carries document offsets, inside JSON strings too (escapes accounted for).
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { walk, type ExpressionError } from './ast';
import { arityOf, functionNamed, functionNamedIgnoringCase } from './catalog';
import { filterOperatorNamed } from './filterOperators';
import { decodedToDocument, items, property, stringOf } from './jsonText';
import { parseExpression } from './parser';

export type LintRule =
  | 'json-syntax'
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

export interface LintFinding {
  rule: LintRule;
  severity: 'error' | 'warning';
  /** Says what is wrong and what to do. */
  message: string;
  /** Offsets in the document text, [start, end). */
  start: number;
  end: number;
}

/** Known issues: "expressions over 10,000 characters are not supported". */
export const maxExpressionLength = 10_000;
/** Known issues: scoping filters on these attributes do not work (nor on date attributes). */
const unsupportedInScope = new Set(['approleassignments', 'usertype', 'manager']);

interface AttributeInfo {
  type?: string;
}
/** directory name → object name → attribute name → info; all keys lower case (guess: Graph matches without case). */
type Directories = Map<string, Map<string, Map<string, AttributeInfo>>>;

export function lintSchema(text: string): LintFinding[] {
  const findings: LintFinding[] = [];
  const report = (rule: LintRule, severity: LintFinding['severity'], message: string, start: number, end: number) => findings.push({ rule, severity, message, start, end });
  const at = (node: Node, rule: LintRule, severity: LintFinding['severity'], message: string) => report(rule, severity, message, node.offset, node.offset + node.length);

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  for (const error of errors) report('json-syntax', 'error', `JSON syntax: ${printParseErrorCode(error.error)}.`, error.offset, error.offset + Math.max(1, error.length));
  if (!root) return findings;

  const directories = indexDirectories(root, at);
  for (const rule of items(property(root, 'synchronizationRules'))) {
    const sourceDirectory = directories.get(stringOf(property(rule, 'sourceDirectoryName'))?.toLowerCase() ?? '');
    const targetDirectory = directories.get(stringOf(property(rule, 'targetDirectoryName'))?.toLowerCase() ?? '');
    for (const mapping of items(property(rule, 'objectMappings'))) {
      const sourceObject = sourceDirectory?.get(stringOf(property(mapping, 'sourceObjectName'))?.toLowerCase() ?? '');
      const targetObjectName = stringOf(property(mapping, 'targetObjectName')) ?? '';
      const targetObject = targetDirectory?.get(targetObjectName.toLowerCase());
      const sourceObjectName = stringOf(property(mapping, 'sourceObjectName')) ?? '';
      const checkSource = (name: string, start: number, end: number) => {
        if (sourceObject && !sourceObject.has(name.toLowerCase())) {
          report('unknown-source-attribute', 'error', `The source object ${sourceObjectName} has no attribute "${name}": add it to the source directory's ${sourceObjectName} attributes, or fix the name.`, start, end);
        }
      };
      const priorities = new Map<number, Node>();
      for (const attributeMapping of items(property(mapping, 'attributeMappings'))) {
        const target = property(attributeMapping, 'targetAttributeName');
        const targetName = stringOf(target);
        if (target && targetName !== undefined && targetObject && !targetObject.has(targetName.toLowerCase())) {
          at(target, 'unknown-target-attribute', 'error', `The target object ${targetObjectName} has no attribute "${targetName}": add it to the target directory's ${targetObjectName} attributes first, or map to an existing one.`);
        }
        const priority = property(attributeMapping, 'matchingPriority');
        if (priority?.type === 'number' && priority.value > 0) {
          const first = priorities.get(priority.value);
          if (first) at(priority, 'duplicate-matching-priority', 'error', `Another attribute mapping of this object mapping already has matching priority ${priority.value}: give each matching attribute its own precedence (1, 2, …).`);
          else priorities.set(priority.value, priority);
        }
        lintSource(text, property(attributeMapping, 'source'), report, at, checkSource);
      }
      const scope = property(mapping, 'scope');
      for (const groupsName of ['groups', 'categoryFilterGroups', 'inputFilterGroups']) {
        for (const group of items(property(scope, groupsName))) {
          for (const clause of items(property(group, 'clauses'))) lintClause(clause, sourceObject, at);
        }
      }
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

type At = (node: Node, rule: LintRule, severity: LintFinding['severity'], message: string) => void;
type Report = (rule: LintRule, severity: LintFinding['severity'], message: string, start: number, end: number) => void;

function indexDirectories(root: Node, at: At): Directories {
  const directories: Directories = new Map();
  for (const directory of items(property(root, 'directories'))) {
    const objects = new Map<string, Map<string, AttributeInfo>>();
    directories.set(stringOf(property(directory, 'name'))?.toLowerCase() ?? '', objects);
    for (const object of items(property(directory, 'objects'))) {
      const attributes = new Map<string, AttributeInfo>();
      objects.set(stringOf(property(object, 'name'))?.toLowerCase() ?? '', attributes);
      for (const attribute of items(property(object, 'attributes'))) {
        const name = stringOf(property(attribute, 'name')) ?? '';
        attributes.set(name.toLowerCase(), { type: stringOf(property(attribute, 'type')) });
        const multivalued = property(attribute, 'multivalued');
        if (name.toLowerCase().startsWith('extension_') && multivalued?.value === true) {
          at(multivalued, 'multivalued-extension', 'warning', `"${name}" is a multi-valued directory extension, which provisioning does not support (known issue): make it single-valued or leave it out of the mappings.`);
        }
      }
    }
  }
  return directories;
}

/** An attribute mapping's source: its expression text when present, else its structured name/parameters tree. */
function lintSource(text: string, source: Node | undefined, report: Report, at: At, checkSource: (name: string, start: number, end: number) => void): void {
  const expressionNode = property(source, 'expression');
  const expression = stringOf(expressionNode);
  if (expressionNode && expression !== undefined) {
    const position = decodedToDocument(text, expressionNode);
    const span = (start: number, end: number): [number, number] => [position(start), position(end)];
    if (expression.length > maxExpressionLength) {
      at(expressionNode, 'expression-too-long', 'error', `This expression has ${expression.length} characters; expressions over ${maxExpressionLength} are not supported (known issue): split the logic or shorten it.`);
    }
    const parsed = parseExpression(expression);
    for (const error of parsed.errors) report('expression-syntax', 'error', expressionMessage(error), ...span(error.start, error.end));
    if (!parsed.ast) return;
    for (const node of walk(parsed.ast)) {
      if (node.kind === 'attribute') checkSource(node.name, ...span(node.start, node.end));
      if (node.kind === 'call') lintCall(node.name, node.args.length, report, ...span(node.start, node.nameEnd));
    }
    return;
  }
  // No expression text: walk the tree of attributeMappingSource objects instead (without recursion).
  const stack = source ? [source] : [];
  while (stack.length) {
    const node = stack.pop()!;
    const name = property(node, 'name');
    const type = stringOf(property(node, 'type'));
    const parameters = items(property(node, 'parameters'));
    if (name && type === 'Attribute') checkSource(stringOf(name) ?? '', name.offset, name.offset + name.length);
    if (name && type === 'Function') lintCall(stringOf(name) ?? '', parameters.length, report, name.offset, name.offset + name.length);
    for (const parameter of parameters) {
      const value = property(parameter, 'value');
      if (value) stack.push(value);
    }
  }
}

const expressionMessage = (error: ExpressionError) => `Expression: ${error.message}`;

function lintCall(name: string, argumentCount: number, report: Report, start: number, end: number): void {
  const signature = functionNamed(name);
  if (!signature) {
    const near = functionNamedIgnoringCase(name);
    const advice = near ? `did you mean ${near.name}? Function names are case-sensitive.` : 'check the name against the list of functions (…/schema/functions).';
    report('unknown-function', 'error', `There is no function named ${name}: ${advice}`, start, end);
    return;
  }
  const [min, max] = arityOf(signature);
  if (argumentCount < min || argumentCount > max) {
    const expected = max === Infinity ? `at least ${min}` : min === max ? `${min}` : `${min} to ${max}`;
    report('function-arity', 'error', `${name} takes ${expected} arguments, not ${argumentCount}: ${name}(${signature.parameters.map((p) => p.name).join(', ')}).`, start, end);
  }
}

function lintClause(clause: Node, sourceObject: Map<string, AttributeInfo> | undefined, at: At): void {
  const operand = property(clause, 'sourceOperandName');
  const operandName = stringOf(operand) ?? '';
  if (operand && unsupportedInScope.has(operandName.toLowerCase())) {
    at(operand, 'scope-unsupported-attribute', 'warning', `Scoping filters on ${operandName} do not work (known issue): scope by assignment or by another attribute.`);
  } else if (operand && sourceObject?.get(operandName.toLowerCase())?.type === 'DateTime') {
    at(operand, 'scope-unsupported-attribute', 'warning', `${operandName} is a date attribute; scoping filters on date attributes do not work (known issue): filter on another attribute.`);
  }
  const operatorNode = property(clause, 'operatorName');
  const operatorName = stringOf(operatorNode);
  if (!operatorNode || operatorName === undefined) return;
  const operator = filterOperatorNamed(operatorName);
  if (!operator) {
    at(operatorNode, 'unknown-filter-operator', 'warning', `"${operatorName}" is not a known scoping operator: use one of the names …/schema/filterOperators lists (e.g. EQUALS, IS_NOT_NULL, REGEX_MATCH).`);
    return;
  }
  if (!operator.integerValue) return;
  for (const value of items(property(property(clause, 'targetOperand'), 'values'))) {
    if (!/^[+-]?\d+$/.test(stringOf(value) ?? '')) {
      at(value, 'scope-integer-value', 'error', `${operator.name} compares integers, and ${JSON.stringify(stringOf(value) ?? value.value)} is not one (documented limit): use a whole number such as "1000000".`);
    }
  }
}
