// Parsed expressions by text, with the nodes the lint rules look at. An editor re-checks the whole schema on every
// keystroke while nearly every expression stays the same, so each is parsed and walked once. Bounded: cleared when it
// grows past `limit` distinct texts.
import { walk, type AttributeNode, type CallNode, type ParseResult } from './ast';
import { parseExpression } from './parser';

export interface ExpressionFacts extends ParseResult {
  attributes: AttributeNode[];
  calls: CallNode[];
}

const limit = 20_000;
const cache = new Map<string, ExpressionFacts>();

export function parseCached(text: string): ExpressionFacts {
  let facts = cache.get(text);
  if (!facts) {
    const parsed = parseExpression(text);
    facts = { ...parsed, attributes: [], calls: [] };
    for (const node of parsed.ast ? walk(parsed.ast) : []) {
      if (node.kind === 'attribute') facts.attributes.push(node);
      else if (node.kind === 'call') facts.calls.push(node);
    }
    if (cache.size >= limit) cache.clear();
    cache.set(text, facts);
  }
  return facts;
}
