// The source side of a cycle: the sample directory's users and groups as the attribute values mappings read
// (names as in the Entra source schema: sampleSchemaFlows.ts), keyed in lower case as the evaluator looks them up.
import type { ExpressionValue, TestInput } from '../../expressions';
import type { DirectoryGroup, DirectoryUser } from '../sampleDirectory';

export type SourceObject =
  | { kind: 'User'; id: string; name: string; input: TestInput }
  | { kind: 'Group'; id: string; name: string; members: readonly string[]; input: TestInput };

const inputOf = (values: Record<string, ExpressionValue>): TestInput =>
  new Map(Object.entries(values).map(([key, value]) => [key.toLowerCase(), value]));

export function userSource(user: DirectoryUser): SourceObject {
  return {
    kind: 'User',
    id: user.id,
    name: user.userPrincipalName,
    input: inputOf({
      objectId: user.id,
      userPrincipalName: user.userPrincipalName,
      accountEnabled: user.accountEnabled,
      // A user that exists is not soft-deleted; deleted users are not in the sample directory.
      IsSoftDeleted: false,
      givenName: user.givenName,
      surname: user.surname,
      displayName: user.displayName,
      mail: user.mail,
      mailNickname: user.userPrincipalName.split('@')[0],
      department: user.department,
      jobTitle: user.jobTitle,
      // Assignments without app roles: the default "User" role is no role value (guess for the sample tenant).
      appRoleAssignments: [],
    }),
  };
}

export function groupSource(group: DirectoryGroup): SourceObject {
  return {
    kind: 'Group',
    id: group.id,
    name: group.displayName,
    members: group.members,
    input: inputOf({
      objectId: group.id,
      displayName: group.displayName,
      description: group.description,
      mailNickname: group.mailNickname,
      members: [...group.members],
    }),
  };
}
