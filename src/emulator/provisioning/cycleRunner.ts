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
import type { ProvisioningRecord } from './records';

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

/** Runs the engine for a job (all objects, or `only` one) and keeps the result as the job's last cycle. */
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
  const outcome = await provision({
    schema: jobSchemaOf(store, servicePrincipalId, job),
    users: store.directory.users,
    groups: store.directory.groups,
    clock,
    settings: job.synchronizationJobSettings,
    only,
    onThrottled,
    ...target,
  });
  const record: ProvisioningRecord = {
    servicePrincipalId,
    jobId: job.id,
    cycleId: randomUUID(),
    began,
    ended: clock.now(),
    outcome,
  };
  if (only === undefined) store.provisioning.set(job.id, record);
  return { outcome, record };
}
