// Users and groups to pick for provision on demand, searched on the server: $search="displayName:…" needs
// ConsistencyLevel: eventual (Graph reference: "Advanced query capabilities on directory objects").
import type { CallOptions, GraphClient } from './client';

export interface DirectoryObjectSummary {
  id: string;
  displayName: string;
  /** userPrincipalName for users, mailNickname for groups: what tells two equal display names apart. */
  detail: string | null;
}

export interface DirectorySearchOptions extends CallOptions {
  /** 20 by default; Graph allows up to 999. */
  top?: number;
}

/** Graph reference (list users / list groups), least privileged first. */
export const userSearchPermissions = 'User.ReadBasic.All or User.Read.All';
export const groupSearchPermissions = 'GroupMember.Read.All or Group.Read.All';

export function searchUsers(
  client: GraphClient,
  text: string,
  options: DirectorySearchOptions = {},
): Promise<DirectoryObjectSummary[]> {
  return search(client, 'users', 'userPrincipalName', userSearchPermissions, text, options);
}

export function searchGroups(
  client: GraphClient,
  text: string,
  options: DirectorySearchOptions = {},
): Promise<DirectoryObjectSummary[]> {
  return search(client, 'groups', 'mailNickname', groupSearchPermissions, text, options);
}

async function search(
  client: GraphClient,
  collection: 'users' | 'groups',
  detail: string,
  permissions: string,
  text: string,
  options: DirectorySearchOptions,
): Promise<DirectoryObjectSummary[]> {
  const query: Record<string, string> = { $select: `id,displayName,${detail}`, $top: String(options.top ?? 20) };
  // A double quote would end the search phrase; Graph has no escape for it inside displayName:…
  const words = text.replace(/"/g, ' ').replace(/\s+/g, ' ').trim();
  if (words) query.$search = `"displayName:${words}"`;
  const page = await client.json<{ value: Record<string, unknown>[] }>({
    method: 'GET',
    path: `/${collection}`,
    query,
    headers: { ConsistencyLevel: 'eventual' },
    permissions,
    version: options.version,
    signal: options.signal,
  });
  return page.value.map((item) => ({
    id: String(item.id),
    displayName: typeof item.displayName === 'string' ? item.displayName : '',
    detail: typeof item[detail] === 'string' ? (item[detail] as string) : null,
  }));
}
