// Reads a response body in one linear pass: the strict syntax check, duplicate keys and numbers no Graph type can
// hold, and whether JSON.stringify would print every token as written (then it pretty-prints; else prettyPrinter).
// JSON.parse builds the value.
import { quote } from './findings';
import { maxDepth, walkJson, type JsonVisitor, type JsonWalk, type Place } from './jsonWalk';
import { printPretty } from './prettyPrinter';
import type { Finding, Position } from './types';

/** An integer literal outside the Int64 range; an error only where the schema says Int64. */
export interface BigInteger {
  pointer: string;
  path: (string | number)[];
  raw: string;
  at: Pick<Finding, 'line' | 'column' | 'source'>;
}

export type JsonReading =
  | { ok: true; value: unknown; pretty: string; findings: Finding[]; bigIntegers: BigInteger[] }
  | { ok: false; findings: Finding[] };

const int64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };
const position = ({ line, column }: Place): Position => ({ line, column });

// A string token JSON.stringify writes back unchanged: no escape (unless it is the one stringify writes), and, for
// a key, not an array index, which JavaScript objects move to the front.
const asStringified = (raw: string) => raw.indexOf('\\') < 0 || JSON.stringify(JSON.parse(raw)) === raw;
const indexKey = /^"(?:0|[1-9]\d*)"$/;
const shortInteger = /^(?:0|-?[1-9]\d{0,14})$/; // not -0, which JSON.stringify writes 0

class BodyReader implements JsonVisitor {
  readonly findings: Finding[] = [];
  readonly bigIntegers: BigInteger[] = [];
  /** JSON.stringify(JSON.parse(text), null, 2) shows every token as written. */
  stringifiable = true;
  /** The line of the pretty text being written: each member starts one, so does each non-empty container's end. */
  private line = 1;
  /** Per open container: the keys seen in an object, undefined for an array. */
  private readonly keys: (Set<string> | undefined)[] = [];

  value(kind: string, raw: string, walk: JsonWalk): void {
    if (walk.depth > 0 && this.keys[walk.depth - 1] === undefined) this.line++;
    if (kind === 'object' || kind === 'array') this.keys.push(kind === 'object' ? new Set() : undefined);
    else if (kind === 'number') this.checkNumber(raw, walk);
    else if (kind === 'string' && this.stringifiable) this.stringifiable = asStringified(raw);
  }

  key(name: string, raw: string, walk: JsonWalk): void {
    this.line++;
    const keys = this.keys[walk.depth - 1]!;
    if (this.stringifiable) this.stringifiable = asStringified(raw) && !(raw.charCodeAt(1) <= 57 && indexKey.test(raw));
    if (keys.has(name)) {
      this.stringifiable = false;
      const message = `duplicate key ${quote(name)}: JSON.parse keeps only the last value, and Graph never sends a key twice`;
      this.findings.push({
        severity: 'error',
        pointer: walk.pointer(),
        message,
        rule: 'duplicate-key',
        ...this.at(walk),
      });
    }
    keys.add(name);
  }

  close(_kind: string, empty: boolean): void {
    this.keys.pop();
    if (!empty) this.line++;
  }

  /** The current value's place in the pretty text (line/column) and in the text as given (source). */
  private at(walk: JsonWalk): BigInteger['at'] {
    return { line: this.line, column: 2 * walk.depth + 1, source: position(walk.place()) };
  }

  private checkNumber(raw: string, walk: JsonWalk): void {
    if (shortInteger.test(raw)) return;
    const number = Number(raw);
    if (this.stringifiable) this.stringifiable = String(number) === raw;
    if (!Number.isFinite(number)) {
      const shown = raw.length > 30 ? `${raw.slice(0, 27)}...` : raw;
      const message = `${shown} is beyond the range of a double: JSON.parse reads it as Infinity`;
      this.findings.push({
        severity: 'error',
        pointer: walk.pointer(),
        message,
        rule: 'number-range',
        ...this.at(walk),
      });
    } else if (/^-?\d{19,}$/.test(raw) && (BigInt(raw) > int64.max || BigInt(raw) < int64.min)) {
      this.bigIntegers.push({ pointer: walk.pointer(), path: [...walk.path], raw, at: this.at(walk) });
    }
  }
}

function errorAt(place: Place, pointer: string, message: string, rule: string): Finding {
  return { severity: 'error', pointer, message, rule, ...position(place), source: position(place) };
}

export function readJsonText(text: string): JsonReading {
  const reader = new BodyReader();
  const walk = walkJson(text, reader);
  const seenLines = new Set<number>();
  // One syntax finding per line: a second error on the same line is mostly an echo of the first.
  const findings = walk.errors
    .filter(({ place }) => !seenLines.has(place.line) && seenLines.add(place.line))
    .map(({ place, message }) => errorAt(place, '', `invalid JSON: ${message}`, 'json-syntax'));
  if (walk.tooDeep) {
    const message = `the JSON is nested deeper than ${maxDepth} levels (Graph's bodies are about 15): not validated further`;
    findings.push(errorAt(walk.tooDeep.place, walk.tooDeep.pointer, message, 'json-depth'));
  }
  if (findings.length > 0) return { ok: false, findings };
  let value: unknown;
  try {
    // JSON.parse builds the value: it defines a "__proto__" key instead of assigning it, and does not recurse.
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = `invalid JSON: ${(error as Error).message}`;
    return { ok: false, findings: [errorAt({ line: 1, column: 1, offset: 0 }, '', message, 'json-syntax')] };
  }
  // JSON.stringify escapes lone surrogates; a text with one is printed token by token.
  const stringifiable = reader.stringifiable && !/\p{Cs}/u.test(text);
  const pretty = stringifiable ? JSON.stringify(value, null, 2) : printPretty(text);
  return { ok: true, value, pretty, findings: reader.findings, bigIntegers: reader.bigIntegers };
}

/** The body pretty-printed when it is JSON (within the depth limit), else as it came. */
export function prettyJsonText(text: string): { text: string; parsed: boolean } {
  const reading = readJsonText(text);
  return reading.ok ? { text: reading.pretty, parsed: true } : { text, parsed: false };
}
