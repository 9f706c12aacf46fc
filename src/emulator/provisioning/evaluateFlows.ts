// Per source object: is it in scope (scoping filters), and which target values do its attribute mappings give?
// Operators: Learn, "Scoping users or groups to be provisioned with scoping filters" (the same list as
// src/expressions/filterOperators.ts). An expression that fails is an entry-level error: the entry is escrowed.
import { evaluateExpression, type ExpressionValue, type TestInput } from '../../expressions';
import type { AttributeFlow, ObjectFlowPlan, ScopeClause } from './jobSchema';

const asText = (value: ExpressionValue | undefined): string | null =>
  value === null || value === undefined ? null : Array.isArray(value) ? null : String(value);

function clauseHolds(clause: ScopeClause, input: TestInput): boolean {
  const value = asText(input.get(clause.sourceOperandName.toLowerCase()));
  const wanted = clause.values[0] ?? '';
  const integer = (text: string | null) => (text !== null && /^[+-]?\d+$/.test(text.trim()) ? Number(text) : NaN);
  switch (clause.operatorName.toUpperCase().replace(/\s+/g, '_')) {
    case 'EQUALS':
      return value === wanted;
    case 'NOT_EQUALS':
      return value !== wanted;
    case 'IS_TRUE':
      return value !== null && /^true$/i.test(value);
    case 'IS_FALSE':
      return value !== null && /^false$/i.test(value);
    case 'IS_NULL':
      return value === null || value === '';
    case 'IS_NOT_NULL':
      return value !== null && value !== '';
    case 'REGEX_MATCH':
      return value !== null && new RegExp(wanted).test(value);
    case 'NOT_REGEX_MATCH':
      return value !== null && !new RegExp(wanted).test(value);
    case 'GREATER_THAN':
      return integer(value) > integer(wanted);
    case 'GREATER_THAN_OR_EQUALS':
      return integer(value) >= integer(wanted);
    case 'LESS_THAN':
      return integer(value) < integer(wanted);
    case 'LESS_THAN_OR_EQUALS':
      return integer(value) <= integer(wanted);
    case 'INCLUDES':
      return value !== null && value.includes(wanted);
    case 'NOT_INCLUDES':
      return value === null || !value.includes(wanted);
    case 'ENDS_WITH':
      return value !== null && value.endsWith(wanted);
    default:
      // An operator the service does not know: the clause fails (guess; the portal offers only known ones).
      return false;
  }
}

/** Whether the object passes any scoping filter group (all of its clauses). No groups: in scope. */
export function inScope(plan: ObjectFlowPlan, input: TestInput): boolean {
  return plan.scopeGroups.length === 0 || plan.scopeGroups.some((group) => group.every((c) => clauseHolds(c, input)));
}

export type TargetValues = Map<string, ExpressionValue>;

export interface EvaluationProblem {
  target: string;
  expression: string;
  message: string;
}

/** The mapped target values of an object (attributes whose value is NULL are left out, as flowNullValues false does). */
export function targetValues(
  attributes: readonly AttributeFlow[],
  input: TestInput,
): { values: TargetValues } | { problem: EvaluationProblem } {
  const values: TargetValues = new Map();
  for (const flow of attributes) {
    if (typeof flow.parsed === 'string')
      return { problem: { target: flow.target, expression: flow.expression, message: flow.parsed } };
    const result = evaluateExpression(flow.parsed, input);
    if (!result.ok)
      return { problem: { target: flow.target, expression: flow.expression, message: result.error.message } };
    const value = result.value ?? flow.defaultValue;
    if (result.flows && value !== null && value !== '') values.set(flow.target, value);
  }
  return { values };
}
