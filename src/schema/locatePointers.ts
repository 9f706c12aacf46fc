// Where JSON Pointers lie in a valid body, found in one walk for all of them: in the pretty-printed text and in the
// text as given. A pointer designates the key of a property (where a reader looks) or the value of an array item;
// one to something absent falls back to its nearest existing ancestor.
import { pointerSegments } from './jsonPointer';
import { walkJson, type JsonWalk } from './jsonWalk';
import type { Position } from './types';

export interface Located {
  pretty: Position;
  source: Position;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  found?: Located;
}

export function locatePointers(text: string, pointers: Iterable<string>): Map<string, Located> {
  const root: TrieNode = { children: new Map() };
  const wanted = new Map<string, string[]>();
  for (const pointer of pointers) {
    const segments = pointerSegments(pointer);
    wanted.set(pointer, segments);
    let node = root;
    for (const segment of segments) {
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = { children: new Map() }));
      node = child;
    }
  }
  // The trie node of each open container (undefined off the wanted paths), and the pretty line being written;
  // the layout is the pretty printer's: each member on a line of its own, a non-empty container closed on another.
  const open: (TrieNode | undefined)[] = [];
  let line = 1;
  let propertyNode: TrieNode | undefined;
  const found = (node: TrieNode | undefined, walk: JsonWalk) => {
    if (!node) return;
    const { line: sourceLine, column: sourceColumn } = walk.place();
    node.found = { pretty: { line, column: 2 * walk.depth + 1 }, source: { line: sourceLine, column: sourceColumn } };
  };
  walkJson(text, {
    value(kind, _raw, walk) {
      let node: TrieNode | undefined;
      if (walk.depth === 0) {
        node = root;
        found(node, walk);
      } else {
        const segment = walk.path[walk.depth - 1];
        if (typeof segment === 'number') {
          line++;
          node = open[walk.depth - 1]?.children.get(String(segment));
          found(node, walk);
        } else {
          node = propertyNode;
        }
      }
      if (kind === 'object' || kind === 'array') open.push(node);
    },
    key(name, _raw, walk) {
      line++;
      propertyNode = open[walk.depth - 1]?.children.get(name);
      found(propertyNode, walk);
    },
    close(_kind, empty) {
      open.pop();
      if (!empty) line++;
    },
  });
  const located = new Map<string, Located>();
  for (const [pointer, segments] of wanted) {
    let node: TrieNode | undefined = root;
    let nearest = root.found ?? { pretty: { line: 1, column: 1 }, source: { line: 1, column: 1 } };
    for (const segment of segments) {
      node = node.children.get(segment);
      if (!node?.found) break;
      nearest = node.found;
    }
    located.set(pointer, nearest);
  }
  return located;
}
