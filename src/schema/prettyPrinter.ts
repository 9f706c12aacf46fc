// Prints a JSON text re-indented with 2 spaces, as JSON.stringify(value, null, 2) lays it out, but with every token
// as written: Int64 counters beyond 2^53 keep their digits, escapes stay as sent, duplicate keys stay visible.
// readJson uses JSON.stringify itself when that gives the same text (it is faster), this printer otherwise.
import { walkJson, type JsonVisitor, type JsonWalk } from './jsonWalk';

const indents: string[] = [];
function indent(depth: number): string {
  return (indents[depth] ??= `\n${'  '.repeat(depth)}`);
}

class PrettyPrinter implements JsonVisitor {
  /** V8 appends to a string cheaply (a rope, flattened once at the end). */
  text = '';
  /** Members so far in each open container; for an object, negative. */
  private readonly members: number[] = [];

  value(kind: string, raw: string, walk: JsonWalk): void {
    if (walk.depth > 0 && this.members[walk.depth - 1] >= 0) this.newMember(walk.depth);
    if (kind === 'object' || kind === 'array') {
      this.text += kind === 'object' ? '{' : '[';
      this.members.push(kind === 'object' ? -1 : 0);
    } else {
      this.text += raw;
    }
  }

  key(_name: string, raw: string, walk: JsonWalk): void {
    this.newMember(walk.depth);
    this.text += `${raw}: `;
  }

  close(kind: string, empty: boolean, walk: JsonWalk): void {
    this.members.pop();
    this.text += `${empty ? '' : indent(walk.depth)}${kind === 'object' ? '}' : ']'}`;
  }

  private newMember(depth: number): void {
    const count = this.members[depth - 1];
    this.text += count === 0 || count === -1 ? indent(depth) : `,${indent(depth)}`;
    this.members[depth - 1] = count >= 0 ? count + 1 : count - 1;
  }
}

/** The pretty text of a valid JSON text (readJson has checked it). */
export function printPretty(text: string): string {
  const printer = new PrettyPrinter();
  walkJson(text, printer);
  return printer.text;
}
