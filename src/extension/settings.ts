import * as vscode from 'vscode';
import type { SignInMethod } from '../auth/credentials';
import type { CloudId } from '../graph/clouds';
import type { ApiVersion } from '../graph/types';

/** The `graphSync.*` settings, typed. Their declarations (scope, defaults, descriptions) are in package.json. */
export interface Settings {
  signInMethod: SignInMethod;
  cloud: CloudId;
  tenant: string;
  clientId: string;
  clientCertificatePath: string;
  apiVersion: ApiVersion;
  sampleTenantEndpoint: string;
  pageSize: number;
}

export const settingsSection = 'graphSync';

/** The Graph versions the extension speaks; graphSync.apiVersion must be one of them (package.json's enum says so too). */
export const apiVersions: readonly ApiVersion[] = ['v1.0', 'beta'];
const defaultApiVersion: ApiVersion = 'v1.0';

/** graphSync.apiVersion as written, when it is not a version the extension speaks (e.g. "v1.0/"); the default is used. */
export function invalidApiVersion(): string | undefined {
  const written = vscode.workspace.getConfiguration(settingsSection).get<unknown>('apiVersion', defaultApiVersion);
  return apiVersions.includes(written as ApiVersion) ? undefined : String(written);
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration(settingsSection);
  return {
    signInMethod: config.get<SignInMethod>('signInMethod', 'vscode'),
    cloud: config.get<CloudId>('cloud', 'Global'),
    tenant: config.get<string>('tenant', 'organizations').trim(),
    clientId: config.get<string>('clientId', '').trim(),
    clientCertificatePath: config.get<string>('clientCertificatePath', '').trim(),
    apiVersion:
      invalidApiVersion() === undefined ? config.get<ApiVersion>('apiVersion', defaultApiVersion) : defaultApiVersion,
    sampleTenantEndpoint: config.get<string>('sampleTenant.endpoint', '').trim(),
    pageSize: Math.min(999, Math.max(1, config.get<number>('servicePrincipals.pageSize', 100))),
  };
}

/** Settings that change where tokens come from or go to: a change means signing in again. */
export const connectionSettings = [
  'signInMethod',
  'cloud',
  'tenant',
  'clientId',
  'clientCertificatePath',
  'sampleTenant.endpoint',
].map((key) => `${settingsSection}.${key}`);

/** Writes user (global) settings: the connection settings are application-scoped and cannot live in a workspace. */
export async function updateSettings(values: Partial<Record<string, unknown>>): Promise<void> {
  const config = vscode.workspace.getConfiguration(settingsSection);
  for (const [key, value] of Object.entries(values)) await config.update(key, value, vscode.ConfigurationTarget.Global);
}
