// Provisioning log entries added on request (the control API), for tables of tens of thousands of rows: one large
// cycle of a job (an initial cycle over a big directory writes that many), its entries made as the emulator makes
// any run's entries (provisioningLogs.ts, shape from the provisioningObjectSummary reference page).
import { logEntriesForCycle } from './provisioningLogs';
import type { TenantStore } from './tenantStore';

/** Entries one seeding may add at most: enough for any table test, bounded so a typo cannot exhaust memory. */
export const maxSeededLogEntries = 100_000;

/** Adds `count` entries to job `jobId`'s logs, the newest just before `now`; false if there is no such job. */
export function seedProvisioningLogs(store: TenantStore, jobId: string, count: number, now: number): boolean {
  if (!Number.isInteger(count) || count < 1 || count > maxSeededLogEntries)
    throw new RangeError(`count must be a whole number from 1 to ${maxSeededLogEntries}, not ${count}`);
  for (const [servicePrincipalId, job] of store.allJobs()) {
    if (job.id !== jobId) continue;
    const sp = store.servicePrincipals.find((candidate) => candidate.id === servicePrincipalId);
    if (!sp) return false;
    // The generator spaces a run's entries 2 s apart: the run began long enough ago for the last one to be past.
    const began = now - (count + 1) * 2000;
    const entries = logEntriesForCycle({
      tenantId: store.tenantId,
      servicePrincipal: { id: sp.id, displayName: sp.displayName },
      jobId,
      cycleId: `${jobId}:seeded:${store.seededLogs.length}:${began}`,
      began,
      result: 'EntryLevelErrors',
      changes: count,
    });
    for (const entry of entries) store.seededLogs.push(entry);
    return true;
  }
  return false;
}
