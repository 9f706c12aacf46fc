// Colours one line of pretty-printed JSON. Only classifies text into spans; the caller sets it as textContent.

export type TokenKind = 'key' | 'string' | 'number' | 'literal' | 'plain';

export interface Token {
  text: string;
  kind: TokenKind;
}

// A string (a key when a colon follows), a number, or true/false/null. Everything between is punctuation or space.
const tokenPattern = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b/g;

export function jsonTokens(line: string): Token[] {
  const tokens: Token[] = [];
  let end = 0;
  for (const match of line.matchAll(tokenPattern)) {
    const start = match.index ?? 0;
    if (start > end) tokens.push({ text: line.slice(end, start), kind: 'plain' });
    const [, string, colon, number, literal] = match;
    if (string !== undefined) {
      tokens.push({ text: string, kind: colon ? 'key' : 'string' });
      if (colon) tokens.push({ text: colon, kind: 'plain' });
    } else {
      tokens.push({ text: number ?? literal ?? '', kind: number !== undefined ? 'number' : 'literal' });
    }
    end = start + match[0].length;
  }
  if (end < line.length) tokens.push({ text: line.slice(end), kind: 'plain' });
  return tokens;
}
