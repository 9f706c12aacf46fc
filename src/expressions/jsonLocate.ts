// Where values sit in a JSON text, found only for the paths that have findings: one jsonc-parser `visit` pass that
// follows a trie of the wanted paths. Checks run on JSON.parse's value (native, fast) and call this only when they
// found something, so a clean document costs no locating at all.
import { visit } from 'jsonc-parser';

export type JsonPath = readonly (string | number)[];

export interface Located {
  /** The value: [offset, offset + length) in the text. */
  offset: number;
  length: number;
  /** For an object member: its key's range (quotes included). */
  keyOffset?: number;
  keyLength?: number;
}

interface Trie {
  children: Map<string, Trie>;
  located?: Located;
}

interface Frame {
  trie: Trie | undefined;
  array: boolean;
  index: number;
  key?: string;
  keyOffset?: number;
  keyLength?: number;
}

export const pathKey = (path: JsonPath) => path.join('\u0000');

/** The location of each wanted path that exists in the text, keyed by pathKey(path). */
export function locate(text: string, paths: readonly JsonPath[]): Map<string, Located> {
  const root: Trie = { children: new Map() };
  const wanted = new Map<string, Trie>();
  for (const path of paths) {
    let node = root;
    for (const segment of path) {
      const key = String(segment);
      let child = node.children.get(key);
      if (!child) node.children.set(key, (child = { children: new Map() }));
      node = child;
    }
    wanted.set(pathKey(path), node);
  }
  const stack: Frame[] = [];
  const open: (Trie | undefined)[] = [];
  /** The trie node of the value starting now, and its key's range when it is an object member. */
  const enter = (): [Trie | undefined, Frame | undefined] => {
    const parent = stack[stack.length - 1];
    if (!parent) return [root, undefined];
    const key = parent.array ? String(parent.index++) : parent.key!;
    return [parent.trie?.children.get(key), parent];
  };
  const place = (trie: Trie | undefined, parent: Frame | undefined, offset: number, length: number) => {
    if (!trie || trie.located) return;
    trie.located = { offset, length, ...(parent && !parent.array ? { keyOffset: parent.keyOffset, keyLength: parent.keyLength } : {}) };
  };
  const begin = (array: boolean) => (offset: number) => {
    const [trie, parent] = enter();
    if (trie) place(trie, parent, offset, 0);
    open.push(trie);
    stack.push({ trie, array, index: 0 });
  };
  const end = (offset: number, length: number) => {
    stack.pop();
    const trie = open.pop();
    if (trie?.located) trie.located.length = offset + length - trie.located.offset;
  };
  visit(
    text,
    {
      onObjectBegin: begin(false),
      onArrayBegin: begin(true),
      onObjectEnd: end,
      onArrayEnd: end,
      onObjectProperty: (property, offset, length) => {
        const frame = stack[stack.length - 1];
        frame.key = property;
        frame.keyOffset = offset;
        frame.keyLength = length;
      },
      onLiteralValue: (_value, offset, length) => {
        const [trie, parent] = enter();
        place(trie, parent, offset, length);
      },
    },
    { disallowComments: true },
  );
  const result = new Map<string, Located>();
  for (const [key, trie] of wanted) if (trie.located) result.set(key, trie.located);
  return result;
}

/**
 * Maps an offset in a JSON string's decoded value to an offset in the text: `\"`, `\n` and `\uXXXX` take more
 * characters in the text than in the value. `located` is the string's range, quotes included. Linear in the string.
 */
export function decodedToDocument(text: string, located: Located): (decoded: number) => number {
  const starts: number[] = [];
  const end = located.offset + located.length - 1; // the closing quote
  let raw = located.offset + 1;
  while (raw < end) {
    starts.push(raw);
    raw += text[raw] !== '\\' ? 1 : text[raw + 1] === 'u' ? 6 : 2;
  }
  starts.push(end);
  return (decoded) => starts[Math.max(0, Math.min(decoded, starts.length - 1))];
}
