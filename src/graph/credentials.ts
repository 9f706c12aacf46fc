// A service principal's admin credentials: which fields its template asks for, saving them (PUT …/secrets), and
// Test Connection (validateCredentials, on a job or, before one exists, on a template). Secret values are sent to Graph
// and nowhere else: every exchange records the body with the values replaced (recordedBody).
import type { CallOptions, GraphClient, GraphResponse } from './client';
import { GraphRequestError, parseErrorEnvelope } from './errors';
import { jobPath, synchronizationPath } from './synchronization';
import type { SynchronizationTemplate } from './types';

export interface SecretEntry {
  key: string;
  value: string;
}

export interface CredentialField {
  /** The secret's key as Graph takes it, e.g. BaseAddress. */
  name: string;
  /** Entered masked, and never shown again. */
  secret: boolean;
  required: boolean;
}

export interface CredentialFields {
  fields: CredentialField[];
  /** 'template': from its ConfigurationFields metadata; 'fallback': BaseAddress + SecretToken (SCIM apps). */
  source: 'template' | 'fallback';
  /** Why the template's entry could not be used, when it was there but unreadable. */
  problem?: string;
}

/**
 * What writes to a service principal's synchronization need (Graph reference: Add synchronization secrets,
 * validateCredentials, provisionOnDemand), least privileged first; named in the hint of a 401/403.
 */
export const synchronizationWritePermissions =
  'Synchronization.ReadWrite.All (delegated), or Application.ReadWrite.OwnedBy or Synchronization.ReadWrite.All (application)';

export const redactedValue = '<redacted>';

const looksSecret = (name: string) => /token|secret|password|key/i.test(name) && !/address|url/i.test(name);
const fallbackFields: CredentialField[] = [
  { name: 'BaseAddress', secret: false, required: true },
  { name: 'SecretToken', secret: true, required: true },
];

/**
 * The credential fields of a template: the JSON text of its `configurationFields` metadata entry (v1.0 spells the
 * key ConfigurationFields), as an array of names or of objects with a name (or key); BaseAddress + SecretToken otherwise.
 */
export function credentialFields(template: Pick<SynchronizationTemplate, 'metadata'>): CredentialFields {
  const entry = template.metadata?.find((candidate) => candidate.key.toLowerCase() === 'configurationfields');
  if (!entry?.value) return { fields: fallbackFields, source: 'fallback' };
  try {
    const parsed = JSON.parse(entry.value) as unknown;
    if (!Array.isArray(parsed) || parsed.length === 0) throw new Error('expected a non-empty JSON array');
    const fields = parsed.map((item): CredentialField => {
      if (typeof item === 'string') return { name: item, secret: looksSecret(item), required: true };
      const record = (item ?? {}) as Record<string, unknown>;
      const name =
        typeof record.name === 'string' ? record.name : typeof record.key === 'string' ? record.key : undefined;
      if (!name) throw new Error('a field has no name');
      return {
        name,
        secret: typeof record.secret === 'boolean' ? record.secret : looksSecret(name),
        required: record.required !== false,
      };
    });
    return { fields, source: 'template' };
  } catch (error) {
    return {
      fields: fallbackFields,
      source: 'fallback',
      problem: `The template's configurationFields could not be read (${(error as Error).message}); using BaseAddress and SecretToken.`,
    };
  }
}

/** The portal's optional settings, as secrets: scope (SyncAll) and notifications (SyncNotificationSettings, JSON text). */
export interface ProvisioningSettings {
  /** true: all users and groups; false: assigned ones only. */
  syncAll?: boolean;
  notificationEmail?: string;
  /** Accidental-deletion threshold: stop when a cycle would delete more than this many objects. */
  deleteThreshold?: number;
}

/** The settings as secret entries. SyncNotificationSettings' inner names besides DeleteThreshold* are a guess. */
export function settingsEntries(settings: ProvisioningSettings): SecretEntry[] {
  const entries: SecretEntry[] = [];
  if (settings.syncAll !== undefined) entries.push({ key: 'SyncAll', value: String(settings.syncAll) });
  if (settings.notificationEmail !== undefined || settings.deleteThreshold !== undefined) {
    const notifications = {
      Enabled: Boolean(settings.notificationEmail),
      Recipients: settings.notificationEmail ?? '',
      DeleteThresholdEnabled: settings.deleteThreshold !== undefined,
      DeleteThresholdValue: settings.deleteThreshold ?? 0,
    };
    entries.push({ key: 'SyncNotificationSettings', value: JSON.stringify(notifications) });
  }
  return entries;
}

const redact = (entries: SecretEntry[]) => entries.map(({ key }) => ({ key, value: redactedValue }));

/** PUT SP/synchronization/secrets → 204. Refuses an empty list itself: Graph mishandles an empty payload (FACTS.md). */
export async function setSecrets(
  client: GraphClient,
  servicePrincipalId: string,
  secrets: SecretEntry[],
  options: CallOptions = {},
): Promise<GraphResponse> {
  if (secrets.length === 0) throw new RangeError('Nothing to save: give at least one credential.');
  return client.send({
    method: 'PUT',
    path: `${synchronizationPath(servicePrincipalId)}/secrets`,
    body: { value: secrets },
    recordedBody: JSON.stringify({ value: redact(secrets) }),
    permissions: synchronizationWritePermissions,
    ...options,
  });
}

/** What Test Connection is about: an existing job, or (before one exists) a template of the service principal. */
export type CredentialsTarget = { jobId: string } | { templateId: string };

export type CredentialsValidation =
  | { valid: true; response: GraphResponse }
  /** Graph answered 400: the credentials do not work. `failedCredential`: the key Graph named, when it did. */
  | { valid: false; error: GraphRequestError; failedCredential?: string };

/**
 * POST …/jobs/{id}/validateCredentials, or …/jobs/validateCredentials with the templateId. `credentials`: the entered
 * values, or 'saved' for the saved ones (useSavedCredentials). Other failures (401, 429, 5xx, network) are thrown.
 */
export async function validateCredentials(
  client: GraphClient,
  servicePrincipalId: string,
  target: CredentialsTarget,
  credentials: SecretEntry[] | 'saved',
  options: CallOptions = {},
): Promise<CredentialsValidation> {
  const entered = credentials === 'saved' ? [] : credentials;
  const common = { useSavedCredentials: credentials === 'saved', credentials: entered };
  const body = 'jobId' in target ? common : { ...common, templateId: target.templateId };
  const path =
    'jobId' in target
      ? `${jobPath(servicePrincipalId, target.jobId)}/validateCredentials`
      : `${synchronizationPath(servicePrincipalId)}/jobs/validateCredentials`;
  try {
    const response = await client.send({
      method: 'POST',
      path,
      body,
      recordedBody: JSON.stringify({ ...body, credentials: redact(entered) }),
      permissions: synchronizationWritePermissions,
      ...options,
    });
    return { valid: true, response };
  } catch (error) {
    if (!(error instanceof GraphRequestError) || error.kind !== 'http' || error.status !== 400) throw error;
    return { valid: false, error, failedCredential: failedCredentialOf(error, entered) };
  }
}

/** OData's error.target when Graph gives it; otherwise the one credential key the message names, if exactly one. */
function failedCredentialOf(error: GraphRequestError, entered: SecretEntry[]): string | undefined {
  const text = error.exchange?.responseText;
  try {
    const target = (JSON.parse(text ?? '') as { error?: { target?: unknown } }).error?.target;
    if (typeof target === 'string' && target) return target;
  } catch {
    // not JSON: fall back to the message
  }
  const message = error.graphMessage ?? parseErrorEnvelope(text).message ?? '';
  const keys = [...new Set([...entered.map((entry) => entry.key), 'BaseAddress', 'SecretToken'])];
  const named = keys.filter((key) => message.includes(key));
  return named.length === 1 ? named[0] : undefined;
}
