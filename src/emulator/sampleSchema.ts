// A well-formed synchronizationSchema for a template or job: source and target directories (objects and attributes)
// and one rule whose object mappings follow the template's direction (flows in sampleSchemaFlows.ts). Real schemas are
// far larger; the shapes are what matter here (synchronizationSchema in the CSDL).
import type { TemplateDefinition, TemplateDirection } from './model';
import {
  groupToScim,
  intoEntra,
  userToScim,
  userToTenant,
  type AttributeSpec,
  type MappingSpec,
  type ObjectFlow,
} from './sampleSchemaFlows';

const entra = 'Azure Active Directory';

function shape(
  direction: TemplateDirection,
  application: string,
): { source: string; target: string; flows: ObjectFlow[] } {
  switch (direction) {
    case 'outbound':
      return { source: entra, target: application, flows: [userToScim, groupToScim] };
    case 'inbound':
      return { source: application, target: entra, flows: [intoEntra('Worker', 'WorkerID')] };
    case 'cloudSync':
      return { source: 'Active Directory', target: entra, flows: [intoEntra('user', 'objectGUID')] };
    case 'crossTenant':
      return { source: entra, target: `${entra} (target tenant)`, flows: [userToTenant] };
  }
}

function attribute([name, type, multivalued = false]: AttributeSpec, anchor: boolean) {
  return {
    anchor,
    apiExpressions: [],
    caseExact: false,
    defaultValue: null,
    flowNullValues: false,
    metadata: [],
    multivalued,
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

/** attributeMappingSource for an expression: a plain `[attribute]` is an Attribute source, anything else a Function. */
function source(expression: string) {
  const attribute = /^\[([^\]]+)\]$/.exec(expression)?.[1];
  if (attribute) return { expression, name: attribute, parameters: [], type: 'Attribute' };
  const constant = /^"(.*)"$/.exec(expression)?.[1];
  if (constant !== undefined) return { expression, name: constant, parameters: [], type: 'Constant' };
  return { expression, name: /^\w+/.exec(expression)![0], parameters: [], type: 'Function' };
}

function attributeMapping([expression, target, matchingPriority]: MappingSpec) {
  return {
    defaultValue: null,
    exportMissingReferences: false,
    flowBehavior: 'FlowWhenChanged',
    flowType: 'Always',
    matchingPriority,
    source: source(expression),
    targetAttributeName: target,
  };
}

function objectMapping(flow: ObjectFlow, source: string, target: string) {
  return {
    attributeMappings: flow.mappings.map(attributeMapping),
    enabled: true,
    flowTypes: 'Add, Update, Delete',
    metadata: [],
    name: `Provision ${source} ${flow.source}s to ${target}`,
    scope: flow.scope
      ? {
          categoryFilterGroups: [],
          groups: [
            {
              name: flow.scope.name,
              clauses: flow.scope.clauses.map(({ values, ...clause }) => ({ ...clause, targetOperand: { values } })),
            },
          ],
          inputFilterGroups: [],
        }
      : null,
    sourceObjectName: flow.source,
    targetObjectName: flow.target,
  };
}

const matchingNames = (flow: ObjectFlow, side: 'source' | 'target') =>
  new Set(
    flow.mappings
      .filter(([, , priority]) => priority > 0)
      .map(([expression, target]) => (side === 'target' ? target : expression.slice(1, -1))),
  );

/** The schema of a template (id `{templateId}.` + 32 zeros) or of a job (the job's id). */
export function synchronizationSchema(schemaId: string, template: TemplateDefinition, application: string) {
  const { source, target, flows } = shape(template.direction, application);
  const side = (pick: 'source' | 'target') =>
    flows.map((flow) => ({
      name: flow[pick],
      attributes: flow[pick === 'source' ? 'sourceAttributes' : 'targetAttributes'].map((spec) =>
        attribute(spec, matchingNames(flow, pick).has(spec[0])),
      ),
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
        // Whether provisionOnDemand accepts this rule's ruleId. The key name is a guess (FACTS.md: "rule metadata can
        // say whether on-demand is supported"); API-driven inbound has no source to read one user from.
        metadata: [{ key: 'IsOnDemandProvisioningSupported', value: String(template.id !== 'API2AAD') }],
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
