// Extra service principals for scale tests: "Generated App 00001"…, the same on every start, half of them SCIM apps.
import { indexGuid } from './ids';
import type { ServicePrincipalRecord } from './model';
import { nonGalleryTemplateId } from './sampleTenant';

const scimTemplates: readonly string[] = Object.freeze(['scim']);
const noTemplates: readonly string[] = Object.freeze([]);

export function generateServicePrincipals(count: number): ServicePrincipalRecord[] {
  const width = Math.max(5, String(count).length);
  const generated: ServicePrincipalRecord[] = new Array(count);
  for (let index = 1; index <= count; index++) {
    const fromTemplate = index % 2 === 0;
    generated[index - 1] = {
      id: indexGuid(1, index),
      appId: indexGuid(2, index),
      applicationObjectId: indexGuid(3, index),
      displayName: `Generated App ${String(index).padStart(width, '0')}`,
      applicationTemplateId: fromTemplate ? nonGalleryTemplateId : null,
      templateIds: fromTemplate ? scimTemplates : noTemplates,
      firstParty: false,
    };
  }
  return generated;
}
