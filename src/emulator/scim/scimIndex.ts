// The sample SCIM server's lookups by attribute value, so that the filters Entra sends to match
// (`userName eq "…"`, then `externalId eq "…"`: Learn, "Tutorial: Develop and plan provisioning for a SCIM endpoint
// in Microsoft Entra ID") cost a map read instead of a scan of every resource: with scans, a cycle of n users costs
// n scans of up to n resources.
export type ScimRecord = Record<string, unknown> & { id: string };

export interface IndexedAttribute {
  name: string;
  /** RFC 7643 §2.2 caseExact: compared as stored, as SCIMMY's filter does; otherwise in lower case. */
  caseExact: boolean;
}

/** Each kind's unique attribute first (RFC 7643 §4.1: userName; displayName for groups is the server's choice). */
export const indexedAttributes = {
  users: [
    { name: 'userName', caseExact: false },
    { name: 'externalId', caseExact: true },
  ],
  groups: [
    { name: 'displayName', caseExact: false },
    { name: 'externalId', caseExact: true },
  ],
} satisfies Record<string, IndexedAttribute[]>;

/** Per indexed attribute, value → ids; a value's ids come out in creation order, the order a scan finds them in. */
export class AttributeIndex {
  private readonly byValue = new Map<string, Map<string, Set<string>>>();
  /** Creation order of each id (a replaced resource keeps its place in the store's Map). */
  private readonly created = new Map<string, number>();
  private sequence = 0;

  constructor(private readonly attributes: readonly IndexedAttribute[]) {
    for (const attribute of attributes) this.byValue.set(attribute.name, new Map());
  }

  /** The attribute, if `name` is indexed (attribute names are case-insensitive: RFC 7643 §2.1). */
  private attribute(name: string): IndexedAttribute | undefined {
    return this.attributes.find((attribute) => attribute.name.toLowerCase() === name.toLowerCase());
  }

  private static key(attribute: IndexedAttribute, value: unknown): string | undefined {
    if (typeof value !== 'string') return undefined;
    return attribute.caseExact ? value : value.toLowerCase();
  }

  indexes(name: string): boolean {
    return this.attribute(name) !== undefined;
  }

  /** Ids whose attribute `name` equals `value` (as that attribute compares), in creation order. */
  find(name: string, value: string): string[] {
    const attribute = this.attribute(name);
    if (!attribute) return [];
    const ids = this.byValue.get(attribute.name)!.get(AttributeIndex.key(attribute, value)!);
    const found = ids ? [...ids] : [];
    return found.length > 1 ? found.sort((a, b) => this.created.get(a)! - this.created.get(b)!) : found;
  }

  /** Indexes what `record` holds now; `previous` is what it held before it was replaced. */
  set(record: ScimRecord, previous?: ScimRecord): void {
    if (previous) this.unindex(previous);
    if (!this.created.has(record.id)) this.created.set(record.id, this.sequence++);
    for (const attribute of this.attributes) {
      const key = AttributeIndex.key(attribute, record[attribute.name]);
      if (key === undefined) continue;
      const values = this.byValue.get(attribute.name)!;
      values.set(key, (values.get(key) ?? new Set<string>()).add(record.id));
    }
  }

  delete(record: ScimRecord): void {
    this.unindex(record);
    this.created.delete(record.id);
  }

  clear(): void {
    for (const values of this.byValue.values()) values.clear();
    this.created.clear();
  }

  private unindex(record: ScimRecord): void {
    for (const attribute of this.attributes) {
      const key = AttributeIndex.key(attribute, record[attribute.name]);
      const ids = key === undefined ? undefined : this.byValue.get(attribute.name)!.get(key);
      ids?.delete(record.id);
      if (ids?.size === 0) this.byValue.get(attribute.name)!.delete(key!);
    }
  }
}
