// A parsed expression as Graph's attributeMappingSource tree (parseExpressionResponse.parsedExpression):
// {expression, name, parameters: [{key, value}], type: Attribute | Constant | Function}. Graph's reference shows
// attributes as {name: attribute, type: Attribute}, constants as {name: value, type: Constant} and functions with
// their parameters keyed by parameter name. How Graph keys repeated parameters, omitted arguments and IIF comparisons
// is not documented: here a repeated parameter keeps its name, an omitted argument is left out, and a comparison is a
// Function named after its operator (guesses).
import type { ExpressionNode } from './ast';
import { functionNamed } from './catalog';
import { toText } from './values';

export interface AttributeMappingSource {
  expression: string | null;
  name: string | null;
  parameters: { key: string; value: AttributeMappingSource }[];
  type: 'Attribute' | 'Constant' | 'Function';
}

export function toMappingSource(node: ExpressionNode, text: string): AttributeMappingSource {
  const expression = text.slice(node.start, node.end);
  switch (node.kind) {
    case 'attribute':
      return { expression, name: node.name, parameters: [], type: 'Attribute' };
    case 'string':
    case 'number':
    case 'boolean':
      return { expression, name: toText(node.value), parameters: [], type: 'Constant' };
    case 'name':
      return { expression, name: node.name, parameters: [], type: 'Constant' };
    case 'empty':
      return { expression: null, name: null, parameters: [], type: 'Constant' };
    case 'comparison':
      return {
        expression,
        name: node.operator,
        parameters: [
          { key: 'left', value: toMappingSource(node.left, text) },
          { key: 'right', value: toMappingSource(node.right, text) },
        ],
        type: 'Function',
      };
    case 'call': {
      const declared = functionNamed(node.name)?.parameters ?? [];
      const parameters = node.args.flatMap((arg, i) => {
        if (arg.kind === 'empty') return [];
        const key = declared[Math.min(i, declared.length - 1)]?.name ?? `parameter${i + 1}`;
        return [{ key, value: toMappingSource(arg, text) }];
      });
      return { expression, name: node.name, parameters, type: 'Function' };
    }
  }
}
