// Scoping-filter operators, shaped like Graph's `GET …/schema/filterOperators` answer (filterOperatorSchema: name,
// arity, multivaluedComparisonType, supportedAttributeTypes). The operators and their meaning come from Microsoft's
// "Scoping users or groups to be provisioned with scoping filters" page (entra-docs, define-conditional-rules-for-
// provisioning-user-accounts.md); the wire spelling of names (underscores, upper case) is a guess from the page's
// ENDS_WITH / Greater_Than spellings, as are the supported attribute types of each operator.
import type { AttributeType } from './catalog';

export interface FilterOperator {
  name: string;
  arity: 'Binary' | 'Unary';
  multivaluedComparisonType: 'All' | 'Any';
  supportedAttributeTypes: AttributeType[];
  /** Not in Graph's answer: the clause's value must be an integer (the page says so for the GREATER/LESS family). */
  integerValue?: boolean;
  description: string;
}

const text: AttributeType[] = ['String'];
const comparable: AttributeType[] = ['String', 'Integer', 'Reference', 'Boolean'];
const numeric: AttributeType[] = ['Integer', 'String'];

const operator = (
  name: string,
  arity: FilterOperator['arity'],
  supportedAttributeTypes: AttributeType[],
  description: string,
  integerValue = false,
): FilterOperator => ({
  name,
  arity,
  multivaluedComparisonType: 'All',
  supportedAttributeTypes,
  ...(integerValue ? { integerValue } : {}),
  description,
});

export const filterOperators: readonly FilterOperator[] = [
  operator('EQUALS', 'Binary', comparable, 'The attribute matches the value exactly (case-sensitive).'),
  operator('NOT_EQUALS', 'Binary', comparable, 'The attribute does not match the value (case-sensitive).'),
  operator('IS_TRUE', 'Unary', ['Boolean'], 'The attribute is the Boolean true.'),
  operator('IS_FALSE', 'Unary', ['Boolean'], 'The attribute is the Boolean false.'),
  operator('IS_NULL', 'Unary', comparable, 'The attribute is empty.'),
  operator('IS_NOT_NULL', 'Unary', comparable, 'The attribute is not empty.'),
  operator('REGEX_MATCH', 'Binary', text, 'The attribute matches the regular expression (case-sensitive).'),
  operator(
    'NOT_REGEX_MATCH',
    'Binary',
    text,
    'The attribute does not match the regular expression; false when it is empty.',
  ),
  operator('GREATER_THAN', 'Binary', numeric, 'The attribute is greater than the value; both must be integers.', true),
  operator(
    'GREATER_THAN_OR_EQUALS',
    'Binary',
    numeric,
    'The attribute is at least the value; both must be integers.',
    true,
  ),
  operator(
    'LESS_THAN',
    'Binary',
    numeric,
    'The attribute is less than the value; both must be integers (guess: the page lists only the GREATER family).',
    true,
  ),
  operator(
    'LESS_THAN_OR_EQUALS',
    'Binary',
    numeric,
    'The attribute is at most the value; both must be integers (guess).',
    true,
  ),
  operator(
    'INCLUDES',
    'Binary',
    text,
    'The attribute contains the value (case-sensitive). The portal shows it as "Includes".',
  ),
  operator('NOT_INCLUDES', 'Binary', text, 'The attribute does not contain the value (guess: the portal\'s "!&").'),
  operator('ENDS_WITH', 'Binary', text, 'The attribute ends with the value.'),
];

const byName = new Map(filterOperators.map((entry) => [entry.name.toUpperCase().replace(/[\s_]+/g, '_'), entry]));

/** The operator of a clause's operatorName, matched without regard to case or space-versus-underscore (guess). */
export const filterOperatorNamed = (name: string): FilterOperator | undefined =>
  byName.get(name.toUpperCase().replace(/[\s_]+/g, '_'));

/** The list as Graph's `GET …/schema/filterOperators` returns it. */
export const filterOperatorsWire = () =>
  filterOperators.map(({ name, arity, multivaluedComparisonType, supportedAttributeTypes }) => ({
    '@odata.type': '#microsoft.graph.filterOperatorSchema',
    name,
    arity,
    multivaluedComparisonType,
    supportedAttributeTypes: [...supportedAttributeTypes],
  }));
