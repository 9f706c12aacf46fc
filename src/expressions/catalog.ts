// The functions of the expression language, shaped like Graph's `GET …/schema/functions` answer
// (attributeMappingFunctionSchema: name, parameters[] of attributeMappingParameterSchema). Names, parameters,
// required/repeating flags and descriptions follow Microsoft's "Reference for writing expressions for attribute
// mappings in Microsoft Entra ID"; its "Num", "Expression" and "Attribute" types are mapped onto Graph's
// attributeType enum (guess: Graph's own answer is not captured).

export type AttributeType = 'String' | 'Integer' | 'Reference' | 'Binary' | 'Boolean' | 'DateTime';

/** attributeMappingParameterSchema */
export interface FunctionParameter {
  name: string;
  type: AttributeType;
  required: boolean;
  allowMultipleOccurrences: boolean;
}

export interface FunctionSignature {
  name: string;
  parameters: FunctionParameter[];
  /** One sentence for hovers and completion; not part of Graph's answer. */
  description: string;
}

const p = (
  name: string,
  type: AttributeType = 'String',
  required = true,
  allowMultipleOccurrences = false,
): FunctionParameter => ({ name, type, required, allowMultipleOccurrences });
const optional = (name: string, type: AttributeType = 'String') => p(name, type, false);
const repeating = (name: string, type: AttributeType = 'String') => p(name, type, true, true);

const signatures: FunctionSignature[] = [
  {
    name: 'Append',
    parameters: [p('source'), p('suffix')],
    description: 'Appends the suffix to the end of the source value.',
  },
  {
    name: 'AppRoleAssignmentsComplex',
    parameters: [p('appRoleAssignments', 'Reference')],
    description: 'Configures several roles for a user (SCIM apps).',
  },
  {
    name: 'BitAnd',
    parameters: [p('value1', 'Integer'), p('value2', 'Integer')],
    description: 'Bitwise AND of two numbers.',
  },
  {
    name: 'CBool',
    parameters: [p('expression')],
    description: 'True when the expression evaluates to a non-zero value or True, else False.',
  },
  { name: 'CDate', parameters: [p('expression')], description: 'A UTC DateTime from a date string.' },
  {
    name: 'Coalesce',
    parameters: [repeating('source'), optional('defaultValue')],
    description: 'The first source value that is not NULL, else defaultValue.',
  },
  { name: 'ConvertToBase64', parameters: [p('source')], description: 'The string as Unicode (UTF-16) base64.' },
  { name: 'ConvertToUTF8Hex', parameters: [p('source')], description: 'The string as UTF-8 hexadecimal.' },
  { name: 'Count', parameters: [p('attribute')], description: 'The number of values of a multi-valued attribute.' },
  { name: 'CStr', parameters: [p('value')], description: 'The value (number, reference or Boolean) as a string.' },
  {
    name: 'DateAdd',
    parameters: [p('interval'), p('value', 'Integer'), p('dateTime', 'DateTime')],
    description: 'The date plus a number of intervals (yyyy, m, d, ww, h, n, s).',
  },
  {
    name: 'DateDiff',
    parameters: [p('interval'), p('date1', 'DateTime'), p('date2', 'DateTime')],
    description: 'How many intervals date2 is after date1.',
  },
  {
    name: 'DateFromNum',
    parameters: [p('value', 'Integer')],
    description: "A DateTime from Active Directory's date format (100-ns ticks since 1601).",
  },
  {
    name: 'FormatDateTime',
    parameters: [p('source'), optional('dateTimeStyles'), p('inputFormat'), p('outputFormat')],
    description: 'Converts a date string from one .NET format to another.',
  },
  { name: 'Guid', parameters: [], description: 'A new random GUID.' },
  {
    name: 'IgnoreFlowIfNullOrEmpty',
    parameters: [p('expression')],
    description: 'Leaves the attribute out of the flow when the expression is NULL or empty.',
  },
  {
    name: 'IIF',
    parameters: [p('condition', 'Boolean'), p('valueIfTrue'), p('valueIfFalse')],
    description: 'valueIfTrue when the condition is true, else valueIfFalse.',
  },
  {
    name: 'InStr',
    parameters: [p('value1'), p('value2'), optional('start', 'Integer'), optional('compareType')],
    description: 'The 1-based position of value2 in value1, 0 when absent.',
  },
  {
    name: 'IsNull',
    parameters: [p('expression')],
    description: 'True when the expression is NULL (an absent attribute).',
  },
  {
    name: 'IsNullOrEmpty',
    parameters: [p('expression')],
    description: 'True when the expression is NULL or an empty string.',
  },
  {
    name: 'IsPresent',
    parameters: [p('expression')],
    description: 'True when the expression is a string that is neither NULL nor empty.',
  },
  { name: 'IsString', parameters: [p('expression')], description: 'True when the expression evaluates to a string.' },
  {
    name: 'Item',
    parameters: [p('attribute'), p('index', 'Integer')],
    description: 'One value of a multi-valued attribute; index 1 is the first.',
  },
  {
    name: 'Join',
    parameters: [p('separator'), repeating('source')],
    description: 'The source values (every value of a multi-valued one) joined with the separator.',
  },
  {
    name: 'Left',
    parameters: [p('string'), p('numChars', 'Integer')],
    description: 'The first numChars characters of the string.',
  },
  {
    name: 'Mid',
    parameters: [p('source'), p('start', 'Integer'), p('length', 'Integer')],
    description: 'The substring from the 1-based start, length characters long.',
  },
  {
    name: 'NormalizeDiacritics',
    parameters: [p('source')],
    description: 'The string with accented characters replaced by unaccented ones.',
  },
  { name: 'Not', parameters: [p('source', 'Boolean')], description: 'False for True, True otherwise.' },
  { name: 'Now', parameters: [], description: 'The current UTC time as M/d/yyyy h:mm:ss tt.' },
  {
    name: 'NumFromDate',
    parameters: [p('value')],
    description: "An ISO 8601 date in Active Directory's number format (e.g. for accountExpires).",
  },
  {
    name: 'PCase',
    parameters: [p('source'), optional('wordSeparators')],
    description: 'Each word with an upper-case first letter and the rest lower case.',
  },
  {
    name: 'RandomString',
    parameters: [
      p('length', 'Integer'),
      p('minimumNumbers', 'Integer'),
      p('minimumSpecialCharacters', 'Integer'),
      p('minimumCapital', 'Integer'),
      p('minimumLowerCase', 'Integer'),
      optional('charactersToAvoid'),
    ],
    description: 'A random string meeting the given minimums.',
  },
  { name: 'Redact', parameters: [p('value')], description: 'The value, shown as "[Redact]" in provisioning logs.' },
  {
    name: 'RemoveDuplicates',
    parameters: [p('attribute')],
    description: 'A multi-valued attribute without duplicate values.',
  },
  {
    name: 'Replace',
    parameters: [
      p('source'),
      optional('oldValue'),
      optional('regexPattern'),
      optional('regexGroupName'),
      optional('replacementValue'),
      optional('replacementAttributeName'),
      optional('template'),
    ],
    description: 'Replaces text or a regular expression match (case-sensitive).',
  },
  {
    name: 'SelectUniqueValue',
    parameters: [p('uniqueValueRule1'), repeating('uniqueValueRule')],
    description: 'The first rule whose value is unique in the target (top level only; a few inbound apps).',
  },
  {
    name: 'SingleAppRoleAssignment',
    parameters: [p('appRoleAssignments', 'Reference')],
    description: "The user's single app role assignment as a role name.",
  },
  {
    name: 'Split',
    parameters: [p('source'), p('delimiter')],
    description: 'A multi-valued array from the string split at the delimiter.',
  },
  { name: 'StripSpaces', parameters: [p('source')], description: 'The string without space characters.' },
  {
    name: 'Switch',
    parameters: [p('source'), optional('defaultValue'), repeating('key'), repeating('value')],
    description: 'The value paired with the key equal to source (case-sensitive), else defaultValue.',
  },
  {
    name: 'ToLower',
    parameters: [p('source'), optional('culture')],
    description: 'The string in lower case (invariant culture unless one is given).',
  },
  {
    name: 'ToUpper',
    parameters: [p('source'), optional('culture')],
    description: 'The string in upper case (invariant culture unless one is given).',
  },
  // Not on the reference page; requested by the product brief and kept for compatibility (guess).
  {
    name: 'Trim',
    parameters: [p('source')],
    description: 'The string without leading and trailing spaces (not on the reference page).',
  },
  {
    name: 'Word',
    parameters: [p('string'), p('wordNumber', 'Integer'), p('delimiters')],
    description: 'The wordNumber-th word (1-based) of the string, words split at any of the delimiters.',
  },
];

const byName = new Map(signatures.map((signature) => [signature.name, signature]));
const byLowerName = new Map(signatures.map((signature) => [signature.name.toLowerCase(), signature]));

/** Every function, in alphabetical order. */
export const functionCatalog: readonly FunctionSignature[] = signatures;

/** The function of that exact name (the language is case-sensitive). */
export const functionNamed = (name: string): FunctionSignature | undefined => byName.get(name);

/** For "did you mean": the function whose name differs only in case. */
export const functionNamedIgnoringCase = (name: string): FunctionSignature | undefined =>
  byLowerName.get(name.toLowerCase());

/** How many arguments a call may have: [minimum, maximum] (Infinity when a parameter repeats). */
export function arityOf(signature: FunctionSignature): [number, number] {
  const min = signature.parameters.filter((parameter) => parameter.required).length;
  const repeats = signature.parameters.some((parameter) => parameter.allowMultipleOccurrences);
  return [min, repeats ? Infinity : signature.parameters.length];
}

/** The catalog as Graph's `GET …/schema/functions` returns it. */
export const functionsWire = () =>
  signatures.map(({ name, parameters }) => ({
    '@odata.type': '#microsoft.graph.attributeMappingFunctionSchema',
    name,
    parameters: parameters.map((parameter) => ({ ...parameter })),
  }));
