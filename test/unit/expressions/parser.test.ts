import assert from 'node:assert/strict';
import { expressionAt, maxDepth, parseExpression, walk, type ExpressionNode } from '../../../src/expressions';

const ast = (text: string): ExpressionNode => {
  const result = parseExpression(text);
  assert.deepEqual(result.errors, [], text);
  return result.ast!;
};
const error = (text: string) => {
  const result = parseExpression(text);
  assert.equal(result.ast, undefined);
  assert.equal(result.errors.length, 1);
  return result.errors[0];
};

describe('expressions: parser', () => {
  it('parses nested calls, attributes, strings, numbers and booleans with offsets for every node', () => {
    const text = 'Join("@", Mid([givenName], 1, 3), true)';
    const root = ast(text);
    assert.equal(root.kind, 'call');
    const nodes = [...walk(root)];
    assert.deepEqual(
      nodes.map((node) => [node.kind, text.slice(node.start, node.end)]),
      [
        ['call', text],
        ['string', '"@"'],
        ['call', 'Mid([givenName], 1, 3)'],
        ['attribute', '[givenName]'],
        ['number', '1'],
        ['number', '3'],
        ['boolean', 'true'],
      ],
    );
    assert.equal(root.kind === 'call' && text.slice(root.start, root.nameEnd), 'Join');
  });

  it('reads attribute names with dots, colons and extension prefixes whole', () => {
    for (const name of [
      'extension_9d98a1c8d7bf4c6c8d4a1b2c3d4e5f60_costCenter',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
      'name.givenName',
    ]) {
      const node = ast(`[${name}]`);
      assert.deepEqual(node.kind === 'attribute' && node.name, name);
    }
  });

  it('decodes \\" and \\\\ in string constants (the reference page\'s escape rule)', () => {
    const node = ast('"Company name: \\"Contoso\\" \\\\ x"');
    assert.equal(node.kind === 'string' && node.value, 'Company name: "Contoso" \\ x');
  });

  it('keeps omitted arguments as empty nodes, and parses IIF comparisons and hexadecimal numbers', () => {
    const call = ast('Switch([a], , "1", "x")');
    assert.deepEqual(call.kind === 'call' && call.args.map((arg) => arg.kind), [
      'attribute',
      'empty',
      'string',
      'string',
    ]);
    const iif = ast('IIF([country]<>"USA", 1, -2.5)');
    assert.ok(iif.kind === 'call' && iif.args[0].kind === 'comparison' && iif.args[0].operator === '<>');
    assert.ok(iif.kind === 'call' && iif.args[2].kind === 'number' && iif.args[2].value === -2.5);
    const hex = ast('BitAnd(&HF, &HF7)');
    assert.deepEqual(hex.kind === 'call' && hex.args.map((arg) => arg.kind === 'number' && arg.value), [15, 247]);
  });

  it('reports errors at their offsets and never throws', () => {
    assert.deepEqual(error('Append([a], "x'), {
      code: 'unterminated-string',
      message: error('Append([a], "x').message,
      start: 12,
      end: 14,
    });
    assert.equal(error('Append([a, "x")').code, 'unterminated-attribute');
    assert.deepEqual([error('Append([a] "x")').start, error('Append([a] "x")').end], [11, 14]);
    assert.deepEqual([error('Append([a], )x').start], [13]);
    assert.equal(error('').code, 'empty');
    assert.equal(error('[]').code, 'empty-attribute');
    assert.deepEqual([error('Left("a", 2) + 1').start, error('Left("a", 2) + 1').code], [13, 'syntax']);
    assert.equal(error('IIF([a]=1=2, "x", "y")').start, 9);
    for (const junk of ['(((', ')', ',', '"', '[', 'A(B(C(', '\u0000', 'x y'])
      assert.doesNotThrow(() => parseExpression(junk));
  });

  it('refuses nesting beyond maxDepth with an error instead of overflowing the stack', () => {
    const deep = 'ToLower('.repeat(10_000) + '[a]' + ')'.repeat(10_000);
    const result = parseExpression(deep);
    assert.equal(result.errors[0].code, 'too-deep');
    assert.equal(result.errors[0].start, 'ToLower('.length * (maxDepth + 1));
    assert.deepEqual(parseExpression('ToLower('.repeat(maxDepth) + '[a]' + ')'.repeat(maxDepth)).errors, []);
  });
});

describe('expressions: expressionAt (hover and completion support)', () => {
  const text = JSON.stringify({
    synchronizationRules: [
      {
        objectMappings: [
          {
            attributeMappings: [
              { source: { expression: 'Join("\\"", [givenName], ToLower([sn]))', type: 'Function' } },
            ],
          },
        ],
      },
    ],
  });

  it('finds the expression, the decoded offset and the innermost node under a document offset', () => {
    const at = text.indexOf('[sn]') + 2;
    const found = expressionAt(text, at)!;
    assert.equal(found.expression, 'Join("\\"", [givenName], ToLower([sn]))');
    assert.equal(found.expression[found.offset], 'n');
    assert.deepEqual(found.node && [found.node.kind, found.expression.slice(found.node.start, found.node.end)], [
      'attribute',
      '[sn]',
    ]);
    assert.deepEqual(found.path, [
      'synchronizationRules',
      0,
      'objectMappings',
      0,
      'attributeMappings',
      0,
      'source',
      'expression',
    ]);
    assert.equal(found.toDocument(found.offset), at);
    const onName = expressionAt(text, text.indexOf('ToLower') + 3)!;
    assert.equal(onName.node?.kind === 'call' && onName.node.name, 'ToLower');
  });

  it('is undefined outside expressions', () => {
    assert.equal(expressionAt(text, text.indexOf('Function') + 2), undefined);
    assert.equal(expressionAt(text, 1), undefined);
  });
});
