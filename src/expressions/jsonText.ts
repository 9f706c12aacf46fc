// Reading a jsonc-parser tree: property lookup, and where a character of a decoded JSON string sits in the text.
import type { Node } from 'jsonc-parser';

export function property(node: Node | undefined, name: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  for (const entry of node.children ?? []) if (entry.children?.[0]?.value === name) return entry.children[1];
  return undefined;
}

export const items = (node: Node | undefined): Node[] => (node?.type === 'array' ? (node.children ?? []) : []);
export const stringOf = (node: Node | undefined): string | undefined => (node?.type === 'string' ? (node.value as string) : undefined);

/**
 * Maps an offset in a JSON string's decoded value to an offset in the document: `\"`, `\n` and `\uXXXX` take more
 * characters in the text than in the value. Built on demand (only for strings with findings), linear in the string.
 */
export function decodedToDocument(text: string, stringNode: Node): (decoded: number) => number {
  const starts: number[] = [];
  const end = stringNode.offset + stringNode.length - 1; // the closing quote
  let raw = stringNode.offset + 1;
  while (raw < end) {
    starts.push(raw);
    raw += text[raw] !== '\\' ? 1 : text[raw + 1] === 'u' ? 6 : 2;
  }
  starts.push(end);
  return (decoded) => starts[Math.max(0, Math.min(decoded, starts.length - 1))];
}
