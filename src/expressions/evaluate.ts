// Evaluates a parsed expression against a test input object, as `POST …/schema/parseExpression` does with its
// `testInputObject` (expressionInputObject: definition + properties[] of {key, value}).
import type { ComparisonNode, ExpressionError, ExpressionNode } from './ast';
import { arityOf, functionNamed } from './catalog';
import { implementations, type Args } from './functions';
import { EvaluationFailure, isNull, isNullOrEmpty, toText, type ExpressionValue } from './values';

/** Attribute values by name; names match without regard to case (guess: Graph's matching is not documented). */
export type TestInput = ReadonlyMap<string, ExpressionValue>;

export type EvaluationResult =
  | { ok: true; value: ExpressionValue; /** False when IgnoreFlowIfNullOrEmpty drops the attribute. */ flows: boolean }
  | { ok: false; error: ExpressionError };

/** The testInputObject of a parseExpression request as a lookup table. Tolerates any shape: missing means empty. */
export function testInputFrom(testInputObject: unknown): TestInput {
  const properties = (testInputObject as { properties?: unknown } | null | undefined)?.properties;
  const input = new Map<string, ExpressionValue>();
  if (!Array.isArray(properties)) return input;
  for (const property of properties as { key?: unknown; value?: unknown }[]) {
    if (typeof property?.key === 'string') input.set(property.key.toLowerCase(), asValue(property.value));
  }
  return input;
}

function asValue(value: unknown): ExpressionValue {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(asValue);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

class NodeFailure {
  constructor(readonly error: ExpressionError) {}
}

export function evaluateExpression(ast: ExpressionNode, input: TestInput): EvaluationResult {
  let flows = true;
  const fail = (node: ExpressionNode, code: string, message: string): never => {
    throw new NodeFailure({ code, message, start: node.start, end: node.end });
  };

  // Recursion is bounded: the parser refuses trees deeper than its maxDepth.
  function value(node: ExpressionNode): ExpressionValue | undefined {
    switch (node.kind) {
      case 'attribute':
        return input.get(node.name.toLowerCase()) ?? null;
      case 'string':
        return node.value;
      case 'number':
        return node.value;
      case 'boolean':
        return node.value;
      case 'name':
        return node.name;
      case 'empty':
        return undefined;
      case 'comparison':
        return compare(node, value(node.left), value(node.right));
      case 'call': {
        const signature = functionNamed(node.name);
        const implementation = implementations[node.name];
        if (!signature) return fail(node, 'unknown-function', `There is no function named ${node.name}.`);
        if (!implementation)
          return fail(
            node,
            'not-evaluated',
            `${node.name} cannot be evaluated here (it needs the provisioning service).`,
          );
        const [min, max] = arityOf(signature);
        if (node.args.length < min || node.args.length > max) {
          const expected = max === Infinity ? `at least ${min}` : min === max ? `${min}` : `${min} to ${max}`;
          return fail(node, 'arity', `${node.name} takes ${expected} arguments, not ${node.args.length}.`);
        }
        const args: Args = node.args.map(value);
        try {
          const result = implementation(args);
          if (node.name === 'IgnoreFlowIfNullOrEmpty' && isNullOrEmpty(result)) flows = false;
          return result;
        } catch (error) {
          if (error instanceof EvaluationFailure)
            return fail(
              error.argument !== undefined ? (node.args[error.argument] ?? node) : node,
              'evaluation',
              `${node.name}: ${error.message}`,
            );
          return fail(node, 'evaluation', `${node.name}: ${(error as Error).message}`);
        }
      }
    }
  }

  try {
    return { ok: true, value: value(ast) ?? null, flows };
  } catch (error) {
    if (error instanceof NodeFailure) return { ok: false, error: error.error };
    throw error;
  }
}

/** IIF's comparisons: numbers compare as numbers, anything else as case-sensitive text; NULL makes them false (guess). */
function compare(node: ComparisonNode, left: ExpressionValue | undefined, right: ExpressionValue | undefined): boolean {
  if (isNull(left) || isNull(right)) return false;
  const a = toText(left, 'The left side');
  const b = toText(right, 'The right side');
  const numeric = a.trim() !== '' && b.trim() !== '' && !Number.isNaN(Number(a)) && !Number.isNaN(Number(b));
  const order = numeric ? Math.sign(Number(a) - Number(b)) : a < b ? -1 : a > b ? 1 : 0;
  switch (node.operator) {
    case '=':
      return order === 0;
    case '<>':
      return order !== 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
  }
}

/** parseExpressionResponse.evaluationResult is a collection of strings: one per value, none for NULL (guess). */
export const resultStrings = (value: ExpressionValue): string[] =>
  value === null
    ? []
    : Array.isArray(value)
      ? value.flat(Infinity as 1).map((item) => toText(item as ExpressionValue))
      : [toText(value)];
