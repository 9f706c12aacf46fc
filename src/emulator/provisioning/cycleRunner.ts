// Which jobs provision for real, and running one of their cycles: a job whose saved BaseAddress is anything but the
// sample placeholder (https://127.0.0.1/scim, accepted without a call) is run by the engine against that address,
// which must be on this machine (the engine refuses any other, and the cycle fails with that error).
import { randomUUID } from 'node:crypto';
import type { EmulatorClock } from '../clock';
import type { JobDocument } from '../jobFactory';
import { synchronizationSchema } from '../sampleSchema';
import { sampleTenant } from '../sampleTenant';
import { templateCatalog } from '../sampleTemplates';
import type { TenantStore } from '../tenantStore';
import { provision, type ProvisioningOutcome } from './engine';
import { applyProgress } from './jobStatus';
import type { ProvisioningRecord, RunningCycle } from './records';

export interface EngineTarget {
  baseAddress: string;
  secretToken: string;
  skipOutOfScopeDeletions: boolean;
  deleteThreshold?: number;
}

/** SyncNotificationSettings is JSON text (FACTS.md, "Credentials and settings"): its delete threshold, when enabled. */
function deleteThresholdOf(settings: string | undefined): number | undefined {
  try {
    const parsed = JSON.parse(settings ?? '') as { DeleteThresholdEnabled?: unknown; DeleteThresholdValue?: unknown };
    const value = Number(parsed.DeleteThresholdValue);
    return parsed.DeleteThresholdEnabled === true || parsed.DeleteThresholdEnabled === 'true'
      ? value || undefined
      : undefined;
  } catch {
    return undefined;
  }
}

export function engineTarget(secrets: ReadonlyMap<string, string>): EngineTarget | undefined {
  const baseAddress = secrets.get('BaseAddress')?.replace(/\/+$/, '');
  if (!baseAddress || baseAddress === sampleTenant.scimCredentials.BaseAddress) return undefined;
  return {
    baseAddress,
    secretToken: secrets.get('SecretToken') ?? '',
    skipOutOfScopeDeletions: /^true$/i.test(secrets.get('SkipOutOfScopeDeletions') ?? ''),
    deleteThreshold: deleteThresholdOf(secrets.get('SyncNotificationSettings')),
  };
}

/** The job's schema: what PUT stored, else its template's (as GET …/schema answers). */
export function jobSchemaOf(store: TenantStore, servicePrincipalId: string, job: JobDocument): unknown {
  const stored = store.jobSchema(job.id);
  if (stored !== undefined) return stored;
  const template = templateCatalog.get(job.templateId);
  const sp = store.servicePrincipal(servicePrincipalId);
  return template && sp ? synchronizationSchema(job.id, template, sp.displayName) : undefined;
}

/**
 * Runs the engine for a job (all objects, or `only` one) and keeps the result as the job's last cycle. A whole cycle
 * shows while it runs, as Graph shows a running job: its progress on the job's status, and its provisioning log
 * entries (store.running) as each object is processed.
 */
export async function provisionJob(
  store: TenantStore,
  clock: EmulatorClock,
  servicePrincipalId: string,
  job: JobDocument,
  target: EngineTarget,
  only?: string,
  onThrottled?: (retryAt: number) => void,
): Promise<{ outcome: ProvisioningOutcome; record: ProvisioningRecord }> {
  const began = clock.now();
  const cycleId = randomUUID();
  const running: RunningCycle | undefined =
    only === undefined ? { servicePrincipalId, jobId: job.id, cycleId, began, entries: [] } : undefined;
  if (running) store.running.set(job.id, running);
  let outcome: ProvisioningOutcome;
  try {
    outcome = await provision({
      schema: jobSchemaOf(store, servicePrincipalId, job),
      users: store.directory.users,
      groups: store.directory.groups,
      clock,
      settings: job.synchronizationJobSettings,
      only,
      onThrottled,
      onProgress:
        running &&
        ((processed, total, entry) => {
          if (entry) running.entries.push(entry);
          applyProgress(job, processed, total, clock.now());
        }),
      ...target,
    });
  } finally {
    // A reset during the cycle has cleared store.running; a later cycle of the job may have replaced it.
    if (running && store.running.get(job.id) === running) store.running.delete(job.id);
  }
  const record: ProvisioningRecord = { servicePrincipalId, jobId: job.id, cycleId, began, ended: clock.now(), outcome };
  if (only === undefined) store.provisioning.set(job.id, record);
  return { outcome, record };
}
