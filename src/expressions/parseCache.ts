// Parsed expressions by text. An editor re-checks the whole schema on every keystroke while nearly every expression
// stays the same, so each is parsed once. Bounded: cleared when it grows past `limit` distinct texts.
import type { ParseResult } from './ast';
import { parseExpression } from './parser';

const limit = 20_000;
const cache = new Map<string, ParseResult>();

export function parseCached(text: string): ParseResult {
  let result = cache.get(text);
  if (!result) {
    if (cache.size >= limit) cache.clear();
    cache.set(text, (result = parseExpression(text)));
  }
  return result;
}
