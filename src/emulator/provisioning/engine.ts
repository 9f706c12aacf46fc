// The provisioning engine: one cycle of a job against a SCIM endpoint on this machine. For each enabled object
// mapping of the job's schema (users first, then groups, so members can be referenced), every source object is
// scoped, its attributes evaluated, matched in the target by its matching attributes in priority order, then
// created, updated, disabled or deleted. The SCIM requests follow Learn's "Tutorial: Develop and plan provisioning
// for a SCIM endpoint in Microsoft Entra ID": `GET /Users?filter=userName eq "…"` to match, `POST /Users` to create,
// `PATCH /Users/{id}` (PatchOp) to update, `PATCH … active false` to disable, `DELETE` to delete, group members by
// `PATCH /Groups/{id}` with add/remove on `members`; never PUT.
import type { EmulatorClock } from '../clock';
import type { DirectoryGroup, DirectoryUser } from '../sampleDirectory';
import { fail, newEntry, type EntryResult } from './entryResult';
import { inScope, targetValues } from './evaluateFlows';
import { objectFlowPlans, type ObjectFlowPlan } from './jobSchema';
import { exportEntry, type Deprovision } from './exportEntry';
import { RefusedEndpoint, ScimClient, type ScimExchange } from './scimClient';
import { groupSource, userSource, type SourceObject } from './sourceObjects';

export interface ProvisioningRun {
  schema: unknown;
  users: readonly DirectoryUser[];
  groups: readonly DirectoryGroup[];
  baseAddress: string;
  secretToken: string;
  clock: EmulatorClock;
  /** The job's synchronizationJobSettings (QuarantineTooManyDeletesThreshold…). */
  settings: readonly { name: string; value: string | null }[];
  /** From the secret SyncNotificationSettings (DeleteThresholdEnabled/DeleteThresholdValue), when enabled there. */
  deleteThreshold?: number;
  /** The secret SkipOutOfScopeDeletions is 'True'. */
  skipOutOfScopeDeletions?: boolean;
  /** Provision on demand: only this source object. */
  only?: string;
  /** Keep every SCIM exchange (false for the bench). */
  record?: boolean;
  /** Told when a 429's Retry-After makes the cycle wait on the emulator's clock. */
  onThrottled?: (retryAt: number) => void;
  /** Told once before the first entry (processed 0) and after each entry: the job's progress while the cycle runs. */
  onProgress?: (processed: number, total: number, entry?: EntryResult) => void;
}

export interface ProvisioningOutcome {
  entries: EntryResult[];
  traffic: ScimExchange[];
  /** The whole cycle failed before any entry: refused endpoint, wrong credentials. */
  failure?: { code: string; message: string; credentials: boolean };
  /** Disables and deletes held back by the accidental-deletion threshold. */
  tooManyDeletes?: { count: number; threshold: number };
  /** Milliseconds in the engine and waiting for the SCIM server (wall clock). */
  elapsedMs: number;
  waitedMs: number;
}

/** Learn, "Enable accidental deletions prevention": 500 by default, from the job setting. */
const deleteThreshold = (settings: ProvisioningRun['settings']) =>
  Number(settings.find((s) => s.name === 'QuarantineTooManyDeletesThreshold')?.value ?? '500') || 500;

function sourcesOf(plan: ObjectFlowPlan, run: ProvisioningRun): SourceObject[] {
  const all =
    plan.sourceObjectName === 'User'
      ? run.users.map(userSource)
      : plan.sourceObjectName === 'Group'
        ? run.groups.map(groupSource)
        : [];
  return run.only === undefined ? all : all.filter((source) => source.id === run.only);
}

export async function provision(run: ProvisioningRun): Promise<ProvisioningOutcome> {
  const began = performance.now();
  const outcome: ProvisioningOutcome = { entries: [], traffic: [], elapsedMs: 0, waitedMs: 0 };
  let client: ScimClient;
  try {
    client = new ScimClient(run.baseAddress, run.secretToken, run.clock, run.record ?? true, run.onThrottled);
  } catch (error) {
    if (!(error instanceof RefusedEndpoint)) throw error;
    outcome.failure = {
      code: 'SystemForCrossDomainIdentityManagementEndpointRefused',
      message: error.message,
      credentials: false,
    };
    return outcome;
  }
  /** Source object id → target id, for group members. */
  const targetIds = new Map<string, string>();
  const deprovisions: Deprovision[] = [];
  const plans = objectFlowPlans(run.schema).sort(
    (a, b) => (a.sourceObjectName === 'User' ? -1 : 0) - (b.sourceObjectName === 'User' ? -1 : 0),
  );
  const total = plans.reduce((sum, plan) => sum + sourcesOf(plan, run).length, 0);
  run.onProgress?.(0, total);
  for (const plan of plans) {
    for (const source of sourcesOf(plan, run)) {
      const entry = newEntry(source.kind, source.id, source.name);
      const scoped = inScope(plan, source.input);
      entry.steps.push({
        name: 'EntrySynchronizationScoping',
        type: 'Scoping',
        status: scoped ? 'success' : 'skipped',
        description: scoped
          ? `${source.kind} '${source.name}' is in scope`
          : `${source.kind} '${source.name}' is not in scope: no scoping filter group holds`,
        details: { ScopeEvaluationResult: scoped ? 'InScope' : 'OutOfScope' },
      });
      const mapped = targetValues(plan.attributes, source.input);
      if ('problem' in mapped && !scoped) {
        // Out of scope, its mappings are not needed (guess: the service scopes before it transforms).
        entry.status = 'skipped';
      } else if ('problem' in mapped) {
        const { target, expression, message } = mapped.problem;
        // The portal reports a failed mapping as an entry-level error (escrow); the code is a guess.
        fail(
          entry,
          'Transform',
          'AttributeMappingExpressionEvaluationFailed',
          `The mapping of '${target}' (${expression}) failed: ${message}`,
        );
      } else {
        const first = client.traffic.length;
        const unauthorized = await exportEntry(
          client,
          plan,
          source,
          entry,
          mapped.values,
          scoped,
          targetIds,
          deprovisions,
          {
            skipOutOfScopeDeletions: run.skipOutOfScopeDeletions ?? false,
          },
        );
        entry.exchanges = client.traffic.slice(first);
        if (unauthorized) {
          outcome.failure = { code: entry.error!.code, message: entry.error!.message, credentials: true };
          break;
        }
      }
      outcome.entries.push(entry);
      run.onProgress?.(outcome.entries.length, total, entry);
    }
    if (outcome.failure) break;
  }
  if (!outcome.failure) await applyDeprovisions(client, run, deprovisions, outcome);
  outcome.traffic = client.traffic;
  outcome.waitedMs = client.waitedMs;
  outcome.elapsedMs = performance.now() - began;
  return outcome;
}

/** Disables and deletes happen last, and not at all past the accidental-deletion threshold (then TooManyDeletes). */
async function applyDeprovisions(
  client: ScimClient,
  run: ProvisioningRun,
  deprovisions: Deprovision[],
  outcome: ProvisioningOutcome,
): Promise<void> {
  const threshold = run.deleteThreshold ?? deleteThreshold(run.settings);
  if (run.only === undefined && deprovisions.length > threshold) {
    outcome.tooManyDeletes = { count: deprovisions.length, threshold };
    for (const { entry } of deprovisions)
      fail(
        entry,
        'Export',
        'TooManyDeletes',
        `Held back: ${deprovisions.length} deletions exceed the threshold of ${threshold}.`,
        false,
      );
    return;
  }
  for (const deprovision of deprovisions) {
    const first = client.traffic.length;
    await deprovision.apply();
    deprovision.entry.exchanges.push(...client.traffic.slice(first));
  }
}
