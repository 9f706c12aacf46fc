// Mapped target values ⇄ SCIM resources. Target attribute names are the paths the SCIM app's schema uses (Learn,
// "Tutorial: Develop and plan provisioning for a SCIM endpoint", attribute table): `name.givenName`,
// `emails[type eq "work"].value`, `roles[primary eq "True"].value`, and extension attributes under their schema URN
// (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department`). PATCH operations use those paths as
// they are, as the tutorial's "Update User" requests do; `op` is lower case, as the scim job sends it since the fixes
// listed in Learn's "Known issues and resolutions with SCIM 2.0 protocol compliance of the Microsoft Entra user
// provisioning service" (older customappsso jobs capitalised it: not imitated). Guess in its detail: the case of `op`
// in today's requests is not quoted here from a capture; RFC 7644's examples use lower case.
import type { ExpressionValue } from '../../expressions';
import type { TargetValues } from './evaluateFlows';

type Json = Record<string, unknown>;
const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const schemaIds = {
  User: 'urn:ietf:params:scim:schemas:core:2.0:User',
  Group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  PatchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
} as const;

export interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

/** Booleans go out as JSON booleans (`active`), whatever text the expression gave ("True"). */
function wire(target: string, value: ExpressionValue): unknown {
  if (typeof value === 'string' && /^(active|.*primary)$/i.test(target) && /^(true|false)$/i.test(value))
    return /^true$/i.test(value);
  return value;
}

interface Path {
  /** Extension URN the attribute lives under, if any. */
  urn?: string;
  attribute: string;
  /** `emails[type eq "work"]`: the element selected by sub-attribute equality. */
  filter?: { name: string; value: string };
  sub?: string;
}

function parsePath(target: string): Path {
  const urn = /^(urn:[^[]+):([^:[]+)$/.exec(target);
  if (urn) return { urn: urn[1], attribute: urn[2] };
  const filtered = /^(\w+)\[(\w+) eq "([^"]*)"\]\.(\w+)$/.exec(target);
  if (filtered) return { attribute: filtered[1], filter: { name: filtered[2], value: filtered[3] }, sub: filtered[4] };
  const [attribute, sub] = target.split('.', 2);
  return { attribute, sub };
}

const filterValue = (name: string, text: string): unknown => (/^primary$/i.test(name) ? /^true$/i.test(text) : text);

/** The value at a target path of a SCIM resource (undefined when absent). */
export function valueAt(resource: Json, target: string): unknown {
  const path = parsePath(target);
  const holder = path.urn ? (resource[path.urn] as Json | undefined) : resource;
  const value = holder?.[path.attribute];
  if (path.filter) {
    const element = (Array.isArray(value) ? (value as Json[]) : []).find(
      (item) => String(item[path.filter!.name]).toLowerCase() === path.filter!.value.toLowerCase(),
    );
    return element?.[path.sub!];
  }
  return path.sub ? (value as Json | undefined)?.[path.sub] : value;
}

/** The body of `POST /Users` or `POST /Groups` for these values. */
export function resourceBody(kind: 'User' | 'Group', values: TargetValues, except: ReadonlySet<string>): Json {
  const body: Json = { schemas: [schemaIds[kind]] };
  for (const [target, value] of values) {
    if (except.has(target)) continue;
    const path = parsePath(target);
    const out = wire(target, value);
    let holder = body;
    if (path.urn) {
      holder = (body[path.urn] ??= {}) as Json;
      if (!(body.schemas as string[]).includes(path.urn)) (body.schemas as string[]).push(path.urn);
    }
    if (path.filter) {
      const list = (holder[path.attribute] ??= []) as Json[];
      const element = { [path.filter.name]: filterValue(path.filter.name, path.filter.value), [path.sub!]: out };
      // The tutorial's Create User request marks its work email primary.
      if (path.attribute === 'emails') element.primary = true;
      list.push(element);
    } else if (path.sub) {
      const nested = (holder[path.attribute] ??= {}) as Json;
      nested[path.sub] = out;
    } else holder[path.attribute] = out;
  }
  return body;
}

/** The PATCH operations that bring `current` to `values`: replace what differs, add what is missing. */
export function patchOperations(
  current: Json,
  values: TargetValues,
  always: ReadonlySet<string>,
  except: ReadonlySet<string>,
): PatchOperation[] {
  const operations: PatchOperation[] = [];
  for (const [target, value] of values) {
    if (except.has(target)) continue;
    const wanted = wire(target, value);
    const present = valueAt(current, target);
    if (present !== undefined && String(present) === String(wanted) && !always.has(target)) continue;
    operations.push({ op: present === undefined ? 'add' : 'replace', path: target, value: wanted });
  }
  return operations;
}

export const patchBody = (operations: PatchOperation[]) => ({ schemas: [schemaIds.PatchOp], Operations: operations });

export { enterprise as enterpriseSchema };
