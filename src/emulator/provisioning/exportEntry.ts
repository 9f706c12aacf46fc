// One source object against the target: match, then create, update, or (out of scope) a disable/delete that the
// engine applies after the accidental-deletion check. Requests as in Learn's SCIM tutorial (see engine.ts); a 401
// ends the cycle (credentials), any other failure escrows the entry, which the next cycle retries.
import { fail, scimErrorCode, type EntryResult } from './entryResult';
import type { TargetValues } from './evaluateFlows';
import type { ObjectFlowPlan } from './jobSchema';
import type { ScimAnswer, ScimClient } from './scimClient';
import { patchBody, patchOperations, resourceBody, valueAt, type PatchOperation } from './scimResource';
import type { SourceObject } from './sourceObjects';

type Json = Record<string, unknown>;

export interface Deprovision {
  entry: EntryResult;
  apply: () => Promise<void>;
}

export interface ExportOptions {
  /** The secret SkipOutOfScopeDeletions (Learn: "Skip deletion of user accounts that go out of scope"). */
  skipOutOfScopeDeletions: boolean;
}

const succeeded = (answer: ScimAnswer) => answer.status >= 200 && answer.status < 300;
const quoted = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const text = (value: unknown) => (value === undefined || value === null ? null : String(value));

/** Records a failed request on the entry; true when it was a 401 (the cycle stops). */
function failed(entry: EntryResult, answer: ScimAnswer, type: 'Matching' | 'Export', what: string): boolean {
  const detail = (answer.body as { detail?: unknown } | undefined)?.detail;
  fail(
    entry,
    type,
    scimErrorCode(answer.status),
    `${what} answered ${answer.status}${detail ? `: ${String(detail)}` : ''}`,
  );
  return answer.status === 401;
}

async function match(client: ScimClient, endpoint: string, plan: ObjectFlowPlan, values: TargetValues) {
  for (const flow of plan.matching) {
    const value = values.get(flow.target);
    if (value === undefined || value === null || Array.isArray(value)) continue;
    const filter = `${flow.target} eq ${quoted(String(value))}`;
    const answer = await client.send('GET', `${endpoint}?filter=${encodeURIComponent(filter)}`);
    if (!succeeded(answer)) return { answer, filter };
    const found = ((answer.body as { Resources?: Json[] } | undefined)?.Resources ?? [])[0];
    if (found) return { found, filter };
  }
  return { filter: plan.matching.map((flow) => flow.target).join(', ') };
}

export async function exportEntry(
  client: ScimClient,
  plan: ObjectFlowPlan,
  source: SourceObject,
  entry: EntryResult,
  values: TargetValues,
  scoped: boolean,
  targetIds: Map<string, string>,
  deprovisions: Deprovision[],
  options: ExportOptions,
): Promise<boolean> {
  const endpoint = plan.targetObjectName === 'Group' ? '/Groups' : '/Users';
  const matched = await match(client, endpoint, plan, values);
  if (matched.answer) return failed(entry, matched.answer, 'Matching', `GET ${endpoint}?filter=${matched.filter}`);
  const found = matched.found;
  entry.steps.push({
    name: 'EntryImport',
    type: 'Matching',
    status: 'success',
    description: found
      ? `Retrieved ${entry.kind} '${entry.name}' from the target (${matched.filter})`
      : `No ${entry.kind} matching '${entry.name}' was found in the target (${matched.filter})`,
    details: found ? { id: String(found.id) } : {},
  });
  const skip = (reason: string, description: string) => {
    entry.status = 'skipped';
    entry.steps.push({
      name: 'EntrySynchronizationSkip',
      type: 'Export',
      status: 'skipped',
      description,
      details: { SkipReason: reason },
    });
    return false;
  };
  if (!scoped) {
    if (!found) return skip('NotInScope', `${entry.kind} '${entry.name}' is out of scope and not in the target.`);
    const activeMapped = plan.attributes.some((flow) => flow.target === 'active');
    if (!plan.flowTypes.has('Delete') || options.skipOutOfScopeDeletions || (activeMapped && found.active === false))
      return skip('RedundantExport', `${entry.kind} '${entry.name}' is out of scope; nothing to change in the target.`);
    entry.action = activeMapped ? 'disable' : 'delete';
    entry.targetId = String(found.id);
    const path = `${endpoint}/${encodeURIComponent(String(found.id))}`;
    deprovisions.push({
      entry,
      apply: async () => {
        // Soft delete where `active` is mapped (the tutorial's "Disable User"), else DELETE.
        const answer = activeMapped
          ? await client.send('PATCH', path, patchBody([{ op: 'replace', path: 'active', value: false }]))
          : await client.send('DELETE', path);
        if (!succeeded(answer))
          return void failed(entry, answer, 'Export', `${activeMapped ? 'PATCH' : 'DELETE'} ${path}`);
        if (activeMapped)
          entry.modifiedProperties.push({ displayName: 'active', oldValue: text(found.active), newValue: 'False' });
        entry.steps.push({
          name: activeMapped ? 'EntryExportUpdateSoftDelete' : 'EntryExportDelete',
          type: 'Export',
          status: 'success',
          description: `${entry.kind} '${entry.name}' was ${activeMapped ? 'disabled' : 'deleted'} in the target`,
          details: { id: String(found.id) },
        });
      },
    });
    return false;
  }
  const except = new Set(['members']);
  let targetId: string;
  let current: Json | undefined = found;
  if (!found) {
    if (!plan.flowTypes.has('Add'))
      return skip('NotAllowed', `Creating ${entry.kind}s is not in the mapping's flow types.`);
    const answer = await client.send('POST', endpoint, resourceBody(entry.kind, values, except));
    if (!succeeded(answer)) return failed(entry, answer, 'Export', `POST ${endpoint}`);
    current = answer.body as Json;
    targetId = String(current.id);
    entry.action = 'create';
    for (const [name, value] of values)
      if (!except.has(name))
        entry.modifiedProperties.push({ displayName: name, oldValue: null, newValue: text(value) });
    entry.steps.push({
      name: 'EntryExportAdd',
      type: 'Export',
      status: 'success',
      description: `${entry.kind} '${entry.name}' was created in the target`,
      details: { id: targetId },
    });
  } else {
    targetId = String(found.id);
    // ObjectAddOnly attributes flow on create only; FlowAlways ones are sent even when unchanged.
    const updatable = new Map(
      [...values].filter(([name]) => plan.attributes.find((a) => a.target === name)?.flowType !== 'ObjectAddOnly'),
    );
    const always = new Set(plan.attributes.filter((a) => a.flowBehavior === 'FlowAlways').map((a) => a.target));
    const operations = plan.flowTypes.has('Update') ? patchOperations(found, updatable, always, except) : [];
    if (operations.length > 0) {
      const answer = await client.send('PATCH', `${endpoint}/${encodeURIComponent(targetId)}`, patchBody(operations));
      if (!succeeded(answer)) return failed(entry, answer, 'Export', `PATCH ${endpoint}/${targetId}`);
      entry.action = 'update';
      for (const operation of operations)
        entry.modifiedProperties.push({
          displayName: operation.path,
          oldValue: text(valueAt(found, operation.path)),
          newValue: text(operation.value),
        });
      entry.steps.push({
        name: 'EntryExportUpdate',
        type: 'Export',
        status: 'success',
        description: `${entry.kind} '${entry.name}' was updated in the target`,
        details: { id: targetId },
      });
    }
  }
  entry.targetId = targetId;
  targetIds.set(source.id, targetId);
  if (source.kind === 'Group' && plan.attributes.some((flow) => flow.target === 'members'))
    return syncMembers(
      client,
      `${endpoint}/${encodeURIComponent(targetId)}`,
      source.members,
      current,
      targetIds,
      entry,
    );
  if (entry.action === 'other')
    return skip(
      'RedundantExport',
      `The state of the ${entry.kind.toLowerCase()} in both the source and target systems already match.`,
    );
  return false;
}

/** Members by PATCH (the tutorial's "Update Group [Add Members]"/"[Remove Members]"): only provisioned users. */
async function syncMembers(
  client: ScimClient,
  path: string,
  members: readonly string[],
  current: Json | undefined,
  targetIds: Map<string, string>,
  entry: EntryResult,
): Promise<boolean> {
  const wanted = new Set(members.map((id) => targetIds.get(id)).filter((id): id is string => id !== undefined));
  const present = new Set(((current?.members as { value: string }[] | undefined) ?? []).map((member) => member.value));
  const operations: PatchOperation[] = [];
  const added = [...wanted].filter((id) => !present.has(id));
  if (added.length > 0) operations.push({ op: 'add', path: 'members', value: added.map((value) => ({ value })) });
  for (const id of present)
    if (!wanted.has(id)) operations.push({ op: 'remove', path: `members[value eq ${quoted(id)}]` });
  if (operations.length > 0) {
    const answer = await client.send('PATCH', path, patchBody(operations));
    if (!succeeded(answer)) return failed(entry, answer, 'Export', `PATCH ${path}`);
    if (entry.action === 'other') entry.action = 'update';
    entry.modifiedProperties.push({
      displayName: 'members',
      oldValue: String(present.size),
      newValue: String(wanted.size),
    });
  }
  if (entry.action === 'other') entry.status = 'skipped';
  return false;
}
