// The object flows of the sample templates' schemas: which attributes each side defines and how they map. Modelled on
// the gallery SCIM template as the portal shows it (Switch([IsSoftDeleted], …) for active, SingleAppRoleAssignment for
// roles, userName as the matching attribute) and on Workday/cloud sync inbound mappings; values are illustrative.

export type AttributeType = 'String' | 'Boolean' | 'Reference' | 'DateTime' | 'Integer';
/** [name, type, multivalued?] */
export type AttributeSpec = readonly [string, AttributeType, boolean?];
/** [source expression, target attribute, matching priority (0: not matching)] */
export type MappingSpec = readonly [string, string, number];

export interface ScopeClause {
  operatorName: string;
  sourceOperandName: string;
  values: string[];
}

export interface ObjectFlow {
  source: string;
  target: string;
  sourceAttributes: readonly AttributeSpec[];
  targetAttributes: readonly AttributeSpec[];
  mappings: readonly MappingSpec[];
  /** One scoping filter group (clauses ANDed); absent: everything assigned is in scope. */
  scope?: { name: string; clauses: ScopeClause[] };
}

const entraUser: AttributeSpec[] = [
  ['userPrincipalName', 'String'],
  ['accountEnabled', 'Boolean'],
  ['IsSoftDeleted', 'Boolean'],
  ['givenName', 'String'],
  ['surname', 'String'],
  ['displayName', 'String'],
  ['mail', 'String'],
  ['mailNickname', 'String'],
  ['department', 'String'],
  ['jobTitle', 'String'],
  ['objectId', 'String'],
  ['employeeHireDate', 'DateTime'],
  ['manager', 'Reference'],
  ['appRoleAssignments', 'String', true],
];

export const userToScim: ObjectFlow = {
  source: 'User',
  target: 'User',
  sourceAttributes: entraUser,
  targetAttributes: [
    ['userName', 'String'],
    ['active', 'Boolean'],
    ['displayName', 'String'],
    ['name.givenName', 'String'],
    ['name.familyName', 'String'],
    ['emails[type eq "work"].value', 'String'],
    ['title', 'String'],
    ['externalId', 'String'],
    ['roles[primary eq "True"].value', 'String'],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', 'String'],
  ],
  mappings: [
    ['[userPrincipalName]', 'userName', 1],
    ['Switch([IsSoftDeleted], , "False", "True", "True", "False")', 'active', 0],
    ['[displayName]', 'displayName', 0],
    ['[givenName]', 'name.givenName', 0],
    ['[surname]', 'name.familyName', 0],
    ['Coalesce([mail], [userPrincipalName])', 'emails[type eq "work"].value', 0],
    ['[jobTitle]', 'title', 0],
    ['[mailNickname]', 'externalId', 2],
    ['SingleAppRoleAssignment([appRoleAssignments])', 'roles[primary eq "True"].value', 0],
    ['[department]', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', 0],
  ],
  scope: {
    name: 'Users with a department',
    clauses: [{ operatorName: 'IS_NOT_NULL', sourceOperandName: 'department', values: [] }],
  },
};

export const groupToScim: ObjectFlow = {
  source: 'Group',
  target: 'Group',
  sourceAttributes: [
    ['displayName', 'String'],
    ['objectId', 'String'],
    ['members', 'Reference', true],
  ],
  targetAttributes: [
    ['displayName', 'String'],
    ['externalId', 'String'],
    ['members', 'Reference', true],
  ],
  mappings: [
    ['[displayName]', 'displayName', 1],
    ['[objectId]', 'externalId', 0],
    ['[members]', 'members', 0],
  ],
};

/** Workers or AD users into Entra users: an HR-style flow with a generated UPN. */
export const intoEntra = (source: string, anchor: string): ObjectFlow => ({
  source,
  target: 'User',
  sourceAttributes: [
    [anchor, 'String'],
    ['GivenName', 'String'],
    ['Surname', 'String'],
    ['Active', 'Boolean'],
    ['HireDate', 'DateTime'],
    ['EmployeeNumber', 'Integer'],
  ],
  targetAttributes: [
    ['employeeId', 'String'],
    ['givenName', 'String'],
    ['surname', 'String'],
    ['accountEnabled', 'Boolean'],
    ['userPrincipalName', 'String'],
    ['displayName', 'String'],
  ],
  mappings: [
    [`[${anchor}]`, 'employeeId', 1],
    ['[GivenName]', 'givenName', 0],
    ['[Surname]', 'surname', 0],
    ['Switch([Active], , "1", "True", "0", "False")', 'accountEnabled', 0],
    [
      'ToLower(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [GivenName], [Surname]))), "contoso.com"))',
      'userPrincipalName',
      0,
    ],
    ['Join(" ", [GivenName], [Surname])', 'displayName', 0],
  ],
  scope: {
    name: 'Employees only',
    clauses: [{ operatorName: 'GREATER_THAN', sourceOperandName: 'EmployeeNumber', values: ['0'] }],
  },
});

/** Cross-tenant: Entra users to the same attributes in the other tenant. */
export const userToTenant: ObjectFlow = {
  source: 'User',
  target: 'User',
  sourceAttributes: entraUser,
  targetAttributes: [
    ['userPrincipalName', 'String'],
    ['accountEnabled', 'Boolean'],
    ['displayName', 'String'],
    ['givenName', 'String'],
    ['surname', 'String'],
    ['mail', 'String'],
    ['userType', 'String'],
    ['alternativeSecurityIds', 'String'],
  ],
  mappings: [
    ['[objectId]', 'alternativeSecurityIds', 1],
    ['[userPrincipalName]', 'userPrincipalName', 0],
    ['Not([IsSoftDeleted])', 'accountEnabled', 0],
    ['[displayName]', 'displayName', 0],
    ['[givenName]', 'givenName', 0],
    ['[surname]', 'surname', 0],
    ['[mail]', 'mail', 0],
    ['"Member"', 'userType', 0],
  ],
};
