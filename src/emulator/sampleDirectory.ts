// The sample tenant's users and groups: what /users, /groups and provisionOnDemand see. Deterministic, data only.
import { stableGuid } from './ids';

export interface DirectoryUser {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  userPrincipalName: string;
  mail: string;
  accountEnabled: boolean;
  jobTitle: string | null;
  /** The SCIM app's scoping filter provisions users with a department (sampleSchemaFlows.ts). */
  department: string | null;
}

export interface DirectoryGroup {
  id: string;
  displayName: string;
  description: string;
  mailNickname: string;
  securityEnabled: boolean;
  mailEnabled: boolean;
  /** Member user ids. */
  members: readonly string[];
}

const domain = 'contoso.example';
const givenNames = [
  'Adele',
  'Alex',
  'Diego',
  'Grady',
  'Henrietta',
  'Isaiah',
  'Johanna',
  'Joni',
  'Lee',
  'Lidia',
  'Lynne',
  'Megan',
  'Miriam',
  'Nestor',
  'Patti',
  'Pradeep',
];
const surnames = [
  'Vance',
  'Wilber',
  'Siciliani',
  'Archie',
  'Mueller',
  'Langer',
  'Lorenz',
  'Sherman',
  'Gu',
  'Holloway',
  'Robbins',
  'Bowen',
  'Graham',
  'Wilke',
  'Fernandez',
  'Gupta',
];
const titles = ['Engineer', 'Designer', 'Sales Manager', 'Accountant', null] as const;
const departments = ['Engineering', 'Design', 'Sales', 'Finance', null] as const;

function user(index: number): DirectoryUser {
  const givenName = givenNames[index % givenNames.length];
  const surname = surnames[(index * 7) % surnames.length];
  const nickname = `${givenName}.${surname}${index >= givenNames.length ? index : ''}`.toLowerCase();
  return {
    id: stableGuid(`user:${index}`),
    displayName: `${givenName} ${surname}`,
    givenName,
    surname,
    userPrincipalName: `${nickname}@${domain}`,
    mail: `${nickname}@${domain}`,
    // One disabled account, as every real directory has.
    accountEnabled: index !== 5,
    jobTitle: titles[index % titles.length],
    // Every fifth user has none: out of the SCIM app's scope.
    department: departments[index % departments.length],
  };
}

export const sampleUsers: readonly DirectoryUser[] = Array.from({ length: 32 }, (_, index) => user(index));

function group(displayName: string, description: string, memberIndexes: number[]): DirectoryGroup {
  const mailNickname = displayName.replace(/\W+/g, '').toLowerCase();
  return {
    id: stableGuid(`group:${displayName}`),
    displayName,
    description,
    mailNickname,
    securityEnabled: true,
    mailEnabled: false,
    members: memberIndexes.map((index) => sampleUsers[index].id),
  };
}

export const sampleGroups: readonly DirectoryGroup[] = [
  // At most 5 members: provisionOnDemand accepts it (Learn: "provision on demand" limits groups to 5 members).
  group('SCIM Pilot Users', 'Users assigned to the SCIM app for the pilot', [0, 1, 2, 3]),
  group('Sales', 'Everyone in sales', [2, 6, 10, 14, 18, 22, 26]),
  group('Engineering', 'Everyone in engineering', [0, 5, 10, 15, 20, 25, 30]),
  group(
    'All Employees',
    'Every user of the sample tenant',
    sampleUsers.map((_, index) => index),
  ),
];

/** The largest group provisionOnDemand takes (Learn: provision on demand, known limitations). */
export const onDemandGroupMemberLimit = 5;
