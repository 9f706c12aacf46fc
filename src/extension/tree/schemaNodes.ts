import * as vscode from 'vscode';
import type {
  AttributeDefinition,
  AttributeMapping,
  DirectoryDefinition,
  ObjectDefinition,
  ObjectMapping,
  SynchronizationRule,
} from '../../graph/schemaTypes';

// The Schema node under a job and everything below it: directories → objects → attributes, and synchronization
// rules → object mappings → attribute mappings. Each node carries the part of the schema it shows (read once per
// job by SchemaBrowser), so children are made only when a node is expanded.

export type SchemaPart =
  | { type: 'root' }
  | { type: 'failed'; error: unknown }
  | { type: 'directories'; directories: DirectoryDefinition[] }
  | { type: 'directory'; directory: DirectoryDefinition }
  | { type: 'object'; object: ObjectDefinition }
  | { type: 'attribute'; attribute: AttributeDefinition }
  | { type: 'rules'; rules: SynchronizationRule[] }
  | { type: 'rule'; rule: SynchronizationRule }
  | { type: 'objectMapping'; mapping: ObjectMapping }
  | { type: 'attributeMapping'; mapping: AttributeMapping };

export interface SchemaNode {
  kind: 'schema';
  /** The tree id: the job node's id, then /schema/… */
  id: string;
  servicePrincipalId: string;
  jobId: string;
  part: SchemaPart;
}

const maxExpressionWidth = 60;

/** An expression on one line, truncated; the tooltip has it whole. */
export function readableExpression(mapping: AttributeMapping): string {
  const source = mapping.source;
  const text = (source?.expression ?? source?.name ?? '').replace(/\s+/g, ' ').trim();
  return text.length > maxExpressionWidth ? `${text.slice(0, maxExpressionWidth - 1)}…` : text;
}

/** The children of a loaded node (root and failed have none here: SchemaBrowser makes those). */
export function schemaChildren(node: SchemaNode): SchemaNode[] {
  const child = (segment: string, part: SchemaPart): SchemaNode => ({ ...node, id: `${node.id}/${segment}`, part });
  const part = node.part;
  switch (part.type) {
    case 'directories':
      return part.directories.map((directory, i) => child(String(i), { type: 'directory', directory }));
    case 'directory':
      return (part.directory.objects ?? []).map((object, i) => child(String(i), { type: 'object', object }));
    case 'object':
      return (part.object.attributes ?? []).map((attribute, i) => child(String(i), { type: 'attribute', attribute }));
    case 'rules':
      return part.rules.map((rule, i) => child(String(i), { type: 'rule', rule }));
    case 'rule':
      return (part.rule.objectMappings ?? []).map((mapping, i) => child(String(i), { type: 'objectMapping', mapping }));
    case 'objectMapping':
      return (part.mapping.attributeMappings ?? []).map((mapping, i) =>
        child(String(i), { type: 'attributeMapping', mapping }),
      );
    default:
      return [];
  }
}

const lines = (...parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join('\n');
const { Collapsed, None } = vscode.TreeItemCollapsibleState;

export function schemaItem(node: SchemaNode): vscode.TreeItem {
  const item = describe(node.part);
  item.id = node.id;
  item.contextValue = `schema.${node.part.type}`;
  return item;
}

function describe(part: SchemaPart): vscode.TreeItem {
  const item = (label: string, state: vscode.TreeItemCollapsibleState, icon: string, description?: string) => {
    const made = new vscode.TreeItem(label, state);
    made.iconPath = new vscode.ThemeIcon(icon);
    made.description = description;
    return made;
  };
  switch (part.type) {
    case 'root':
      return item('Schema', Collapsed, 'symbol-structure');
    case 'failed': {
      const failed = item('Could not read the schema', None, 'error');
      failed.tooltip = part.error instanceof Error ? part.error.message : String(part.error);
      return failed;
    }
    case 'directories':
      return item('Directories', Collapsed, 'database', String(part.directories.length));
    case 'directory':
      return item(part.directory.name, Collapsed, 'database', `${part.directory.objects?.length ?? 0} objects`);
    case 'object':
      return item(part.object.name, Collapsed, 'symbol-class', `${part.object.attributes?.length ?? 0} attributes`);
    case 'attribute': {
      const a = part.attribute;
      const flags = [a.type, a.multivalued && 'multi-valued', a.anchor && 'anchor', a.required && 'required'];
      return item(a.name, None, 'symbol-field', flags.filter(Boolean).join(', '));
    }
    case 'rules':
      return item('Synchronization Rules', Collapsed, 'references', String(part.rules.length));
    case 'rule': {
      const rule = part.rule;
      const made = item(
        rule.name || rule.id,
        Collapsed,
        'references',
        `${rule.sourceDirectoryName} → ${rule.targetDirectoryName}`,
      );
      made.tooltip = lines(`Rule ${rule.id}`, `${rule.sourceDirectoryName} → ${rule.targetDirectoryName}`);
      return made;
    }
    case 'objectMapping':
      return objectMappingItem(part.mapping);
    case 'attributeMapping':
      return attributeMappingItem(part.mapping);
  }
}

function objectMappingItem(mapping: ObjectMapping): vscode.TreeItem {
  const made = new vscode.TreeItem(`${mapping.sourceObjectName} → ${mapping.targetObjectName}`, Collapsed);
  const clauses = (mapping.scope?.groups ?? []).flatMap((group) =>
    group.clauses.map(
      (clause) =>
        `${clause.sourceOperandName} ${clause.operatorName} ${(clause.targetOperand?.values ?? []).join(', ')}`,
    ),
  );
  made.description = [mapping.enabled ? undefined : 'disabled', mapping.flowTypes, clauses.length && 'scoped']
    .filter(Boolean)
    .join(' · ');
  made.tooltip = lines(
    mapping.name,
    `Enabled: ${mapping.enabled}`,
    `Flow types: ${mapping.flowTypes}`,
    clauses.length ? `Scoping filter:\n  ${clauses.join('\n  ')}` : 'No scoping filter',
  );
  made.iconPath = new vscode.ThemeIcon(mapping.enabled ? 'arrow-swap' : 'circle-slash');
  return made;
}

function attributeMappingItem(mapping: AttributeMapping): vscode.TreeItem {
  const made = new vscode.TreeItem(mapping.targetAttributeName, None);
  made.description = `← ${readableExpression(mapping)}`;
  made.tooltip = lines(
    `${mapping.targetAttributeName} ← ${mapping.source?.expression ?? mapping.source?.name ?? '(none)'}`,
    `Source type: ${mapping.source?.type}`,
    `Flow: ${mapping.flowType}, ${mapping.flowBehavior}`,
    mapping.matchingPriority > 0 && `Matching priority: ${mapping.matchingPriority}`,
    mapping.defaultValue && `Default value: ${mapping.defaultValue}`,
  );
  made.iconPath = new vscode.ThemeIcon(mapping.matchingPriority > 0 ? 'key' : 'symbol-property');
  return made;
}
