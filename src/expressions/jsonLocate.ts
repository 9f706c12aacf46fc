// Where values sit in a JSON text, found only for the paths that have findings. Checks run on JSON.parse's value
// (native, fast) and call this only when they found something. One pass that descends only into members on a wanted
// path and skips everything else with a tight character loop: far cheaper than a full tokenizer over the text.

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

export const pathKey = (path: JsonPath) => path.join('\u0000');

const quote = 34,
  backslash = 92,
  comma = 44,
  colon = 58,
  openBrace = 123,
  closeBrace = 125,
  openBracket = 91,
  closeBracket = 93;
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * The location of each wanted path that exists in the text, keyed by pathKey(path). The text must be valid JSON
 * (callers locate only after JSON.parse accepted it); on anything else the result is partial, never a hang.
 */
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
  const n = text.length;
  let i = 0;
  const spaces = () => {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
  };
  const skipString = () => {
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === backslash) i++;
      else if (c === quote) return void i++;
    }
  };
  const skipValue = () => {
    const first = text.charCodeAt(i);
    if (first === quote) return skipString();
    if (first === openBrace || first === openBracket) {
      for (let depth = 0; i < n;) {
        const c = text.charCodeAt(i);
        if (c === quote) {
          skipString();
          continue;
        }
        i++;
        if (c === openBrace || c === openBracket) depth++;
        else if ((c === closeBrace || c === closeBracket) && --depth === 0) return;
      }
      return;
    }
    while (
      i < n &&
      !isSpace(text.charCodeAt(i)) &&
      text.charCodeAt(i) !== comma &&
      text.charCodeAt(i) !== closeBrace &&
      text.charCodeAt(i) !== closeBracket
    )
      i++;
  };
  // Recursion follows the wanted paths only, so its depth is the longest path's.
  const value = (trie: Trie, key?: [number, number]) => {
    spaces();
    const start = i;
    const first = text.charCodeAt(i);
    if (trie.children.size > 0 && first === openBrace) {
      for (i++, spaces(); i < n && text.charCodeAt(i) === quote;) {
        const keyStart = i;
        skipString();
        const raw = text.slice(keyStart + 1, i - 1);
        const name = raw.includes('\\') ? (JSON.parse(text.slice(keyStart, i)) as string) : raw;
        const keyEnd = i;
        spaces();
        if (text.charCodeAt(i) === colon) i++;
        const child = trie.children.get(name);
        if (child) value(child, [keyStart, keyEnd]);
        else {
          spaces();
          skipValue();
        }
        spaces();
        if (text.charCodeAt(i) !== comma) break;
        i++;
        spaces();
      }
      spaces();
      i++; // }
    } else if (trie.children.size > 0 && first === openBracket) {
      i++;
      spaces();
      for (let index = 0; i < n && text.charCodeAt(i) !== closeBracket; index++) {
        const child = trie.children.get(String(index));
        if (child) value(child);
        else {
          spaces();
          skipValue();
        }
        spaces();
        if (text.charCodeAt(i) !== comma) break;
        i++;
      }
      spaces();
      i++; // ]
    } else {
      skipValue();
    }
    trie.located = {
      offset: start,
      length: i - start,
      ...(key ? { keyOffset: key[0], keyLength: key[1] - key[0] } : {}),
    };
  };
  value(root);
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
