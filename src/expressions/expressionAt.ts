// What is under the cursor in a synchronizationSchema document, for hover and completion inside expressions: the
// expression string, the offset within its decoded value, the innermost syntax node there, and which object mapping
// it belongs to (whose source object's attributes complete `[`).
import { getLocation, type JSONPath } from 'jsonc-parser';
import { walk, type ExpressionNode, type ParseResult } from './ast';
import { decodedToDocument } from './jsonLocate';
import { parseCached } from './parseCache';

export interface ExpressionAtOffset {
  /** The decoded expression text. */
  expression: string;
  /** The cursor's offset within `expression`. */
  offset: number;
  /** Maps an offset within `expression` back to the document. */
  toDocument: (decoded: number) => number;
  parsed: ParseResult;
  /** The innermost node containing the offset; undefined when the expression does not parse or the cursor is between nodes. */
  node?: ExpressionNode;
  /** JSON path of the expression property, e.g. ['synchronizationRules', 0, 'objectMappings', 1, 'attributeMappings', 3, 'source', 'expression']. */
  path: JSONPath;
}

/** The innermost node whose range contains `offset` (ends inclusive, so a cursor right after a name finds it). */
export function nodeAt(root: ExpressionNode, offset: number): ExpressionNode | undefined {
  let found: ExpressionNode | undefined;
  for (const node of walk(root)) {
    if (node.start <= offset && offset <= node.end && (!found || node.end - node.start <= found.end - found.start))
      found = node;
  }
  return found;
}

/** The expression at a document offset, or undefined when the offset is not inside an attribute mapping's expression. */
export function expressionAt(text: string, documentOffset: number): ExpressionAtOffset | undefined {
  const location = getLocation(text, documentOffset);
  const string = location.previousNode;
  if (
    location.path.at(-1) !== 'expression' ||
    location.path.at(-2) !== 'source' ||
    string?.type !== 'string' ||
    location.isAtPropertyKey
  )
    return undefined;
  const expression = string.value as string;
  const toDocument = decodedToDocument(text, { offset: string.offset, length: string.length });
  // The decoded offset of the cursor: the first decoded position whose document offset reaches it.
  let offset = 0;
  while (offset < expression.length && toDocument(offset) < documentOffset) offset++;
  const parsed = parseCached(expression);
  return {
    expression,
    offset,
    toDocument,
    parsed,
    node: parsed.ast && nodeAt(parsed.ast, offset),
    path: location.path,
  };
}
