// What a repeat scan of the same tenant may reuse (ScanOptions.reuse), kept between scans by the Health view and the
// CLI's --reuse file, and how they say what was reused.
import type { ScanMemory, ScanProgress } from './scan';

/** Empty job lists older than this are read again: an hour bounds how long a job created meanwhile goes unseen. */
export const reuseMaxAgeMs = 60 * 60 * 1000;

/** The memory without a service principal that has jobs now (one created from this extension, say). */
export function forgetServicePrincipal(memory: ScanMemory, servicePrincipalId: string): ScanMemory {
  if (!memory.withoutJobs.has(servicePrincipalId)) return memory;
  const withoutJobs = new Set(memory.withoutJobs);
  withoutJobs.delete(servicePrincipalId);
  return { ...memory, withoutJobs };
}

/** "12 service principals without jobs not asked again (their empty job lists are from 3 min ago)", or undefined. */
export function describeReuse(progress: ScanProgress, memory: ScanMemory, now: Date): string | undefined {
  const reused = progress.jobListsReused;
  if (reused === 0) return undefined;
  const minutes = Math.max(0, Math.round((now.getTime() - memory.at) / 60_000));
  const ago = minutes === 0 ? 'less than a minute ago' : `${minutes} min ago`;
  const what = reused === 1 ? '1 service principal' : `${reused} service principals`;
  return `${what} without jobs not asked again (their empty job lists were read ${ago})`;
}

/** The memory as JSON text (the CLI's --reuse file), for this tenant. */
export function memoryToJson(memory: ScanMemory, tenant: string): string {
  return `${JSON.stringify({ tenant, at: new Date(memory.at).toISOString(), withoutJobs: [...memory.withoutJobs] })}\n`;
}

/** A memory read back, or undefined when the text is not one or is another tenant's: the scan then reads everything. */
export function memoryFromJson(text: string, tenant: string): ScanMemory | undefined {
  try {
    const value = JSON.parse(text) as { tenant?: unknown; at?: unknown; withoutJobs?: unknown };
    const at = typeof value.at === 'string' ? Date.parse(value.at) : NaN;
    const ids = value.withoutJobs;
    if (value.tenant !== tenant || Number.isNaN(at) || !Array.isArray(ids)) return undefined;
    if (!ids.every((id): id is string => typeof id === 'string')) return undefined;
    return { at, withoutJobs: new Set(ids) };
  } catch {
    return undefined;
  }
}
