// The synchronizationSchema family as the Graph layer reads and writes it (names from the CSDL). Only what callers
// use is typed; every object keeps unknown properties (Graph adds some), and the JSON Schema checks the rest.

export type AttributeType = 'String' | 'Integer' | 'Reference' | 'Binary' | 'Boolean' | 'DateTime';

export interface AttributeDefinition {
  name: string;
  type: AttributeType;
  multivalued: boolean;
  anchor?: boolean;
  required?: boolean;
  [other: string]: unknown;
}

export interface ObjectDefinition {
  name: string;
  attributes: AttributeDefinition[];
  [other: string]: unknown;
}

export interface DirectoryDefinition {
  id: string;
  name: string;
  objects: ObjectDefinition[];
  [other: string]: unknown;
}

export interface AttributeMappingSource {
  expression: string | null;
  name: string | null;
  parameters: { key: string; value: AttributeMappingSource }[] | null;
  type: 'Attribute' | 'Constant' | 'Function';
}

export interface AttributeMapping {
  source: AttributeMappingSource | null;
  targetAttributeName: string;
  matchingPriority: number;
  defaultValue: string | null;
  flowBehavior: string;
  flowType: string;
  [other: string]: unknown;
}

export interface FilterClause {
  operatorName: string;
  sourceOperandName: string;
  targetOperand: { values: string[] } | null;
}

export interface ScopingFilter {
  groups: { name: string; clauses: FilterClause[] }[] | null;
  categoryFilterGroups?: unknown[] | null;
  inputFilterGroups?: unknown[] | null;
}

export interface ObjectMapping {
  name: string;
  enabled: boolean;
  flowTypes: string;
  sourceObjectName: string;
  targetObjectName: string;
  attributeMappings: AttributeMapping[];
  scope: ScopingFilter | null;
  [other: string]: unknown;
}

export interface SynchronizationRule {
  id: string;
  name: string;
  sourceDirectoryName: string;
  targetDirectoryName: string;
  objectMappings: ObjectMapping[];
  metadata: { key: string; value: string }[] | null;
  [other: string]: unknown;
}

export interface SynchronizationSchema {
  id: string;
  version: string | null;
  directories: DirectoryDefinition[];
  synchronizationRules: SynchronizationRule[];
  [other: string]: unknown;
}

/** attributeMappingFunctionSchema, from GET …/schema/functions. */
export interface AttributeMappingFunctionSchema {
  name: string;
  parameters: { name: string; type: AttributeType; required: boolean; allowMultipleOccurrences: boolean }[];
}

/** filterOperatorSchema, from GET …/schema/filterOperators. */
export interface FilterOperatorSchema {
  name: string;
  arity: 'Binary' | 'Unary';
  multivaluedComparisonType: 'All' | 'Any';
  supportedAttributeTypes: AttributeType[];
}

/** parseExpressionResponse, from POST …/schema/parseExpression. */
export interface ParseExpressionResponse {
  error: { code: string | null; message: string | null; target?: string | null } | null;
  evaluationResult: string[] | null;
  evaluationSucceeded: boolean;
  parsedExpression: AttributeMappingSource | null;
  parsingSucceeded: boolean;
}

/** expressionInputObject: the test values parseExpression evaluates against. */
export interface ExpressionInputObject {
  definition?: { name: string; attributes: AttributeDefinition[] } | null;
  properties: { key: string; value: unknown }[];
}
