// Where a JSON Pointer or an offset lies in a text, as 1-based line and column.
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { pointerSegments } from './jsonPointer';

export interface Position {
  line: number;
  column: number;
}

export class TextPositions {
  private readonly lineStarts: number[] = [0];
  private tree: Node | undefined | null = null;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\n') this.lineStarts.push(i + 1);
    }
  }

  ofOffset(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low] + 1 };
  }

  /**
   * Position of the value a pointer designates; of its key when the value is a property, because that is where
   * a reader looks. A pointer to something absent falls back to its nearest existing ancestor.
   */
  ofPointer(pointer: string): Position {
    const node = this.nodeAt(pointerSegments(pointer));
    if (!node) return { line: 1, column: 1 };
    const property = node.parent?.type === 'property' ? node.parent : undefined;
    return this.ofOffset(property?.children?.[0]?.offset ?? node.offset);
  }

  private nodeAt(segments: string[]): Node | undefined {
    if (this.tree === null) this.tree = parseTree(this.text);
    const root = this.tree;
    if (!root) return undefined;
    // Array indices must be numbers for findNodeAtLocation; object keys stay strings even when they look numeric.
    const path: (string | number)[] = [];
    let node: Node | undefined = root;
    for (const segment of segments) {
      const step: string | number = node?.type === 'array' ? Number(segment) : segment;
      const child = findNodeAtLocation(root, [...path, step]);
      if (!child) break;
      path.push(step);
      node = child;
    }
    return node;
  }
}
