// Synchronization templates of a service principal (or of its application); their schemas: routes/schema.ts.
import type { EmulatorContext, RouteHandler } from '../context';
import { notFound, synchronizationNotFound } from '../errors';
import { ok, type RoutedCall } from '../call';
import type { ServicePrincipalRecord, TemplateDefinition } from '../model';
import { parseSelect, project } from '../odataQuery';
import { synchronizationSchema, templateSchemaId } from '../sampleSchema';

const properties = [
  'id',
  'applicationId',
  'default',
  'description',
  'discoverable',
  'factoryTag',
  'metadata',
  'schema',
] as const;

// synchronizationMetadata is PascalCase in v1.0 and (mostly) camelCase in beta, as in the CSDL.
const metadataKey = (key: string, version: RoutedCall['version']) =>
  version === 'beta' && key !== 'IsSynchronizationAgentAssignmentRequired' ? key[0].toLowerCase() + key.slice(1) : key;

function metadata(template: TemplateDefinition, sp: ServicePrincipalRecord, version: RoutedCall['version']) {
  const entries: [string, string][] = [
    ['GalleryApplicationIdentifier', sp.applicationTemplateId ?? ''],
    ['IsOAuthEnabled', 'false'],
    ['IsSynchronizationAgentRequired', String(template.direction === 'cloudSync')],
    ['IsSynchronizationInPreview', 'false'],
    ['SynchronizationLearnMoreIbizaFwLink', 'https://go.microsoft.com/fwlink/?linkid=2165339'],
  ];
  if (template.galleryKey) entries.splice(1, 0, ['GalleryApplicationKey', template.galleryKey]);
  const wire = entries.map(([key, value]) => ({ key: metadataKey(key, version), value }));
  // A key outside the enum, as captured (FACTS.md). configurationFields (an enum member, cased per version) is JSON
  // text naming the admin-credentials form's fields; its inner shape is a guess ({"name","required","secret"} per field).
  wire.push({ key: 'AzureIngestionAttributeOptimization', value: 'False' });
  if (template.credentialFields) {
    const fields = template.credentialFields.map((name) => ({ name, required: true, secret: name === 'SecretToken' }));
    wire.push({ key: metadataKey('ConfigurationFields', version), value: JSON.stringify(fields) });
  }
  return wire;
}

function toWire(
  template: TemplateDefinition,
  sp: ServicePrincipalRecord,
  call: RoutedCall,
  select: string[] | undefined,
) {
  const wire: Record<string, unknown> = {
    id: template.id,
    // The gallery application template id, not the app's appId (FACTS.md, "Templates as real tenants return them").
    applicationId: sp.applicationTemplateId ?? sp.appId,
    default: template.default,
    description: template.description,
    discoverable: template.discoverable,
    factoryTag: template.factoryTag,
    metadata: metadata(template, sp, call.version),
  };
  // The real service expands the (large) schema inline unless $select leaves it out.
  if (!select || select.includes('schema'))
    wire.schema = synchronizationSchema(templateSchemaId(template.id), template, sp.displayName);
  return project(wire, select);
}

export function servicePrincipalOf({ store }: EmulatorContext, call: RoutedCall): ServicePrincipalRecord {
  const sp = store.servicePrincipal(call.params.servicePrincipal);
  if (!sp) throw notFound(call.params.servicePrincipal);
  return sp;
}

export function templateOf(
  context: EmulatorContext,
  call: RoutedCall,
): { sp: ServicePrincipalRecord; template: TemplateDefinition } {
  const sp = servicePrincipalOf(context, call);
  const template = context.store.templatesOf(sp).find((candidate) => candidate.id === call.params.template);
  if (!template) throw synchronizationNotFound(`synchronization template '${call.params.template}'`);
  return { sp, template };
}

function list(context: EmulatorContext, call: RoutedCall, sp: ServicePrincipalRecord, owner: string) {
  const select = parseSelect(call.query.get('$select'), properties, 'synchronizationTemplate');
  return ok({
    '@odata.context': `${call.origin}/${call.version}/$metadata#${owner}/synchronization/templates${select ? `(${select.join(',')})` : ''}`,
    value: context.store.templatesOf(sp).map((template) => toWire(template, sp, call, select)),
  });
}

export const listTemplates: RouteHandler = (context, call) => {
  const sp = servicePrincipalOf(context, call);
  return list(context, call, sp, `servicePrincipals('${sp.id}')`);
};

export const listApplicationTemplates: RouteHandler = (context, call) => {
  const id = call.params.application;
  const sp = context.store.servicePrincipalOfApplication(id);
  if (!sp) throw notFound(id);
  return list(context, call, sp, `applications('${id}')`);
};

export const getTemplate: RouteHandler = (context, call) => {
  const { sp, template } = templateOf(context, call);
  const select = parseSelect(call.query.get('$select'), properties, 'synchronizationTemplate');
  const entity = `${call.origin}/${call.version}/$metadata#servicePrincipals('${sp.id}')/synchronization/templates/$entity`;
  return ok({ '@odata.context': entity, ...toWire(template, sp, call, select) });
};
