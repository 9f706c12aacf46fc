import * as vscode from 'vscode';
import { getJobSchema } from '../../graph/schema';
import type { SynchronizationSchema } from '../../graph/schemaTypes';
import type { ConnectionManager } from '../connection';
import { schemaChildren, type SchemaNode } from './schemaNodes';

/**
 * The Schema node of each job and its children. A job's schema is read once (when its Schema node is first expanded)
 * and kept until forget() (after a save, restore or reset); its parts become nodes only when expanded.
 */
export class SchemaBrowser implements vscode.Disposable {
  private readonly schemas = new Map<string, Promise<SynchronizationSchema>>();
  /** The root nodes handed to VS Code, so that a change event names the very object it has. */
  private readonly roots = new Map<string, SchemaNode>();
  private readonly changed = new vscode.EventEmitter<SchemaNode>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly connection: ConnectionManager) {}

  /** The Schema node under a job node whose tree id is `jobNodeId`. */
  rootOf(jobNodeId: string, servicePrincipalId: string, jobId: string): SchemaNode {
    const key = `${servicePrincipalId}/${jobId}`;
    let root = this.roots.get(key);
    if (!root) {
      root = { kind: 'schema', id: `${jobNodeId}/schema`, servicePrincipalId, jobId, part: { type: 'root' } };
      this.roots.set(key, root);
    }
    return root;
  }

  async children(node: SchemaNode): Promise<SchemaNode[]> {
    if (node.part.type !== 'root') return schemaChildren(node);
    const child = (segment: string, part: SchemaNode['part']): SchemaNode => ({
      ...node,
      id: `${node.id}/${segment}`,
      part,
    });
    try {
      const schema = await this.read(node.servicePrincipalId, node.jobId);
      return [
        child('directories', { type: 'directories', directories: schema.directories ?? [] }),
        child('rules', { type: 'rules', rules: schema.synchronizationRules ?? [] }),
      ];
    } catch (error) {
      this.schemas.delete(`${node.servicePrincipalId}/${node.jobId}`);
      return [child('failed', { type: 'failed', error })];
    }
  }

  /** The job's schema changed on the server: read it again when shown. */
  forget(servicePrincipalId: string, jobId: string): void {
    const key = `${servicePrincipalId}/${jobId}`;
    this.schemas.delete(key);
    const root = this.roots.get(key);
    if (root) this.changed.fire(root);
  }

  /** After sign-out or a refresh of everything. */
  clear(): void {
    this.schemas.clear();
    this.roots.clear();
  }

  private read(servicePrincipalId: string, jobId: string): Promise<SynchronizationSchema> {
    const key = `${servicePrincipalId}/${jobId}`;
    let schema = this.schemas.get(key);
    if (!schema) {
      const { client } = this.connection.requireConnection();
      schema = getJobSchema(client, servicePrincipalId, jobId, { version: this.connection.apiVersion }).then(
        (read) => read.schema,
      );
      this.schemas.set(key, schema);
    }
    return schema;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
