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
  /** Listed, but Graph refuses to create a job from it. */
  refusal?: { status: number; code: string; message: string };
}

export type SeedJobState = 'Active' | 'Paused' | 'Quarantine';

/** A job the sample tenant starts with. */
export interface SeedJob {
  servicePrincipalId: string;
  id: string;
  templateId: string;
  state: SeedJobState;
}
