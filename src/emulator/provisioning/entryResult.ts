// What the engine did with one source object: the material of a provisioning log entry and of provisionOnDemand's
// steps. Step names follow the Graph reference's provisionOnDemand example and the portal's log details
// (EntryImport, EntrySynchronizationScoping, EntryExportAdd/Update…); error codes not captured anywhere are guesses.
import type { ScimExchange } from './scimClient';

export type EntryAction = 'create' | 'update' | 'disable' | 'delete' | 'other';
export type EntryStatus = 'success' | 'failure' | 'skipped';

export interface EntryStep {
  name: string;
  type: 'Import' | 'Scoping' | 'Matching' | 'Transform' | 'Export';
  status: EntryStatus;
  description: string;
  details: Record<string, string>;
}

export interface EntryResult {
  kind: 'User' | 'Group';
  sourceId: string;
  /** userPrincipalName or the group's displayName: the reportable identifier. */
  name: string;
  action: EntryAction;
  status: EntryStatus;
  targetId?: string;
  modifiedProperties: { displayName: string; oldValue: string | null; newValue: string | null }[];
  error?: { code: string; message: string };
  /** Counted as escrowed: retried next cycle. */
  escrowed: boolean;
  steps: EntryStep[];
  /** The SCIM requests and answers of this entry. */
  exchanges: ScimExchange[];
}

export function newEntry(kind: 'User' | 'Group', sourceId: string, name: string): EntryResult {
  return {
    kind,
    sourceId,
    name,
    action: 'other',
    status: 'success',
    modifiedProperties: [],
    escrowed: false,
    steps: [
      {
        name: 'EntryImport',
        type: 'Import',
        status: 'success',
        description: `Retrieved ${kind} '${name}' from Azure Active Directory`,
        details: { objectId: sourceId },
      },
    ],
    exchanges: [],
  };
}

export function step(entry: EntryResult, added: EntryStep): void {
  entry.steps.push(added);
}

/** The entry failed: escrowed (retried next cycle) unless `escrow` is false. */
export function fail(entry: EntryResult, type: EntryStep['type'], code: string, message: string, escrow = true): void {
  entry.status = 'failure';
  entry.escrowed = escrow;
  entry.error = { code, message };
  entry.steps.push({
    name: `Entry${type}`,
    type,
    status: 'failure',
    description: message,
    details: { ErrorCode: code },
  });
}

const codeByStatus: Record<number, string> = {
  400: 'SystemForCrossDomainIdentityManagementBadRequest',
  401: 'SystemForCrossDomainIdentityManagementInvalidCredentials',
  404: 'SystemForCrossDomainIdentityManagementResourceNotFound',
  409: 'SystemForCrossDomainIdentityManagementServiceConflict',
  429: 'SystemForCrossDomainIdentityManagementThrottled',
};

/** The error code the provisioning service reports for a SCIM status (guess in the style of the AWS capture). */
export const scimErrorCode = (status: number) =>
  codeByStatus[status] ??
  (status >= 500
    ? 'SystemForCrossDomainIdentityManagementServiceUnavailable'
    : 'SystemForCrossDomainIdentityManagementBadResponse');
