// The OData query options the emulator understands: $top, $select, $count, $skiptoken and the $filter forms the
// extension sends for service principals. Anything else gets the 400 Graph would send.
import { badRequest } from './errors';
import type { ServicePrincipalRecord } from './model';

export const maxTop = 999;

export function parseTop(value: string | null, fallback: number): number {
  if (value === null) return fallback;
  const top = Number(value);
  if (!/^\d+$/.test(value) || top < 1 || top > maxTop) {
    throw badRequest(
      `Invalid page size specified: '${value}'. Must be between 1 and ${maxTop} inclusive.`,
      'Request_BadRequest',
    );
  }
  return top;
}

/** The $select list, checked against the type's properties; undefined when absent (all properties). */
export function parseSelect(
  value: string | null,
  properties: readonly string[],
  typeName: string,
): string[] | undefined {
  if (value === null || value.trim() === '') return undefined;
  const names = value.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!properties.includes(name))
      throw badRequest(
        `Could not find a property named '${name}' on type 'microsoft.graph.${typeName}'.`,
        'Request_BadRequest',
      );
  }
  return names;
}

/** Only the selected properties, and `id` always (an entity keeps its key). */
export function project(value: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> {
  if (!select) return value;
  const projected: Record<string, unknown> = { id: value.id };
  for (const name of select) if (name in value) projected[name] = value[name];
  return projected;
}

export interface ServicePrincipalFilter {
  matches: (sp: ServicePrincipalRecord) => boolean;
  /** A property compared with an operator Graph only supports as an advanced query ($count=true and ConsistencyLevel: eventual). */
  advancedProperty?: string;
}

const filterable: Record<string, (sp: ServicePrincipalRecord) => string | null> = {
  id: (sp) => sp.id,
  appId: (sp) => sp.appId,
  displayName: (sp) => sp.displayName,
  applicationTemplateId: (sp) => sp.applicationTemplateId,
};

const literal = String.raw`(null|'(?:[^']|'')*')`;
const startsWith = new RegExp(String.raw`^startswith\(\s*(\w+)\s*,\s*${literal}\s*\)$`, 'i');
const comparison = new RegExp(String.raw`^(\w+)\s+(eq|ne)\s+${literal}$`, 'i');

const unquote = (text: string): string | null =>
  text.toLowerCase() === 'null' ? null : text.slice(1, -1).replace(/''/g, "'");

/** Splits on ` and ` (or another keyword) outside string literals. */
export function clauses(filter: string, keyword: 'and' | 'or' = 'and'): string[] {
  const separatorPattern = new RegExp(`^\\s+${keyword}\\s+`, 'i');
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < filter.length; i++) {
    // A doubled quote inside a literal toggles twice: still inside.
    if (filter[i] === "'") quoted = !quoted;
    if (quoted) continue;
    const separator = separatorPattern.exec(filter.slice(i));
    if (!separator) continue;
    parts.push(filter.slice(start, i));
    i += separator[0].length - 1;
    start = i + 1;
  }
  parts.push(filter.slice(start));
  return parts.map((part) => part.trim());
}

function property(name: string): (sp: ServicePrincipalRecord) => string | null {
  const read = filterable[name];
  if (!read)
    throw badRequest(
      `Unsupported or invalid query filter clause specified for property '${name}' of resource 'ServicePrincipal'.`,
      'Request_UnsupportedQuery',
    );
  return read;
}

function clause(text: string): ServicePrincipalFilter {
  const prefix = startsWith.exec(text);
  if (prefix) {
    const read = property(prefix[1]);
    const wanted = (unquote(prefix[2]) ?? '').toLowerCase();
    return { matches: (sp) => (read(sp) ?? '').toLowerCase().startsWith(wanted) };
  }
  const compare = comparison.exec(text);
  if (compare) {
    const read = property(compare[1]);
    const wanted = unquote(compare[3])?.toLowerCase() ?? null;
    const equal = (sp: ServicePrincipalRecord) => (read(sp)?.toLowerCase() ?? null) === wanted;
    const negated = compare[2].toLowerCase() === 'ne';
    return negated ? { matches: (sp) => !equal(sp), advancedProperty: compare[1] } : { matches: equal };
  }
  throw badRequest(`Invalid filter clause: the query '${text}' is not supported.`);
}

export function parseServicePrincipalFilter(filter: string | null): ServicePrincipalFilter | undefined {
  if (filter === null || filter.trim() === '') return undefined;
  const parts = clauses(filter).map(clause);
  return {
    matches: (sp) => parts.every((part) => part.matches(sp)),
    advancedProperty: parts.find((part) => part.advancedProperty)?.advancedProperty,
  };
}

/** Where the next page starts and the query that produced it: nextLinks carry the whole query, as Graph's do. */
export interface PageState {
  filter: string | null;
  /** `"displayName:…"`; absent in skiptokens issued before it existed. */
  search?: string | null;
  select: string | null;
  top: number;
  count: boolean;
  offset: number;
}

export const encodeSkipToken = (state: PageState) => Buffer.from(JSON.stringify(state)).toString('base64url');

/**
 * The page state inside a $skiptoken, every field checked: a forged token must get Graph's 400, never a 500 (a
 * filter that is not a string) or an endless walk (`top: 0` never advances).
 */
export function decodeSkipToken(token: string): PageState {
  let state: Partial<Record<keyof PageState, unknown>> | undefined;
  try {
    state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as typeof state;
  } catch {
    // reported below
  }
  const stringOrNull = (value: unknown) => value === null || typeof value === 'string';
  const valid =
    typeof state === 'object' &&
    state !== null &&
    stringOrNull(state.filter) &&
    stringOrNull(state.select) &&
    typeof state.count === 'boolean' &&
    Number.isInteger(state.top) &&
    (state.top as number) >= 1 &&
    (state.top as number) <= maxTop &&
    Number.isInteger(state.offset) &&
    (state.offset as number) >= 0;
  if (!valid) throw badRequest(`Invalid $skiptoken value '${token}'.`, 'Request_BadRequest');
  const { filter, select, top, count, offset } = state as PageState;
  return { filter, select, top, count, offset };
}
