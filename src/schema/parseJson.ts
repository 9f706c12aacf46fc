// Strict JSON parsing with the position and a plain-words explanation of each syntax error. Doc examples often
// carry trailing commas or unquoted keys: both are errors here, as they are for Graph.
import { applyEdits, format, parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { TextPositions } from './textPositions';
import type { Finding } from './types';

export type ParsedJson = { ok: true; value: unknown } | { ok: false; findings: Finding[] };

// Keyed by jsonc-parser's error code names (its ParseErrorCode is a const enum, out of reach of isolated modules).
const explanations: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: "':' is expected after the property name",
  CommaExpected: "',' is expected between values",
  CloseBraceExpected: "'}' is expected to close the object",
  CloseBracketExpected: "']' is expected to close the array",
  EndOfFileExpected: 'unexpected text after the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'incomplete number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character in string',
  InvalidCharacter: 'control character in string (escape it)',
};

interface Explanation {
  offset: number;
  message: string;
  /** A cause of its own, not a consequence of an earlier error (the parser recovers cleanly from it). */
  independent: boolean;
}

function explain(text: string, error: ParseError): Explanation {
  const code = printParseErrorCode(error.error);
  const rest = text.slice(error.offset);
  if (error.offset >= text.length) {
    const message = text.trim() === '' ? 'empty text: a JSON value is expected' : 'unexpected end of text';
    return { offset: error.offset, message, independent: false };
  }
  const trailingComma = /,\s*$/.exec(text.slice(0, error.offset));
  if (trailingComma && /^[}\]]/.test(rest)) {
    return {
      offset: trailingComma.index,
      message: `trailing comma before '${rest[0]}' is not allowed in JSON`,
      independent: true,
    };
  }
  if (code === 'InvalidSymbol' && /^[A-Za-z_$][\w$]*\s*:/.test(rest)) {
    return { offset: error.offset, message: 'property names must be in double quotes', independent: true };
  }
  if (code === 'InvalidSymbol') {
    const message = rest.startsWith("'")
      ? 'strings must be in double quotes, not single quotes'
      : `unexpected character '${rest[0]}'`;
    return { offset: error.offset, message, independent: false };
  }
  const message = explanations[code] ?? `syntax error (${code})`;
  return { offset: error.offset, message, independent: false };
}

export function parseJson(text: string): ParsedJson {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  // JSON.parse builds the value: jsonc-parser would assign a "__proto__" key instead of defining it.
  if (errors.length === 0) return { ok: true, value: JSON.parse(text) };
  const positions = new TextPositions(text);
  // After the first error, later ones are mostly its echoes; only causes of their own are worth reporting.
  const explained = errors.map((error) => explain(text, error));
  const reported = [explained[0], ...explained.slice(1).filter((e) => e.independent)];
  const findings: Finding[] = [];
  const seenLines = new Set<number>();
  for (const { offset, message } of reported) {
    const { line, column } = positions.ofOffset(offset);
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    findings.push({ severity: 'error', pointer: '', message: `invalid JSON: ${message}`, line, column, rule: 'json-syntax' });
  }
  return { ok: false, findings };
}

/**
 * The text re-indented with 2 spaces, as JSON.stringify(value, null, 2) lays it out, but with every token as written:
 * Int64 counters beyond 2^53 keep their digits and escapes stay as sent.
 */
export function prettyJson(text: string): string {
  return applyEdits(text, format(text, undefined, { tabSize: 2, insertSpaces: true, eol: '\n' }));
}
