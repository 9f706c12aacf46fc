// The synchronization templates of the sample tenant, keyed by template id (ids as Graph uses them; see FACTS.md).
import type { TemplateDefinition } from './model';

const outbound = (
  id: string,
  galleryKey: string,
  description: string,
  extra: Partial<TemplateDefinition> = {},
): TemplateDefinition => ({
  id,
  default: true,
  description,
  discoverable: true,
  factoryTag: id,
  direction: 'outbound',
  galleryKey,
  credentialFields: ['BaseAddress', 'SecretToken'],
  ...extra,
});

const templates: TemplateDefinition[] = [
  outbound('BoxOutDelta', 'box', 'Provision users and groups from Microsoft Entra ID to Box'),
  outbound('SfOutDelta', 'salesforce', 'Provision users from Microsoft Entra ID to Salesforce'),
  outbound(
    'SfSandboxOutDelta',
    'salesforcesandbox',
    'Provision users from Microsoft Entra ID to a Salesforce sandbox',
    { default: false },
  ),
  outbound('ServiceNowOutDelta', 'servicenow', 'Provision users and groups from Microsoft Entra ID to ServiceNow'),
  outbound('Slack', 'slack', 'Provision users and groups from Microsoft Entra ID to Slack', {
    factoryTag: 'CustomSCIM',
  }),
  outbound(
    'DropboxSCIMOutDelta',
    'dropboxforbusiness',
    'Provision users and groups from Microsoft Entra ID to Dropbox Business',
  ),
  outbound('aws', 'amazonwebservices', 'Import roles from Amazon Web Services (AWS)'),
  outbound('gsuite', 'googleapps', 'Provision users and groups from Microsoft Entra ID to Google Cloud / G Suite'),
  outbound('dataBricks', 'azuredatabricks', 'Provision users and groups from Microsoft Entra ID to Azure Databricks', {
    factoryTag: 'CustomSCIM',
  }),
  // The legacy non-gallery template (FACTS.md template ids); the description is a guess.
  outbound(
    'customappsso',
    'customappsso',
    'Provision users and groups to a non-gallery application (legacy template)',
    { galleryKey: undefined },
  ),
  outbound('scim', 'scim', 'Provision users and groups from Microsoft Entra ID to any SCIM 2.0 endpoint', {
    factoryTag: 'CustomSCIM',
    galleryKey: undefined,
  }),
  {
    id: 'Workday',
    default: true,
    description: 'Provision workers from Workday to Microsoft Entra ID',
    discoverable: true,
    factoryTag: 'Workday',
    direction: 'inbound',
    galleryKey: 'workdaytoazuread',
  },
  {
    id: 'API2AAD',
    default: true,
    description: 'Provision users sent to the bulkUpload API into Microsoft Entra ID',
    discoverable: true,
    factoryTag: 'API2AAD',
    direction: 'inbound',
  },
  {
    id: 'AD2AADProvisioning',
    default: true,
    description: 'Synchronize users and groups from Active Directory to Microsoft Entra ID with the cloud sync agent',
    discoverable: true,
    factoryTag: 'AD2AADProvisioning',
    direction: 'cloudSync',
  },
  {
    id: 'AD2AADPasswordHash',
    default: false,
    description: 'Synchronize password hashes from Active Directory to Microsoft Entra ID',
    discoverable: false,
    factoryTag: 'AD2AADPasswordHash',
    direction: 'cloudSync',
  },
  {
    id: 'Azure2Azure',
    default: true,
    description: 'Synchronize users from this tenant to another Microsoft Entra tenant (cross-tenant synchronization)',
    discoverable: true,
    factoryTag: 'Azure2Azure',
    direction: 'crossTenant',
  },
];

export const templateCatalog: ReadonlyMap<string, TemplateDefinition> = new Map(
  templates.map((template) => [template.id, template]),
);
