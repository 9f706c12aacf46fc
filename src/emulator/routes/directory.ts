// GET /users and /groups: the sample directory that provision on demand picks from. $search="displayName:…"
// (with ConsistencyLevel: eventual), $filter startswith(displayName,'…') or id eq '…', $top, $select, $count and
// paging, with the errors Graph gives (Graph reference: list users; "Advanced query capabilities on directory objects").
import type { RouteHandler } from '../context';
import { badRequest } from '../errors';
import { ok, type RoutedCall } from '../call';
import { decodeSkipToken, encodeSkipToken, parseSelect, parseTop, project, type PageState } from '../odataQuery';
import { sampleGroups, sampleUsers } from '../sampleDirectory';
import { searchMatcher } from '../search';

const userProperties = [
  'id',
  'displayName',
  'givenName',
  'surname',
  'userPrincipalName',
  'mail',
  'accountEnabled',
  'jobTitle',
] as const;
const groupProperties = ['id', 'displayName', 'description', 'mailNickname', 'securityEnabled', 'mailEnabled'] as const;

function filterMatcher(filter: string | null): ((item: { id: string; displayName: string }) => boolean) | undefined {
  if (filter === null || filter.trim() === '') return undefined;
  const prefix = /^startswith\(\s*displayName\s*,\s*'((?:[^']|'')*)'\s*\)$/i.exec(filter.trim());
  if (prefix) return (item) => item.displayName.toLowerCase().startsWith(prefix[1].replace(/''/g, "'").toLowerCase());
  const id = /^id\s+eq\s+'([^']*)'$/i.exec(filter.trim());
  if (id) return (item) => item.id.toLowerCase() === id[1].toLowerCase();
  throw badRequest(`Invalid filter clause: the query '${filter}' is not supported.`, 'Request_UnsupportedQuery');
}

function queryOf(call: RoutedCall): PageState {
  const skipToken = call.query.get('$skiptoken');
  if (skipToken !== null) return decodeSkipToken(skipToken);
  const count = call.query.get('$count');
  return {
    search: call.query.get('$search'),
    filter: call.query.get('$filter'),
    select: call.query.get('$select'),
    top: parseTop(call.query.get('$top'), 100),
    count: count === 'true',
    offset: 0,
  };
}

function list<T extends { id: string; displayName: string }>(
  call: RoutedCall,
  collection: 'users' | 'groups',
  items: readonly T[],
  properties: readonly string[],
  typeName: string,
) {
  const query = queryOf(call);
  const eventual = call.headers['consistencylevel']?.toLowerCase() === 'eventual';
  const select = parseSelect(query.select, properties, typeName);
  const search = searchMatcher(query.search ?? null, eventual);
  const filter = filterMatcher(query.filter);
  if (query.count && !eventual)
    throw badRequest(
      '$count is not currently supported without the header ConsistencyLevel: eventual.',
      'Request_BadRequest',
    );
  const matching = items.filter((item) => (!search || search(item.displayName)) && (!filter || filter(item)));
  const page = matching.slice(query.offset, query.offset + query.top);
  const next = query.offset + page.length;
  const body: Record<string, unknown> = {
    '@odata.context': `${call.origin}/${call.version}/$metadata#${collection}${select ? `(${select.join(',')})` : ''}`,
  };
  if (query.count) body['@odata.count'] = matching.length;
  if (next < matching.length) {
    body['@odata.nextLink'] =
      `${call.origin}/${call.version}/${collection}?$skiptoken=${encodeSkipToken({ ...query, offset: next })}`;
  }
  body.value = page.map((item) => project({ ...item }, select));
  return ok(body);
}

export const listUsers: RouteHandler = (_context, call) => list(call, 'users', sampleUsers, userProperties, 'user');

export const listGroups: RouteHandler = (_context, call) =>
  list(
    call,
    'groups',
    sampleGroups.map(({ members: _members, ...group }) => group),
    groupProperties,
    'group',
  );
