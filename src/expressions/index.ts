// The expression language of attribute mappings (no vscode): parse, evaluate, the function and operator catalogs,
// and lint rules for a whole synchronizationSchema.
export { walk, type ComparisonOperator, type ExpressionError, type ExpressionNode, type ParseResult } from './ast';
export {
  arityOf,
  functionCatalog,
  functionNamed,
  functionNamedIgnoringCase,
  functionsWire,
  type AttributeType,
  type FunctionParameter,
  type FunctionSignature,
} from './catalog';
export { evaluateExpression, resultStrings, testInputFrom, type EvaluationResult, type TestInput } from './evaluate';
export { filterOperatorNamed, filterOperators, filterOperatorsWire, type FilterOperator } from './filterOperators';
export { toMappingSource, type AttributeMappingSource } from './mappingSource';
export { maxDepth, parseExpression } from './parser';
export { checkSchemaDocument, type SchemaDocumentCheck } from './schemaDocument';
export { lintSchema, maxExpressionLength, type LintFinding, type LintRule } from './schemaLint';
export { locate, type JsonPath, type Located } from './jsonLocate';
export { expressionAt, nodeAt, type ExpressionAtOffset } from './expressionAt';
export type { ExpressionValue } from './values';
