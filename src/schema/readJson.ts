// Reads a response body in one linear pass: the strict syntax check, the pretty-printed text, duplicate keys and
// numbers no Graph type can hold. Only then does JSON.parse build the value.
import { quote } from './findings';
import { maxDepth, walkJson, type JsonVisitor, type JsonWalk, type Place } from './jsonWalk';
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

const indents: string[] = [];
function indent(depth: number): string {
  return (indents[depth] ??= `\n${'  '.repeat(depth)}`);
}

const position = ({ line, column }: Place): Position => ({ line, column });

/**
 * Prints the text re-indented with 2 spaces, as JSON.stringify(value, null, 2) lays it out, but with every token as
 * written: Int64 counters beyond 2^53 keep their digits and escapes stay as sent.
 */
class PrettyReader implements JsonVisitor {
  readonly parts: string[] = [];
  readonly findings: Finding[] = [];
  readonly bigIntegers: BigInteger[] = [];
  private line = 1;
  /** Per open container: the keys seen in an object (undefined for an array), and the members so far. */
  private readonly keys: (Set<string> | undefined)[] = [];
  private readonly members: number[] = [];

  value(kind: string, raw: string, walk: JsonWalk): void {
    if (walk.depth > 0 && this.keys[walk.depth - 1] === undefined) this.newMember(walk.depth);
    if (kind === 'object' || kind === 'array') {
      this.parts.push(kind === 'object' ? '{' : '[');
      this.keys.push(kind === 'object' ? new Set() : undefined);
      this.members.push(0);
      return;
    }
    this.parts.push(raw);
    if (kind === 'number') this.checkNumber(raw, walk);
  }

  key(name: string, raw: string, walk: JsonWalk): void {
    this.newMember(walk.depth);
    const keys = this.keys[walk.depth - 1]!;
    if (keys.has(name)) {
      const message = `duplicate key ${quote(name)}: JSON.parse keeps only the last value, and Graph never sends a key twice`;
      this.findings.push({ severity: 'error', pointer: walk.pointer(), message, rule: 'duplicate-key', ...this.at(walk) });
    }
    keys.add(name);
    this.parts.push(raw, ': ');
  }

  close(kind: string, empty: boolean, walk: JsonWalk): void {
    this.keys.pop();
    this.members.pop();
    if (!empty) {
      this.parts.push(indent(walk.depth));
      this.line++;
    }
    this.parts.push(kind === 'object' ? '}' : ']');
  }

  private newMember(depth: number): void {
    if (this.members[depth - 1]++ > 0) this.parts.push(',');
    this.parts.push(indent(depth));
    this.line++;
  }

  /** The current value's place in the pretty text (line/column) and in the text as given (source). */
  private at(walk: JsonWalk): BigInteger['at'] {
    return { line: this.line, column: 2 * walk.depth + 1, source: position(walk.place()) };
  }

  private checkNumber(raw: string, walk: JsonWalk): void {
    if (!Number.isFinite(Number(raw))) {
      const shown = raw.length > 30 ? `${raw.slice(0, 27)}...` : raw;
      const message = `${shown} is beyond the range of a double: JSON.parse reads it as Infinity`;
      this.findings.push({ severity: 'error', pointer: walk.pointer(), message, rule: 'number-range', ...this.at(walk) });
    } else if (/^-?\d{19,}$/.test(raw) && (BigInt(raw) > int64.max || BigInt(raw) < int64.min)) {
      this.bigIntegers.push({ pointer: walk.pointer(), path: [...walk.path], raw, at: this.at(walk) });
    }
  }
}

function errorAt(place: Place, pointer: string, message: string, rule: string): Finding {
  return { severity: 'error', pointer, message, rule, ...position(place), source: position(place) };
}

export function readJsonText(text: string): JsonReading {
  const reader = new PrettyReader();
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
  try {
    // JSON.parse builds the value: it defines a "__proto__" key instead of assigning it, and does not recurse.
    const value: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    return { ok: true, value, pretty: reader.parts.join(''), findings: reader.findings, bigIntegers: reader.bigIntegers };
  } catch (error) {
    const message = `invalid JSON: ${(error as Error).message}`;
    return { ok: false, findings: [errorAt({ line: 1, column: 1, offset: 0 }, '', message, 'json-syntax')] };
  }
}

/** The body pretty-printed when it is JSON (within the depth limit), else as it came. */
export function prettyJsonText(text: string): { text: string; parsed: boolean } {
  const reading = readJsonText(text);
  return reading.ok ? { text: reading.pretty, parsed: true } : { text, parsed: false };
}
