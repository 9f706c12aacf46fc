// A small but well-formed synchronizationSchema for a template or job: two directories and one rule whose
// object mappings follow the template's direction. Real schemas are far larger; the shapes are what matter here.
import type { TemplateDefinition, TemplateDirection } from './model';

type AttributeType = 'String' | 'Boolean' | 'Reference';
/** [source attribute, target attribute, type, is the matching (join) attribute] */
type Pair = readonly [string, string, AttributeType, boolean];
interface ObjectFlow {
  source: string;
  target: string;
  pairs: readonly Pair[];
}

const entra = 'Azure Active Directory';
const userToScim: ObjectFlow = {
  source: 'User',
  target: 'User',
  pairs: [
    ['userPrincipalName', 'userName', 'String', true],
    ['accountEnabled', 'active', 'Boolean', false],
    ['givenName', 'name.givenName', 'String', false],
    ['surname', 'name.familyName', 'String', false],
    ['mail', 'emails[type eq "work"].value', 'String', false],
  ],
};
const groupToScim: ObjectFlow = {
  source: 'Group',
  target: 'Group',
  pairs: [
    ['displayName', 'displayName', 'String', true],
    ['members', 'members', 'Reference', false],
  ],
};
const intoEntra = (source: string, anchor: string): ObjectFlow => ({
  source,
  target: 'User',
  pairs: [
    [anchor, 'employeeId', 'String', true],
    ['GivenName', 'givenName', 'String', false],
    ['Surname', 'surname', 'String', false],
    ['Active', 'accountEnabled', 'Boolean', false],
  ],
});

function shape(direction: TemplateDirection, application: string): { source: string; target: string; flows: ObjectFlow[] } {
  switch (direction) {
    case 'outbound':
      return { source: entra, target: application, flows: [userToScim, groupToScim] };
    case 'inbound':
      return { source: application, target: entra, flows: [intoEntra('Worker', 'WorkerID')] };
    case 'cloudSync':
      return { source: 'Active Directory', target: entra, flows: [intoEntra('user', 'objectGUID')] };
    case 'crossTenant':
      return { source: entra, target: `${entra} (target tenant)`, flows: [{ ...userToScim, pairs: userToScim.pairs.map(([s, , type, m]) => [s, s, type, m] as const) }] };
  }
}

function attribute(name: string, type: AttributeType, anchor: boolean) {
  return {
    anchor,
    apiExpressions: [],
    caseExact: false,
    defaultValue: null,
    flowNullValues: false,
    metadata: [],
    multivalued: type === 'Reference',
    mutability: 'ReadWrite',
    name,
    referencedObjects: type === 'Reference' ? [{ referencedObjectName: 'User', referencedProperty: null }] : [],
    required: anchor,
    type,
  };
}

function directory(name: string, objects: { name: string; attributes: ReturnType<typeof attribute>[] }[]) {
  return {
    id: name.replace(/\W+/g, '').toLowerCase(),
    discoverabilities: 'None',
    discoveryDateTime: null,
    name,
    objects: objects.map((object) => ({ ...object, metadata: [], supportedApis: [] })),
    readOnly: name === entra,
    version: null,
  };
}

function objectMapping(flow: ObjectFlow, source: string, target: string) {
  return {
    attributeMappings: flow.pairs.map(([from, to, , matching]) => ({
      defaultValue: null,
      exportMissingReferences: false,
      flowBehavior: 'FlowWhenChanged',
      flowType: 'Always',
      matchingPriority: matching ? 1 : 0,
      source: { expression: `[${from}]`, name: from, parameters: [], type: 'Attribute' },
      targetAttributeName: to,
    })),
    enabled: true,
    flowTypes: 'Add, Update, Delete',
    metadata: [],
    name: `Provision ${source} ${flow.source}s to ${target}`,
    scope: null,
    sourceObjectName: flow.source,
    targetObjectName: flow.target,
  };
}

/** The schema of a template (id `{templateId}.` + 32 zeros) or of a job (the job's id). */
export function synchronizationSchema(schemaId: string, template: TemplateDefinition, application: string) {
  const { source, target, flows } = shape(template.direction, application);
  const side = (pick: 'source' | 'target') =>
    flows.map((flow) => ({
      name: flow[pick],
      attributes: flow.pairs.map(([from, to, type, matching]) => attribute(pick === 'source' ? from : to, type, matching)),
    }));
  return {
    id: schemaId,
    version: 'Date:2025-01-06 10:12:44Z;Version:2;OriginalSchemaVersion:1',
    synchronizationRules: [
      {
        containerFilter: { includedContainers: [] },
        editable: true,
        groupFilter: { includedGroups: [] },
        id: template.id,
        metadata: [],
        name: `${template.id} rule`,
        objectMappings: flows.map((flow) => objectMapping(flow, source, target)),
        priority: 1,
        sourceDirectoryName: source,
        targetDirectoryName: target,
      },
    ],
    directories: [directory(source, side('source')), directory(target, side('target'))],
  };
}

export const templateSchemaId = (templateId: string) => `${templateId}.${'0'.repeat(32)}`;
