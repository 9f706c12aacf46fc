// The sample tenant's data: who it is, its service principals, and the jobs it starts with. Data only.
import { stableGuid } from './ids';
import type { SeedJob, ServicePrincipalRecord } from './model';
import type { SampleAppCredentials } from './types';

export const sampleTenantId = '5f1a0c37-2b8e-4d69-9c41-7e3b2a6d8f10';

/** Public sample data: these secrets open nothing but a local emulator. */
const credentials: SampleAppCredentials = {
  clientId: 'c7a2f4e1-3d5b-4a8c-9e6f-1b2d3c4e5f60',
  clientSecret: 'sample-tenant-secret-not-for-production',
};
const credentialsWithoutSynchronization: SampleAppCredentials = {
  clientId: 'd8b3a5f2-4e6c-4b9d-8f7a-2c3d4e5f6071',
  clientSecret: 'sample-reader-secret-not-for-production',
};

/**
 * The admin credentials (synchronization secrets) the sample tenant's SCIM endpoint accepts: the one right pair for
 * every service principal of the sample tenant. Any other value is wrong, which is how the emulator shows a job that
 * cannot authenticate. Public sample data, like the app secrets above.
 */
const scimCredentials = {
  BaseAddress: 'https://127.0.0.1/scim',
  SecretToken: 'sample-scim-token-valid-only-in-the-emulator',
} as const;

/**
 * The admin credentials that work in this emulator: with the sample SCIM server running, its real address (and the
 * same token); without it, the placeholder above, which the emulator accepts without calling anything.
 */
export const workingScimCredentials = (scimServerBaseAddress?: string) => ({
  ...scimCredentials,
  ...(scimServerBaseAddress ? { BaseAddress: scimServerBaseAddress } : {}),
});

export const sampleTenant = {
  tenantId: sampleTenantId,
  credentials,
  credentialsWithoutSynchronization,
  scimCredentials,
} as const;

/** Graph's application template id of the non-gallery ("bring your own SCIM app") application. */
export const nonGalleryTemplateId = '8adf8e6e-67b2-4cf2-a259-e3dc5476c621';

type Kind = 'gallery' | 'nonGallery' | 'custom' | 'firstParty';

function servicePrincipal(
  displayName: string,
  kind: Kind,
  templateIds: string[] = [],
  appId?: string,
  extra: Partial<ServicePrincipalRecord> = {},
): ServicePrincipalRecord {
  return {
    ...extra,
    id: stableGuid(`servicePrincipal:${displayName}`),
    appId: appId ?? stableGuid(`app:${displayName}`),
    applicationObjectId: stableGuid(`application:${displayName}`),
    displayName,
    applicationTemplateId:
      kind === 'gallery'
        ? stableGuid(`applicationTemplate:${displayName}`)
        : kind === 'nonGallery'
          ? nonGalleryTemplateId
          : null,
    templateIds,
    firstParty: kind === 'firstParty',
  };
}

export const sampleServicePrincipals: readonly ServicePrincipalRecord[] = [
  servicePrincipal('Box', 'gallery', ['BoxOutDelta']),
  servicePrincipal('Boxed Lunch Planner', 'custom'),
  servicePrincipal('Salesforce', 'gallery', ['SfOutDelta', 'SfSandboxOutDelta']),
  servicePrincipal('ServiceNow', 'gallery', ['ServiceNowOutDelta']),
  servicePrincipal('Slack', 'gallery', ['Slack']),
  servicePrincipal('Dropbox Business', 'gallery', ['DropboxSCIMOutDelta']),
  servicePrincipal('GitHub Enterprise Managed User', 'gallery', ['scim']),
  servicePrincipal('Workday to Microsoft Entra ID User Provisioning', 'gallery', ['Workday']),
  servicePrincipal('API-driven provisioning to Microsoft Entra ID', 'gallery', ['API2AAD']),
  servicePrincipal('corp.contoso.com (Microsoft Entra Cloud Sync)', 'gallery', [
    'AD2AADProvisioning',
    'AD2AADPasswordHash',
  ]),
  servicePrincipal('Fabrikam cross-tenant synchronization', 'gallery', ['Azure2Azure']),
  servicePrincipal('Amazon Web Services (AWS)', 'gallery', ['aws']),
  servicePrincipal('Google Cloud / G Suite Connector by Microsoft', 'gallery', ['gsuite']),
  servicePrincipal('Azure Databricks SCIM Provisioning Connector', 'gallery', ['dataBricks']),
  servicePrincipal('SCIM app', 'nonGallery', ['scim']),
  servicePrincipal('<img src=x onerror=alert(1)>', 'nonGallery', ['scim']),
  // The refused-create demo: Graph's answer when the caller may not manage this app (403, as for directory writes).
  servicePrincipal('Restricted SCIM app (insufficient privileges)', 'nonGallery', ['scim'], undefined, {
    refusesJobCreation: true,
  }),
  // Anyone who owns an app can name it so: VS Code would render it as a link in a notification or progress title.
  servicePrincipal('[Retry](command:workbench.action.terminal.new "Retry")', 'nonGallery', ['scim']),
  // Gallery apps with single sign-on only: an application template, but no synchronization templates.
  servicePrincipal('Zoom', 'gallery'),
  servicePrincipal('Miro', 'gallery'),
  servicePrincipal('Adobe Acrobat Sign', 'gallery'),
  // Line-of-business apps registered in the tenant.
  servicePrincipal('Contoso Expenses API', 'custom'),
  servicePrincipal('Contoso Intranet', 'custom'),
  servicePrincipal('Payroll Batch Worker', 'custom'),
  servicePrincipal('Graph Sync Explorer sample app', 'custom', [], credentials.clientId),
  servicePrincipal('Graph Sync Explorer reader app', 'custom', [], credentialsWithoutSynchronization.clientId),
  // Microsoft's own services, present in every tenant (their well-known app ids).
  servicePrincipal('Microsoft Graph', 'firstParty', [], '00000003-0000-0000-c000-000000000000'),
  servicePrincipal('Office 365 Exchange Online', 'firstParty', [], '00000002-0000-0ff1-ce00-000000000000'),
  servicePrincipal('Office 365 SharePoint Online', 'firstParty', [], '00000003-0000-0ff1-ce00-000000000000'),
  servicePrincipal('Windows Azure Active Directory', 'firstParty', [], '00000002-0000-0000-c000-000000000000'),
  servicePrincipal('Microsoft Intune', 'firstParty', [], '0000000a-0000-0000-c000-000000000000'),
  servicePrincipal('Microsoft Teams', 'firstParty', [], 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe'),
];

const idOf = (displayName: string) => sampleServicePrincipals.find((sp) => sp.displayName === displayName)!.id;
const appIdOf = (displayName: string) => sampleServicePrincipals.find((sp) => sp.displayName === displayName)!.appId;
/** Captured job ids: `{templateId}.{tenant id without dashes}.{appId}` (FACTS.md, "Jobs as real tenants return them"). */
export const jobIdFor = (templateId: string, tenantId: string, appId: string) =>
  `${templateId}.${tenantId.replace(/-/g, '')}.${appId}`;
const jobId = (templateId: string, name: string) => jobIdFor(templateId, sampleTenantId, appIdOf(name));

export const seedJobs: readonly SeedJob[] = [
  {
    servicePrincipalId: idOf('Salesforce'),
    id: jobId('SfOutDelta', 'Salesforce'),
    templateId: 'SfOutDelta',
    state: 'Active',
  },
  {
    servicePrincipalId: idOf('ServiceNow'),
    id: jobId('ServiceNowOutDelta', 'ServiceNow'),
    templateId: 'ServiceNowOutDelta',
    state: 'Paused',
  },
  { servicePrincipalId: idOf('Slack'), id: jobId('Slack', 'Slack'), templateId: 'Slack', state: 'Quarantine' },
];

/** Saved admin credentials the sample tenant starts with: right for the working jobs, a stale token for Slack's. */
export const seedSecrets: readonly { servicePrincipalId: string; secrets: Record<string, string> }[] = [
  { servicePrincipalId: idOf('Salesforce'), secrets: { ...scimCredentials } },
  { servicePrincipalId: idOf('ServiceNow'), secrets: { ...scimCredentials } },
  { servicePrincipalId: idOf('Slack'), secrets: { ...scimCredentials, SecretToken: 'expired-token' } },
];
