// The shapes the emulator keeps in memory. Graph's wire shapes are produced from these by the route handlers.

export interface ServicePrincipalRecord {
  id: string;
  appId: string;
  /** Object id of the application registration behind it (for /applications/{id}/synchronization/templates). */
  applicationObjectId: string;
  displayName: string;
  /** Set for service principals created from an application template (gallery, non-gallery SCIM app…). */
  applicationTemplateId: string | null;
  /** Keys of the template catalog: the synchronization templates this service principal offers. */
  templateIds: readonly string[];
  /** Microsoft's own services (Microsoft Graph, Exchange…) are owned by Microsoft's tenant. */
  firstParty: boolean;
  /** The refused-create demo: Graph answers a job create with 403 Authorization_RequestDenied. */
  refusesJobCreation?: boolean;
}

export type TemplateDirection = 'outbound' | 'inbound' | 'cloudSync' | 'crossTenant';

export interface TemplateDefinition {
  id: string;
  default: boolean;
  description: string | null;
  discoverable: boolean;
  factoryTag: string | null;
  direction: TemplateDirection;
  /** Gallery key for the template's metadata; absent for templates outside the gallery. */
  galleryKey?: string;
  /** The credential fields of the app's admin-credentials form (metadata `configurationFields`); none for agent-based ones. */
  credentialFields?: readonly string[];
}

export type SeedJobState = 'Active' | 'Paused' | 'Quarantine';

/** A job the sample tenant starts with. */
export interface SeedJob {
  servicePrincipalId: string;
  id: string;
  templateId: string;
  state: SeedJobState;
}
