// What the engine reads from a job's synchronizationSchema (CSDL: synchronizationRule, objectMapping,
// attributeMapping, filter/filterGroup/filterClause): the enabled object mappings of the first rule, with their
// expressions parsed once per cycle. Tolerates any JSON: a missing part means "none".
import { parseExpression, type ExpressionNode } from '../../expressions';

export interface ScopeClause {
  operatorName: string;
  sourceOperandName: string;
  values: string[];
}

export interface AttributeFlow {
  target: string;
  expression: string;
  /** Parsed tree, or the parse error's message (the entry is escrowed when it is evaluated). */
  parsed: ExpressionNode | string;
  /** 0: not a matching attribute; 1 is tried first. */
  matchingPriority: number;
  /** 'Always' or 'ObjectAddOnly' (attributeFlowType). */
  flowType: string;
  /** 'FlowWhenChanged' or 'FlowAlways' (attributeFlowBehavior). */
  flowBehavior: string;
  defaultValue: string | null;
}

export interface ObjectFlowPlan {
  name: string;
  sourceObjectName: string;
  targetObjectName: string;
  flowTypes: Set<'Add' | 'Update' | 'Delete'>;
  attributes: AttributeFlow[];
  /** Groups are ORed, the clauses of one group ANDed (Learn: scoping filters); empty: everything is in scope. */
  scopeGroups: ScopeClause[][];
  /** Matching attributes, by priority. */
  matching: AttributeFlow[];
}

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

function attributeFlow(mapping: Json): AttributeFlow | undefined {
  const source = (mapping.source ?? {}) as Json;
  const expression = text(source.expression) || (source.type === 'Attribute' ? `[${text(source.name)}]` : '');
  const target = text(mapping.targetAttributeName);
  if (!target || !expression) return undefined;
  const result = parseExpression(expression);
  return {
    target,
    expression,
    parsed: result.ast && result.errors.length === 0 ? result.ast : (result.errors[0]?.message ?? 'Not an expression.'),
    matchingPriority: typeof mapping.matchingPriority === 'number' ? mapping.matchingPriority : 0,
    flowType: text(mapping.flowType, 'Always'),
    flowBehavior: text(mapping.flowBehavior, 'FlowWhenChanged'),
    defaultValue: typeof mapping.defaultValue === 'string' ? mapping.defaultValue : null,
  };
}

function scopeGroups(scope: unknown): ScopeClause[][] {
  const groups = list((scope as Json | null)?.groups);
  return groups.map((group) =>
    list(group.clauses).map((clause) => ({
      operatorName: text(clause.operatorName),
      sourceOperandName: text(clause.sourceOperandName),
      values: ((clause.targetOperand as Json | undefined)?.values as string[] | undefined) ?? [],
    })),
  );
}

/** The enabled object mappings of the schema's first rule (the one a SCIM app's job has). */
export function objectFlowPlans(schema: unknown): ObjectFlowPlan[] {
  const rule = list((schema as Json | null)?.synchronizationRules)[0];
  if (!rule) return [];
  return list(rule.objectMappings)
    .filter((mapping) => mapping.enabled !== false)
    .map((mapping) => {
      const attributes = list(mapping.attributeMappings)
        .map(attributeFlow)
        .filter((flow): flow is AttributeFlow => flow !== undefined);
      return {
        name: text(mapping.name),
        sourceObjectName: text(mapping.sourceObjectName),
        targetObjectName: text(mapping.targetObjectName),
        flowTypes: new Set(
          text(mapping.flowTypes, 'Add, Update, Delete')
            .split(',')
            .map((part) => part.trim())
            .filter((part): part is 'Add' | 'Update' | 'Delete' => ['Add', 'Update', 'Delete'].includes(part)),
        ),
        attributes,
        scopeGroups: scopeGroups(mapping.scope),
        matching: attributes
          .filter((flow) => flow.matchingPriority > 0)
          .sort((a, b) => a.matchingPriority - b.matchingPriority),
      };
    });
}
