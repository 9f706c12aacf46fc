// SCIM 2.0 (RFC 7643/7644) for the sample SCIM server, by SCIMMY: schemas, filters, PatchOp, list responses and
// error messages come from the library; this file only gives it storage. SCIMMY keeps its resource declarations in
// one process-wide registry, so the handlers are declared once and reach each server's data through `ctx`.
import { randomUUID } from 'node:crypto';
import SCIMMY from 'scimmy';
import { AttributeIndex, indexedAttributes, type ScimRecord } from './scimIndex';

export type { ScimRecord };

/** One SCIM server's data: users and groups by id, and their lookups by attribute value. */
export class ScimData {
  readonly users = new Map<string, ScimRecord>();
  readonly groups = new Map<string, ScimRecord>();
  readonly indexes = {
    users: new AttributeIndex(indexedAttributes.users),
    groups: new AttributeIndex(indexedAttributes.groups),
  };
  constructor(readonly now: () => number) {}

  clear(): void {
    for (const table of [this.users, this.groups, this.indexes.users, this.indexes.groups]) table.clear();
  }
}

type Kind = 'users' | 'groups';

/**
 * `attribute eq "value"` on an indexed attribute: the value, looked up directly instead of scanning every resource.
 * SCIMMY parses it to `[{ attribute: ['eq', value] }]` (a `not`, `and`, `or` or other operator is not this shape).
 */
function equalityLookup(index: AttributeIndex, filter: unknown): { name: string; value: string } | undefined {
  const clauses = filter as Record<string, unknown>[] | undefined;
  if (!clauses || clauses.length !== 1) return undefined;
  const entries = Object.entries(clauses[0]);
  if (entries.length !== 1) return undefined;
  const [name, comparison] = entries[0];
  if (!index.indexes(name) || !Array.isArray(comparison) || comparison.length !== 2) return undefined;
  const [operator, value] = comparison as unknown[];
  return String(operator).toLowerCase() === 'eq' && typeof value === 'string' ? { name, value } : undefined;
}

/** Users and Groups share one declaration; typed as Users so the handlers' signatures line up. */
type ResourceClass = typeof SCIMMY.Resources.User;

function declare(resource: ResourceClass, kind: Kind): void {
  const table = (ctx: unknown) => (ctx as ScimData)[kind];
  resource
    .egress((request, ctx) => {
      const records = table(ctx);
      if (request.id !== undefined) {
        const found = records.get(request.id);
        if (!found) throw new SCIMMY.Types.Error(404, null as unknown as string, `Resource ${request.id} not found`);
        return structuredClone(found) as never;
      }
      const index = (ctx as ScimData).indexes[kind];
      const wanted = equalityLookup(index, request.filter);
      if (wanted) return index.find(wanted.name, wanted.value).map((id) => structuredClone(records.get(id)!)) as never;
      const all = [...records.values()].map((record) => structuredClone(record));
      return (request.filter ? request.filter.match(all) : all) as never;
    })
    .ingress((request, instance, ctx) => {
      const data = ctx as ScimData;
      const records = table(ctx);
      const value = JSON.parse(JSON.stringify(instance)) as Record<string, unknown>;
      const index = data.indexes[kind];
      const key = indexedAttributes[kind][0].name;
      const unique = value[key];
      // RFC 7644 §3.3: 409 with scimType "uniqueness" when the unique attribute is taken.
      if (typeof unique === 'string' && index.find(key, unique).some((holder) => holder !== request.id))
        throw new SCIMMY.Types.Error(409, 'uniqueness', `${key} '${unique}' is already taken`);
      const at = new Date(data.now()).toISOString();
      const previous = request.id === undefined ? undefined : records.get(request.id);
      if (request.id !== undefined && !previous)
        throw new SCIMMY.Types.Error(404, null as unknown as string, `Resource ${request.id} not found`);
      const id = previous?.id ?? randomUUID();
      const meta = { created: (previous?.meta as { created?: string } | undefined)?.created ?? at, lastModified: at };
      const stored: ScimRecord = { ...value, id, meta };
      records.set(id, stored);
      index.set(stored, previous);
      return structuredClone(stored) as never;
    })
    .degress((request, ctx) => {
      const found = request.id === undefined ? undefined : table(ctx).get(request.id);
      if (!found) throw new SCIMMY.Types.Error(404, null as unknown as string, `Resource ${request.id} not found`);
      table(ctx).delete(found.id);
      (ctx as ScimData).indexes[kind].delete(found);
    });
  SCIMMY.Resources.declare(resource);
}

let declared = false;
/** Declares Users (with the enterprise extension) and Groups once per process. */
export function scimResources() {
  if (!declared) {
    SCIMMY.Config.set({ patch: true, filter: { supported: true, maxResults: 200 }, sort: false, bulk: false });
    SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false);
    declare(SCIMMY.Resources.User, 'users');
    declare(SCIMMY.Resources.Group as unknown as ResourceClass, 'groups');
    declared = true;
  }
  return { Users: SCIMMY.Resources.User, Groups: SCIMMY.Resources.Group, SCIMMY };
}
