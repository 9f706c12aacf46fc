// A strict JSON walk in one pass and without recursion, over jsonc-parser's scanner: it tells a visitor each key,
// value and closing bracket with the JSON Pointer path, and explains the first syntax error in plain words. Doc
// examples often carry trailing commas, unquoted keys or comments: the walk reports each and goes on, so that all of
// them are listed at once; any other error ends it. Nesting deeper than `maxDepth` ends it too, with its pointer:
// nothing downstream (ajv, the findings) then has to descend that deep.
import { createScanner, type JSONScanner } from 'jsonc-parser';
import { escapeSegment } from './jsonPointer';

// jsonc-parser's SyntaxKind and ScanError are const enums, out of reach of isolated modules: their values.
const OpenBrace = 1, CloseBrace = 2, OpenBracket = 3, CloseBracket = 4, Comma = 5, Colon = 6; // prettier-ignore
const Null = 7, True = 8, False = 9, StringLiteral = 10, NumericLiteral = 11; // prettier-ignore
const LineComment = 12, BlockComment = 13, LineBreak = 14, Trivia = 15, Unknown = 16, EOF = 17; // prettier-ignore
/** Not a jsonc-parser token: the scanner reported an error, which ended the walk. */
const Failed = -1;

const scanErrors = [
  '',
  'unterminated comment',
  'unterminated string',
  'incomplete number',
  'invalid \\u escape',
  'invalid escape character in string',
  'control character in string (escape it)',
];

/** Deeper nesting is refused: real Graph bodies are about 15 levels deep. */
export const maxDepth = 1000;

export type ValueKind = 'object' | 'array' | 'string' | 'number' | 'literal';

/** A place in the text as given: 1-based line and column (UTF-16 units), and the offset. */
export interface Place {
  line: number;
  column: number;
  offset: number;
}

export interface SyntaxProblem {
  message: string;
  place: Place;
}

export interface JsonVisitor {
  /** A value begins: a scalar with its token as written, or the opening bracket of an object or array. */
  value(kind: ValueKind, raw: string, walk: JsonWalk): void;
  /** A property name (unescaped) and its token as written; `walk.path` already ends with it. */
  key(name: string, raw: string, walk: JsonWalk): void;
  /** An object or array ends; `walk.depth` is that of its opening bracket again. */
  close(kind: 'object' | 'array', empty: boolean, walk: JsonWalk): void;
}

export class JsonWalk {
  /** The path of the current value: property names and array indices. */
  readonly path: (string | number)[] = [];
  readonly errors: SyntaxProblem[] = [];
  /** Where nesting went deeper than `maxDepth`, when it did. */
  tooDeep: { pointer: string; place: Place } | undefined;
  private readonly scanner: JSONScanner;
  private readonly containers: number[] = [];
  private token = EOF;
  private stopped = false;
  // Where a reader looks for the current value: its key for a property, else the value itself.
  private markOffset = 0;
  private markLine = 0;
  private markColumn = 0;

  constructor(
    private readonly text: string,
    private readonly visitor: JsonVisitor,
  ) {
    this.scanner = createScanner(text, false);
    if (text.charCodeAt(0) === 0xfeff) this.scanner.setPosition(1); // a UTF-8 byte order mark
  }

  /** Open objects and arrays around the current value. */
  get depth(): number {
    return this.containers.length;
  }

  place(): Place {
    return { line: this.markLine + 1, column: this.markColumn + 1, offset: this.markOffset };
  }

  pointer(): string {
    let pointer = '';
    for (const segment of this.path) pointer += `/${escapeSegment(segment)}`;
    return pointer;
  }

  /** True when the text is one valid JSON value within the depth limit. */
  run(): boolean {
    let token = this.next();
    if (token === EOF && this.errors.length === 0) {
      const blank = this.text.replace(/^\uFEFF/, '').trim() === '';
      return this.fail(blank ? 'empty text: a JSON value is expected' : 'unexpected end of text');
    }
    this.mark();
    let opened = this.value(token);
    while (opened >= 0 && this.containers.length > 0) {
      const inObject = this.containers[this.containers.length - 1] === OpenBrace;
      const closer = inObject ? CloseBrace : CloseBracket;
      token = this.next();
      if (token === closer) {
        this.close(opened === 1);
        opened = 0;
        continue;
      }
      if (opened === 0) {
        if (token !== Comma) return this.afterMemberError(token, inObject);
        const comma = this.placeOfToken();
        token = this.next();
        if (token === closer) {
          this.errors.push({
            message: `trailing comma before '${inObject ? '}' : ']'}' is not allowed in JSON`,
            place: comma,
          });
          this.close(false);
          continue;
        }
      }
      const index = this.path.length - 1;
      if (inObject) {
        if (!this.key(token)) return false;
        if (this.next() !== Colon) return this.fail("':' is expected after the property name");
        token = this.next();
      } else {
        this.path[index] = opened === 1 ? 0 : (this.path[index] as number) + 1;
        this.mark();
      }
      opened = this.value(token);
    }
    if (opened >= 0 && this.next() !== EOF) this.fail('unexpected text after the JSON value');
    return this.errors.length === 0 && this.tooDeep === undefined;
  }

  /** -1: an error ended the walk; 0: a scalar; 1: an object or array was opened. */
  private value(token: number): -1 | 0 | 1 {
    switch (token) {
      case OpenBrace:
      case OpenBracket: {
        if (this.containers.length >= maxDepth) {
          this.tooDeep = { pointer: this.pointer(), place: this.place() };
          return -1;
        }
        this.visitor.value(token === OpenBrace ? 'object' : 'array', '', this);
        this.containers.push(token);
        this.path.push('');
        return 1;
      }
      case StringLiteral:
      case NumericLiteral:
      case Null:
      case True:
      case False: {
        const kind = token === StringLiteral ? 'string' : token === NumericLiteral ? 'number' : 'literal';
        this.visitor.value(kind, this.raw(), this);
        return 0;
      }
      case Unknown: {
        const raw = this.raw();
        this.fail(
          raw.startsWith("'") ? 'strings must be in double quotes, not single quotes' : `unexpected ${quoted(raw)}`,
        );
        return -1;
      }
      default:
        this.fail('a value is expected');
        return -1;
    }
  }

  private key(token: number): boolean {
    this.mark();
    if (token === StringLiteral) {
      this.path[this.path.length - 1] = this.scanner.getTokenValue();
    } else if (token === Unknown && /^[A-Za-z_$][\w$]*$/.test(this.raw())) {
      this.errors.push({ message: 'property names must be in double quotes', place: this.place() });
      this.path[this.path.length - 1] = this.raw();
    } else {
      return this.fail('a property name in double quotes is expected');
    }
    this.visitor.key(String(this.path[this.path.length - 1]), this.raw(), this);
    return true;
  }

  private close(empty: boolean): void {
    const kind = this.containers.pop() === OpenBrace ? 'object' : 'array';
    this.path.pop();
    this.visitor.close(kind, empty, this);
  }

  private afterMemberError(token: number, inObject: boolean): false {
    const startsValue =
      token === StringLiteral || token === NumericLiteral || token === OpenBrace || token === OpenBracket;
    if (startsValue || (token >= Null && token <= False)) return this.fail("',' is expected between values");
    return this.fail(inObject ? "'}' is expected to close the object" : "']' is expected to close the array");
  }

  /** The next token that is not white space; comments are reported and skipped, as are scanner errors. */
  private next(): number {
    for (;;) {
      const token = this.scanner.scan();
      const scanError = this.scanner.getTokenError();
      if (scanError !== 0) {
        this.token = token;
        this.fail(scanErrors[scanError]);
        return (this.token = Failed);
      }
      if (token === LineComment || token === BlockComment) {
        this.errors.push({ message: 'comments are not allowed in JSON', place: this.placeOfToken() });
        continue;
      }
      if (token === Trivia || token === LineBreak) continue; // only spaces, tabs, \r and \n for jsonc-parser too
      return (this.token = token);
    }
  }

  /** Records the error that ends the walk; later calls, consequences of the first, add nothing. */
  private fail(message: string): false {
    if (this.stopped) return false;
    this.stopped = true;
    const atEnd = this.token === EOF && message !== 'empty text: a JSON value is expected';
    this.errors.push({ message: atEnd ? 'unexpected end of text' : message, place: this.placeOfToken() });
    return false;
  }

  private mark(): void {
    this.markOffset = this.scanner.getTokenOffset();
    this.markLine = this.scanner.getTokenStartLine();
    this.markColumn = this.scanner.getTokenStartCharacter();
  }

  private placeOfToken(): Place {
    this.mark();
    return this.place();
  }

  private raw(): string {
    const offset = this.scanner.getTokenOffset();
    return this.text.substring(offset, offset + this.scanner.getTokenLength());
  }
}

/** The unexpected text as a message shows it: an invisible or non-ASCII first character by its code point. */
function quoted(raw: string): string {
  const code = raw.charCodeAt(0);
  if (code < 0x21 || code > 0x7e) return `character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const shown = raw.length > 20 ? `${raw.slice(0, 20)}...` : raw;
  return raw.length === 1 ? `character '${shown}'` : `'${shown}'`;
}

export function walkJson(text: string, visitor: JsonVisitor): JsonWalk {
  const walk = new JsonWalk(text, visitor);
  walk.run();
  return walk;
}
