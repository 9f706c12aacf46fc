// The syntax tree of an attribute-mapping expression. Every node carries its source offsets ([start, end) in UTF-16
// code units of the expression text), so that editors can point at any part of it.

export type ComparisonOperator = '=' | '<>' | '>' | '>=' | '<' | '<=';

interface Span {
  start: number;
  end: number;
}

/** `Name(arg, …)`. `nameEnd` marks the end of the name, for diagnostics and hovers on it. */
export interface CallNode extends Span {
  kind: 'call';
  name: string;
  nameEnd: number;
  args: ExpressionNode[];
}

/** `[attributeName]`; the name is everything between the brackets, dots and colons included. */
export interface AttributeNode extends Span {
  kind: 'attribute';
  name: string;
}

/** `"text"` with `\"` and `\\` decoded. */
export interface StringNode extends Span {
  kind: 'string';
  value: string;
}

/** `12`, `-3`, `1.5` or VBA's hexadecimal `&HF7`. */
export interface NumberNode extends Span {
  kind: 'number';
  value: number;
  raw: string;
}

export interface BooleanNode extends Span {
  kind: 'boolean';
  value: boolean;
}

/** A bare word that is not a call, such as InStr's `vbTextCompare`. */
export interface NameNode extends Span {
  kind: 'name';
  name: string;
}

/** An omitted argument, as in `Switch([a], , "1", "x")`: the reference uses it for optional parameters. */
export interface EmptyNode extends Span {
  kind: 'empty';
}

/** `left = right` and friends: the reference allows them in IIF conditions. */
export interface ComparisonNode extends Span {
  kind: 'comparison';
  operator: ComparisonOperator;
  left: ExpressionNode;
  right: ExpressionNode;
}

export type ExpressionNode =
  CallNode | AttributeNode | StringNode | NumberNode | BooleanNode | NameNode | EmptyNode | ComparisonNode;

export interface ExpressionError {
  /** Stable id: 'syntax', 'unterminated-string', 'unterminated-attribute', 'too-deep', 'unknown-function', 'arity'… */
  code: string;
  message: string;
  start: number;
  end: number;
}

export interface ParseResult {
  /** Absent when the text does not parse. */
  ast?: ExpressionNode;
  /** Empty when the text parses. A parse stops at its first error. */
  errors: ExpressionError[];
}

/** Every node of the tree, parents before children, without recursion (trees may be deep). */
export function* walk(root: ExpressionNode): Generator<ExpressionNode> {
  const stack: ExpressionNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    yield node;
    if (node.kind === 'call') for (let i = node.args.length - 1; i >= 0; i--) stack.push(node.args[i]);
    else if (node.kind === 'comparison') stack.push(node.right, node.left);
  }
}
