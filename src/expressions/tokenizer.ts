// Splits an attribute-mapping expression into tokens, in one pass. Syntax per Microsoft's "Reference for writing
// expressions for attribute mappings in Microsoft Entra ID" (learn.microsoft.com, functions-for-customizing-
// application-data): functions `Name(a, b)`, attributes in square brackets, string constants in double quotes where
// `\"` and `\\` are escapes, comparison operators in IIF conditions (=, <>, >, >=, <, <=), and numbers such as
// `&HF` in its BitAnd example.
import type { ComparisonOperator, ExpressionError } from './ast';

export type Token =
  | { kind: 'name'; text: string; start: number; end: number }
  | { kind: 'attribute'; text: string; start: number; end: number }
  | { kind: 'string'; text: string; start: number; end: number }
  | { kind: 'number'; text: string; value: number; start: number; end: number }
  | { kind: 'operator'; text: ComparisonOperator; start: number; end: number }
  | { kind: '(' | ')' | ','; start: number; end: number }
  | { kind: 'end'; start: number; end: number };

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isDigit = (c: string) => c >= '0' && c <= '9';
const isNameStart = (c: string) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_';
const isNamePart = (c: string) => isNameStart(c) || isDigit(c) || c === '.';

export type TokenizeResult = { tokens: Token[]; error?: undefined } | { tokens?: undefined; error: ExpressionError };

export function tokenize(text: string): TokenizeResult {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const start = i;
    if (isSpace(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c, start, end: ++i });
    } else if (c === '"') {
      let value = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        // The reference documents \" and \\; any other escaped character stands for itself (guess).
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i++];
      }
      if (i >= text.length)
        return {
          error: {
            code: 'unterminated-string',
            message: 'This string constant has no closing double quote (").',
            start,
            end: text.length,
          },
        };
      tokens.push({ kind: 'string', text: value, start, end: ++i });
    } else if (c === '[') {
      const close = text.indexOf(']', i + 1);
      if (close < 0)
        return {
          error: {
            code: 'unterminated-attribute',
            message: 'This attribute reference has no closing bracket (]).',
            start,
            end: text.length,
          },
        };
      const name = text.slice(i + 1, close);
      if (name.trim() === '')
        return {
          error: {
            code: 'empty-attribute',
            message: 'Write an attribute name between the brackets, e.g. [userPrincipalName].',
            start,
            end: close + 1,
          },
        };
      tokens.push({ kind: 'attribute', text: name, start, end: (i = close + 1) });
    } else if (c === '=' || c === '<' || c === '>') {
      const two = text.slice(i, i + 2);
      const operator = (two === '<>' || two === '>=' || two === '<=' ? two : c) as ComparisonOperator;
      i += operator.length;
      tokens.push({ kind: 'operator', text: operator, start, end: i });
    } else if (c === '&' && (text[i + 1] === 'H' || text[i + 1] === 'h')) {
      i += 2;
      while (i < text.length && /[0-9A-Fa-f]/.test(text[i])) i++;
      const raw = text.slice(start, i);
      if (raw.length === 2)
        return {
          error: { code: 'syntax', message: 'A hexadecimal number needs digits after &H, e.g. &HF7.', start, end: i },
        };
      tokens.push({ kind: 'number', text: raw, value: parseInt(raw.slice(2), 16), start, end: i });
    } else if (isDigit(c) || ((c === '-' || c === '+') && isDigit(text[i + 1] ?? ''))) {
      i++;
      while (i < text.length && (isDigit(text[i]) || text[i] === '.')) i++;
      const raw = text.slice(start, i);
      const value = Number(raw);
      if (Number.isNaN(value))
        return { error: { code: 'syntax', message: `"${raw}" is not a number.`, start, end: i } };
      tokens.push({ kind: 'number', text: raw, value, start, end: i });
    } else if (isNameStart(c)) {
      while (i < text.length && isNamePart(text[i])) i++;
      tokens.push({ kind: 'name', text: text.slice(start, i), start, end: i });
    } else {
      return {
        error: {
          code: 'syntax',
          message: `Unexpected character "${c}". Attributes go in [brackets] and text in "double quotes".`,
          start,
          end: start + 1,
        },
      };
    }
  }
  tokens.push({ kind: 'end', start: text.length, end: text.length });
  return { tokens };
}
