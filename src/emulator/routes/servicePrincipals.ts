// GET /servicePrincipals (paged, $select, $filter, $count) and GET /servicePrincipals/{id}.
import type { RouteHandler } from '../context';
import { badRequest, GraphErrorReply, notFound } from '../errors';
import { ok, type RoutedCall } from '../call';
import type { ServicePrincipalRecord } from '../model';
import { searchMatcher } from '../search';
import {
  decodeSkipToken,
  encodeSkipToken,
  parseSelect,
  parseServicePrincipalFilter,
  parseTop,
  project,
  type PageState,
  type ServicePrincipalFilter,
} from '../odataQuery';

/** Microsoft's own services are registered in Microsoft's tenant. */
const microsoftServicesTenant = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';

const properties = [
  'id',
  'deletedDateTime',
  'accountEnabled',
  'appDisplayName',
  'appId',
  'applicationTemplateId',
  'appOwnerOrganizationId',
  'createdDateTime',
  'displayName',
  'homepage',
  'servicePrincipalNames',
  'servicePrincipalType',
  'signInAudience',
  'tags',
] as const;

function toWire(sp: ServicePrincipalRecord, tenantId: string): Record<string, unknown> {
  return {
    id: sp.id,
    deletedDateTime: null,
    accountEnabled: true,
    appDisplayName: sp.displayName,
    appId: sp.appId,
    applicationTemplateId: sp.applicationTemplateId,
    appOwnerOrganizationId: sp.firstParty ? microsoftServicesTenant : tenantId,
    createdDateTime: '2024-05-01T09:30:00Z',
    displayName: sp.displayName,
    homepage: null,
    servicePrincipalNames: [sp.appId],
    servicePrincipalType: 'Application',
    signInAudience: sp.firstParty ? 'AzureADMultipleOrgs' : 'AzureADMyOrg',
    tags: sp.applicationTemplateId ? ['WindowsAzureActiveDirectoryIntegratedApp'] : [],
  };
}

const contextUrl = (call: RoutedCall, select: string[] | undefined, suffix = '') =>
  `${call.origin}/${call.version}/$metadata#servicePrincipals${select ? `(${select.join(',')})` : ''}${suffix}`;

function pageState(call: RoutedCall): PageState {
  const skipToken = call.query.get('$skiptoken');
  if (skipToken !== null) return decodeSkipToken(skipToken);
  const count = call.query.get('$count');
  if (count !== null && count !== 'true' && count !== 'false')
    throw badRequest(`Invalid value '${count}' for $count: true or false.`, 'Request_BadRequest');
  return {
    filter: call.query.get('$filter'),
    search: call.query.get('$search'),
    select: call.query.get('$select'),
    top: parseTop(call.query.get('$top'), 100),
    count: count === 'true',
    offset: 0,
  };
}

function matchingServicePrincipals(
  all: readonly ServicePrincipalRecord[],
  filter: ServicePrincipalFilter | undefined,
  search: ((name: string) => boolean) | undefined,
) {
  return filter || search
    ? all.filter((sp) => (!filter || filter.matches(sp)) && (!search || search(sp.displayName)))
    : all;
}

export const listServicePrincipals: RouteHandler = ({ store }, call) => {
  const state = pageState(call);
  const select = parseSelect(state.select, properties, 'servicePrincipal');
  const filter = parseServicePrincipalFilter(state.filter);
  const eventual = call.headers['consistencylevel']?.toLowerCase() === 'eventual';
  // Graph's rule for directory objects: `ne`, `not`, $count and the like need an advanced query.
  if (filter?.advancedProperty && !(state.count && eventual)) {
    throw new GraphErrorReply(
      400,
      'Request_UnsupportedQuery',
      `Unsupported or invalid query filter clause specified for property '${filter.advancedProperty}' of resource 'ServicePrincipal'.`,
    );
  }
  if (state.count && !eventual)
    throw badRequest(
      '$count is not currently supported without the header ConsistencyLevel: eventual.',
      'Request_BadRequest',
    );
  const matching = matchingServicePrincipals(
    store.servicePrincipals,
    filter,
    searchMatcher(state.search ?? null, eventual),
  );
  const page = matching.slice(state.offset, state.offset + state.top);
  const next = state.offset + page.length;
  const body: Record<string, unknown> = { '@odata.context': contextUrl(call, select) };
  if (state.count) body['@odata.count'] = matching.length;
  if (next < matching.length)
    body['@odata.nextLink'] =
      `${call.origin}/${call.version}/servicePrincipals?$skiptoken=${encodeSkipToken({ ...state, offset: next })}`;
  body.value = page.map((sp) => project(toWire(sp, store.tenantId), select));
  return ok(body);
};

export const getServicePrincipal: RouteHandler = ({ store }, call) => {
  const select = parseSelect(call.query.get('$select'), properties, 'servicePrincipal');
  const sp = store.servicePrincipal(call.params.servicePrincipal);
  if (!sp) throw notFound(call.params.servicePrincipal);
  return ok({ '@odata.context': contextUrl(call, select, '/$entity'), ...project(toWire(sp, store.tenantId), select) });
};

/** GET /servicePrincipals/$count: a bare number as text/plain (FACTS.md, captured); needs ConsistencyLevel: eventual. */
export const countServicePrincipals: RouteHandler = ({ store }, call) => {
  if (call.headers['consistencylevel']?.toLowerCase() !== 'eventual') {
    throw badRequest(
      'Count is not currently supported without the header ConsistencyLevel: eventual.',
      'Request_BadRequest',
    );
  }
  const filter = parseServicePrincipalFilter(call.query.get('$filter'));
  const count = matchingServicePrincipals(
    store.servicePrincipals,
    filter,
    searchMatcher(call.query.get('$search'), true),
  ).length;
  return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: String(count) };
};
