import type { CallOptions, GraphClient } from './client';
import type { ServicePrincipal } from './types';

/** Only what the tree and the pickers show: `$select` keeps each page small and lowers its throttling cost. */
export const servicePrincipalSelect = 'id,appId,displayName,applicationTemplateId';

export interface ServicePrincipalQuery {
  /** Display-name prefix, matched by Graph (case-insensitive). */
  search?: string;
  /**
   * Only service principals created from an application template (gallery apps, the non-gallery SCIM app, Cloud Sync,
   * cross-tenant sync): the ones that can have synchronization templates. Graph has no filter for "has templates".
   */
  onlyFromApplicationTemplates: boolean;
  /** 1–999. */
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  /** Absolute URL of the next page, or undefined on the last page. */
  nextLink?: string;
  /** Present when Graph was asked to count (advanced queries). */
  totalCount?: number;
}

interface ODataPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.count'?: number;
}

/** OData string literal: single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function servicePrincipalFilter(
  query: Pick<ServicePrincipalQuery, 'search' | 'onlyFromApplicationTemplates'>,
): string | undefined {
  const clauses: string[] = [];
  if (query.search) clauses.push(`startswith(displayName,${odataString(query.search)})`);
  if (query.onlyFromApplicationTemplates) clauses.push('applicationTemplateId ne null');
  return clauses.length ? clauses.join(' and ') : undefined;
}

export async function listServicePrincipals(
  client: GraphClient,
  query: ServicePrincipalQuery,
  options: CallOptions = {},
): Promise<Page<ServicePrincipal>> {
  const filter = servicePrincipalFilter(query);
  const params: Record<string, string> = { $select: servicePrincipalSelect, $top: String(query.pageSize) };
  if (filter) params.$filter = filter;
  // `ne null` is an advanced query: Graph requires ConsistencyLevel: eventual together with $count=true.
  const advanced = query.onlyFromApplicationTemplates;
  if (advanced) params.$count = 'true';
  const page = await client.json<ODataPage<ServicePrincipal>>({
    method: 'GET',
    path: '/servicePrincipals',
    query: params,
    headers: advanced ? { ConsistencyLevel: 'eventual' } : undefined,
    ...options,
  });
  return toPage(page);
}

/** Follows an @odata.nextLink; the advanced-query header must be repeated on every page. */
export async function nextServicePrincipalPage(
  client: GraphClient,
  nextLink: string,
  options: CallOptions = {},
): Promise<Page<ServicePrincipal>> {
  const page = await client.json<ODataPage<ServicePrincipal>>({
    method: 'GET',
    path: nextLink,
    headers: { ConsistencyLevel: 'eventual' },
    ...options,
  });
  return toPage(page);
}

export async function getServicePrincipal(
  client: GraphClient,
  id: string,
  options: CallOptions = {},
): Promise<ServicePrincipal> {
  const {
    id: objectId,
    appId,
    displayName,
    applicationTemplateId,
  } = await client.json<ServicePrincipal & { '@odata.context'?: string }>({
    method: 'GET',
    path: `/servicePrincipals/${encodeURIComponent(id)}`,
    query: { $select: servicePrincipalSelect },
    ...options,
  });
  // A single entity comes with @odata.context; the same service principal from a list does not.
  return { id: objectId, appId, displayName, applicationTemplateId };
}

function toPage<T>(page: ODataPage<T>): Page<T> {
  return { items: page.value ?? [], nextLink: page['@odata.nextLink'], totalCount: page['@odata.count'] };
}
