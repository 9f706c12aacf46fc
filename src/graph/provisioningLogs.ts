// GET /auditLogs/provisioning: what the provisioning service did to each user and group (provisioningObjectSummary,
// Graph reference "List provisioningObjectSummary"; v1.0 and beta). Needs AuditLog.Read.All or
// ProvisioningLog.Read.All, which Synchronization.ReadWrite.All does not include (FACTS.md): ask for it only here.
import type { CallOptions, GraphClient } from './client';
import { GraphRequestError } from './errors';
import { odataString, type Page } from './servicePrincipals';

export const provisioningLogPermissions = ['AuditLog.Read.All', 'ProvisioningLog.Read.All'] as const;

export type ProvisioningResult = 'success' | 'warning' | 'failure' | 'skipped';
export type ProvisioningAction = 'create' | 'update' | 'delete' | 'stagedDelete' | 'disable' | 'other';

interface Identity {
  id: string | null;
  displayName: string | null;
  identityType?: string | null;
  details?: Record<string, unknown> | null;
}

/** The properties this project reads; the reference lists more (all kept in the objects as Graph sent them). */
export interface ProvisioningObjectSummary {
  id: string;
  activityDateTime: string;
  changeId: string | null;
  cycleId: string | null;
  durationInMilliseconds: number | null;
  initiatedBy?: { id: string | null; displayName: string | null; initiatorType: string | null } | null;
  jobId: string | null;
  modifiedProperties?: { displayName: string | null; oldValue: string | null; newValue: string | null }[] | null;
  provisioningAction: ProvisioningAction | string;
  provisioningStatusInfo: {
    status: ProvisioningResult | string;
    errorInformation?: {
      errorCode: string | null;
      errorCategory: string | null;
      reason: string | null;
      additionalDetails: string | null;
      recommendedAction: string | null;
    } | null;
  } | null;
  provisioningSteps?:
    | {
        name: string | null;
        provisioningStepType: string | null;
        status: string | null;
        description: string | null;
        details?: Record<string, unknown> | null;
      }[]
    | null;
  servicePrincipal: { id: string | null; displayName: string | null } | null;
  sourceIdentity?: Identity | null;
  sourceSystem?: Identity | null;
  targetIdentity?: Identity | null;
  targetSystem?: Identity | null;
  tenantId?: string | null;
}

export interface ProvisioningLogFilter {
  jobId?: string;
  servicePrincipalId?: string;
  /** Any of these (joined with `or`). */
  statuses?: ProvisioningResult[];
  /** Any of these (joined with `or`). */
  actions?: ProvisioningAction[];
  /** Inclusive bounds on activityDateTime. */
  since?: Date;
  until?: Date;
}

/** The OData $filter for a filter, or undefined when it filters nothing. Values are quoted, never pasted. */
export function provisioningLogFilter(filter: ProvisioningLogFilter): string | undefined {
  const clauses: string[] = [];
  const anyOf = (property: string, values: readonly string[] | undefined) => {
    if (!values?.length) return;
    const parts = values.map((value) => `${property} eq ${odataString(value)}`);
    clauses.push(parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`);
  };
  if (filter.jobId) clauses.push(`jobId eq ${odataString(filter.jobId)}`);
  if (filter.servicePrincipalId) clauses.push(`servicePrincipal/id eq ${odataString(filter.servicePrincipalId)}`);
  anyOf('provisioningStatusInfo/status', filter.statuses);
  anyOf('provisioningAction', filter.actions);
  if (filter.since) clauses.push(`activityDateTime ge ${filter.since.toISOString()}`);
  if (filter.until) clauses.push(`activityDateTime le ${filter.until.toISOString()}`);
  return clauses.length ? clauses.join(' and ') : undefined;
}

export interface LogPageRequest {
  /** Entries per page; Graph's default when absent. */
  top?: number;
  /** The previous page's nextLink: it carries the filter, so `filter` is ignored. */
  nextLink?: string;
}

/**
 * One page of provisioning log entries, newest first. A refused permission throws a GraphRequestError whose hint
 * names the permissions (see needsLogPermission).
 */
export async function listProvisioningLogs(
  client: GraphClient,
  filter: ProvisioningLogFilter,
  page: LogPageRequest = {},
  options: CallOptions = {},
): Promise<Page<ProvisioningObjectSummary>> {
  const query: Record<string, string> = {};
  const odataFilter = provisioningLogFilter(filter);
  if (odataFilter) query.$filter = odataFilter;
  if (page.top) query.$top = String(page.top);
  const body = await client.json<{ value?: ProvisioningObjectSummary[]; '@odata.nextLink'?: string }>({
    method: 'GET',
    path: page.nextLink ?? '/auditLogs/provisioning',
    query: page.nextLink ? undefined : query,
    ...options,
  });
  return { items: body.value ?? [], nextLink: body['@odata.nextLink'] };
}

/** Every page, one at a time, for export: memory stays at one page. */
export async function* allProvisioningLogs(
  client: GraphClient,
  filter: ProvisioningLogFilter,
  top?: number,
  options: CallOptions = {},
): AsyncGenerator<ProvisioningObjectSummary[]> {
  let page = await listProvisioningLogs(client, filter, { top }, options);
  yield page.items;
  while (page.nextLink) {
    page = await listProvisioningLogs(client, filter, { nextLink: page.nextLink }, options);
    yield page.items;
  }
}

/** True when Graph refused the logs for want of AuditLog.Read.All / ProvisioningLog.Read.All. */
export function needsLogPermission(error: unknown): boolean {
  return (
    error instanceof GraphRequestError &&
    error.kind === 'http' &&
    error.status === 403 &&
    /auditLogs\/provisioning/i.test(error.exchange?.url ?? '')
  );
}
