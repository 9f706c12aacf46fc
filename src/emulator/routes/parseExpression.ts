// parseExpressionResponse for an expression and an optional test input, from the project's own parser and evaluator.
// Field meanings from the Graph reference (synchronizationSchema: parseExpression); the error codes are guesses.
import {
  evaluateExpression,
  functionNamed,
  parseExpression,
  resultStrings,
  testInputFrom,
  toMappingSource,
  walk,
  type AttributeMappingSource,
  type ExpressionError,
} from '../../expressions';

export interface ParseExpressionAnswer {
  error: { code: string; message: string; target: string | null; details: unknown[]; innerError: null } | null;
  evaluationResult: string[] | null;
  evaluationSucceeded: boolean;
  parsedExpression: AttributeMappingSource | null;
  parsingSucceeded: boolean;
}

const publicError = (
  code: string,
  error: ExpressionError,
  expression: string,
): NonNullable<ParseExpressionAnswer['error']> => ({
  code,
  message: `${error.message} (at position ${error.start + 1})`,
  target: expression.slice(error.start, error.end) || null,
  details: [],
  innerError: null,
});

export function parseExpressionAnswer(expression: string, testInputObject: unknown): ParseExpressionAnswer {
  const parsed = parseExpression(expression);
  // A call to a function that does not exist fails parsing, as the service resolves names while it parses (guess).
  const unknown = parsed.ast && [...walk(parsed.ast)].find((node) => node.kind === 'call' && !functionNamed(node.name));
  const parseError: ExpressionError | undefined =
    parsed.errors[0] ??
    (unknown && {
      code: 'unknown-function',
      message: `Unknown function '${unknown.kind === 'call' ? unknown.name : ''}'.`,
      start: unknown.start,
      end: unknown.end,
    });
  if (!parsed.ast || parseError) {
    return {
      error: publicError('ExpressionParsingFailed', parseError!, expression),
      evaluationResult: null,
      evaluationSucceeded: false,
      parsedExpression: null,
      parsingSucceeded: false,
    };
  }
  const parsedExpression = toMappingSource(parsed.ast, expression);
  if (testInputObject === undefined || testInputObject === null) {
    return {
      error: null,
      evaluationResult: null,
      evaluationSucceeded: false,
      parsedExpression,
      parsingSucceeded: true,
    };
  }
  const evaluated = evaluateExpression(parsed.ast, testInputFrom(testInputObject));
  if (!evaluated.ok) {
    return {
      error: publicError('ExpressionEvaluationFailed', evaluated.error, expression),
      evaluationResult: null,
      evaluationSucceeded: false,
      parsedExpression,
      parsingSucceeded: true,
    };
  }
  return {
    error: null,
    evaluationResult: evaluated.flows ? resultStrings(evaluated.value) : [],
    evaluationSucceeded: true,
    parsedExpression,
    parsingSucceeded: true,
  };
}
