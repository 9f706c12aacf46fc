// Parses an attribute-mapping expression into a tree with offsets. Never throws on bad input: the first problem comes
// back as an error with its offsets. Linear in the text; nesting deeper than maxDepth is an error rather than a stack
// overflow.
import type { ComparisonNode, ExpressionError, ExpressionNode, ParseResult } from './ast';
import { tokenize, type Token } from './tokenizer';

/** Far beyond any real mapping (the portal's deepest examples nest five or six calls). */
export const maxDepth = 100;

class ParseFailure {
  constructor(readonly error: ExpressionError) {}
}

export function parseExpression(text: string): ParseResult {
  const tokenized = tokenize(text);
  if (tokenized.error) return { errors: [tokenized.error] };
  const tokens = tokenized.tokens;
  let position = 0;
  const peek = () => tokens[position];
  const fail = (token: Token, message: string, code = 'syntax'): never => {
    throw new ParseFailure({ code, message, start: token.start, end: Math.max(token.end, token.start + 1) });
  };
  const describe = (token: Token) =>
    token.kind === 'end'
      ? 'the end of the expression'
      : token.kind === 'string'
        ? `the string ${text.slice(token.start, token.end)}`
        : `"${text.slice(token.start, token.end)}"`;

  function comparison(depth: number): ExpressionNode {
    const left = operand(depth);
    const next = peek();
    if (next.kind !== 'operator') return left;
    position++;
    const right = operand(depth);
    const node: ComparisonNode = {
      kind: 'comparison',
      operator: next.text,
      left,
      right,
      start: left.start,
      end: right.end,
    };
    if (peek().kind === 'operator')
      fail(
        peek(),
        'Only one comparison is allowed here: nest IIF calls to combine conditions (the reference documents no AND/OR).',
      );
    return node;
  }

  function operand(depth: number): ExpressionNode {
    if (depth > maxDepth)
      fail(peek(), `Expressions nested more than ${maxDepth} levels deep are not supported.`, 'too-deep');
    const token = tokens[position++];
    switch (token.kind) {
      case 'attribute':
        return { kind: 'attribute', name: token.text, start: token.start, end: token.end };
      case 'string':
        return { kind: 'string', value: token.text, start: token.start, end: token.end };
      case 'number':
        return { kind: 'number', value: token.value, raw: token.text, start: token.start, end: token.end };
      case 'name':
        if (peek().kind === '(') return call(token, depth);
        if (/^(true|false)$/i.test(token.text))
          return { kind: 'boolean', value: token.text.toLowerCase() === 'true', start: token.start, end: token.end };
        return { kind: 'name', name: token.text, start: token.start, end: token.end };
      default:
        return fail(token, `Expected a function, an [attribute], a "string" or a number, found ${describe(token)}.`);
    }
  }

  function call(name: Token & { kind: 'name' }, depth: number): ExpressionNode {
    position++; // '('
    const args: ExpressionNode[] = [];
    if (peek().kind === ')') {
      return { kind: 'call', name: name.text, nameEnd: name.end, args, start: name.start, end: tokens[position++].end };
    }
    for (;;) {
      const next = peek();
      // An omitted argument (`F(a, , b)`) stands for an optional parameter left out.
      args.push(
        next.kind === ',' || next.kind === ')'
          ? { kind: 'empty', start: next.start, end: next.start }
          : comparison(depth + 1),
      );
      const separator = tokens[position++];
      if (separator.kind === ')')
        return { kind: 'call', name: name.text, nameEnd: name.end, args, start: name.start, end: separator.end };
      if (separator.kind !== ',')
        fail(separator, `Expected "," or ")" in the arguments of ${name.text}, found ${describe(separator)}.`);
    }
  }

  try {
    if (peek().kind === 'end') fail(peek(), 'The expression is empty.', 'empty');
    const ast = comparison(0);
    if (peek().kind !== 'end') fail(peek(), `Unexpected ${describe(peek())} after the end of the expression.`);
    return { ast, errors: [] };
  } catch (error) {
    if (error instanceof ParseFailure) return { errors: [error.error] };
    throw error;
  }
}
