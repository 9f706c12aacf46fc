// The tenant-wide health scan: every service principal that can have provisioning jobs, its jobs, each job judged.
// Round trips are the cost on a real network, so the scan makes as few as Graph allows and keeps several in flight:
// pages of 999 service principals ($select, narrowed to those created from an application template), and the job
// lists of 20 service principals per $batch. Results stream out as events while the scan goes on.
import { batchGet, maxBatchSize, type BatchResult } from '../graph/batch';
import type { GraphClient } from '../graph/client';
import type { GraphRequestError } from '../graph/errors';
import { listServicePrincipals, nextServicePrincipalPage, type Page } from '../graph/servicePrincipals';
import { synchronizationPath } from '../graph/synchronization';
import type { ApiVersion, ServicePrincipal, SynchronizationJob } from '../graph/types';
import { assessJobHealth, defaultThresholds, type HealthThresholds, type JobHealth } from './jobHealth';

export interface ScanOptions {
  version?: ApiVersion;
  /** Aborting stops the scan at once: requests in flight are cancelled and the iteration throws the abort reason. */
  signal?: AbortSignal;
  /** Requests in flight at most, pages and batches together (default 6). */
  concurrency?: number;
  /** Service principals per page, 1–999 (default 999: the fewest round trips). */
  pageSize?: number;
  /**
   * Read every service principal's jobs, not only those created from an application template. The default filter
   * (`applicationTemplateId ne null`) already includes the non-gallery SCIM app (template 8adf8e6e-…), gallery apps,
   * Cloud Sync and cross-tenant sync; FACTS.md: only those have synchronization templates.
   */
  allServicePrincipals?: boolean;
  /** The time jobs are judged at (default: when the scan starts). */
  now?: Date;
  thresholds?: HealthThresholds;
  /**
   * Reuse from an earlier scan of the same tenant. Graph offers no ETag or delta for synchronization jobs, so a job
   * list can only be known unchanged by reading it; what is reused is a bet, made only when asked: service principals
   * that had no jobs at `memory.at` are not read again if that is at most `maxAgeMs` ago. They are counted as
   * `jobListsReused`, and a job created since then is missed until a scan without reuse. (`GET /servicePrincipals/delta`
   * does not help: it reports changes to service principal objects, and creating or quarantining a job changes none.)
   */
  reuse?: { memory: ScanMemory; maxAgeMs: number };
}

export interface ScanRow {
  servicePrincipal: ServicePrincipal;
  job: SynchronizationJob;
  health: JobHealth;
}

export interface ScanProblem {
  servicePrincipal: ServicePrincipal;
  /** 'deleted': the service principal was listed, then gone when its jobs were read (404). */
  kind: 'deleted' | 'error';
  error: GraphRequestError;
}

export interface ScanProgress {
  servicePrincipalsListed: number;
  /** From `$count` on the first page; undefined until then. */
  servicePrincipalsTotal?: number;
  jobListsRead: number;
  jobListsReused: number;
  jobsFound: number;
  pages: number;
  batches: number;
}

/** What a repeat scan may reuse (see ScanOptions.reuse). */
export interface ScanMemory {
  /**
   * When its oldest knowledge was read (ms since epoch): the scan's start, or, when that scan reused an older
   * memory, that memory's `at`, so that a chain of repeat scans never makes an old empty job list look fresh.
   */
  at: number;
  /** Ids of service principals whose job list was empty. */
  withoutJobs: ReadonlySet<string>;
}

export type ScanEvent =
  | { kind: 'servicePrincipals'; servicePrincipals: ServicePrincipal[]; progress: ScanProgress }
  | { kind: 'rows'; rows: ScanRow[]; progress: ScanProgress }
  | { kind: 'problem'; problem: ScanProblem; progress: ScanProgress }
  | { kind: 'done'; progress: ScanProgress; memory: ScanMemory };

/**
 * Scans the tenant. The scan advances while the caller iterates: a caller that awaits slow work between events slows
 * it down (back-pressure); breaking out of the loop cancels what is in flight.
 */
export async function* scanTenant(
  client: GraphClient,
  options: ScanOptions = {},
): AsyncGenerator<ScanEvent, void, undefined> {
  const controller = new AbortController();
  const stop = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  const signal = controller.signal;
  const call = { version: options.version, signal };
  const now = options.now ?? new Date();
  const concurrency = Math.max(1, options.concurrency ?? 6);
  const thresholds = options.thresholds ?? defaultThresholds;
  const reusable = reusableIds(options, now.getTime());
  const progress: ScanProgress = {
    servicePrincipalsListed: 0,
    jobListsRead: 0,
    jobListsReused: 0,
    jobsFound: 0,
    pages: 0,
    batches: 0,
  };
  const snapshot = () => ({ ...progress });
  const withoutJobs = new Set<string>();
  const waiting: ServicePrincipal[] = [];
  const ready: ScanEvent[] = [];
  const inFlight = new Set<Promise<void>>();
  let nextLink: string | undefined;
  // An object, so that TypeScript does not narrow it across the awaits that change it.
  const listing: { state: 'notStarted' | 'running' | 'done' } = { state: 'notStarted' };
  let failure: { error: unknown } | undefined;

  const run = (work: () => Promise<void>) => {
    const task: Promise<void> = work()
      .catch((error: unknown) => {
        if (!signal.aborted) failure ??= { error };
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  };

  const readPage = async () => {
    const query = { onlyFromApplicationTemplates: !options.allServicePrincipals, pageSize: options.pageSize ?? 999 };
    const page: Page<ServicePrincipal> = nextLink
      ? await nextServicePrincipalPage(client, nextLink, call)
      : await listServicePrincipals(client, query, call);
    progress.pages++;
    progress.servicePrincipalsListed += page.items.length;
    progress.servicePrincipalsTotal ??= page.totalCount;
    nextLink = page.nextLink;
    listing.state = nextLink ? 'notStarted' : 'done';
    for (const sp of page.items) {
      if (reusable.has(sp.id)) {
        progress.jobListsReused++;
        withoutJobs.add(sp.id);
      } else waiting.push(sp);
    }
    ready.push({ kind: 'servicePrincipals', servicePrincipals: page.items, progress: snapshot() });
  };

  const readJobs = async (servicePrincipals: ServicePrincipal[]) => {
    const requests = servicePrincipals.map((sp, i) => ({ id: String(i), path: `${synchronizationPath(sp.id)}/jobs` }));
    const results = await batchGet(client, requests, call);
    progress.batches++;
    const rows: ScanRow[] = [];
    servicePrincipals.forEach((sp, i) => {
      const result = results.get(String(i)) as BatchResult<{ value?: SynchronizationJob[] }>;
      progress.jobListsRead++;
      if (!result.ok) {
        const kind = result.error.status === 404 ? 'deleted' : 'error';
        ready.push({
          kind: 'problem',
          problem: { servicePrincipal: sp, kind, error: result.error },
          progress: snapshot(),
        });
        return;
      }
      const jobs = result.value?.value ?? [];
      if (jobs.length === 0) withoutJobs.add(sp.id);
      progress.jobsFound += jobs.length;
      for (const job of jobs) rows.push({ servicePrincipal: sp, job, health: assessJobHealth(job, now, thresholds) });
    });
    if (rows.length > 0) ready.push({ kind: 'rows', rows, progress: snapshot() });
  };

  let finished = false;
  try {
    for (;;) {
      signal.throwIfAborted();
      if (failure) throw failure.error;
      // Hand out what is ready before starting more work: the caller sees each page before its jobs are read.
      while (ready.length > 0) {
        yield ready.shift()!;
        signal.throwIfAborted();
      }
      while (inFlight.size < concurrency) {
        if (listing.state === 'notStarted') {
          listing.state = 'running';
          run(readPage);
        } else if (waiting.length >= maxBatchSize || (listing.state === 'done' && waiting.length > 0)) {
          run(() => readJobs(waiting.splice(0, maxBatchSize)));
        } else break;
      }
      if (inFlight.size === 0) break;
      await Promise.race(inFlight);
    }
    finished = true;
    const at = progress.jobListsReused > 0 ? options.reuse!.memory.at : now.getTime();
    yield { kind: 'done', progress: snapshot(), memory: { at, withoutJobs } };
  } finally {
    options.signal?.removeEventListener('abort', stop);
    if (!finished) controller.abort(options.signal?.reason);
    // Nothing keeps running once the iteration is over.
    await Promise.allSettled([...inFlight]);
  }
}

function reusableIds(options: ScanOptions, now: number): ReadonlySet<string> {
  const reuse = options.reuse;
  if (!reuse || now - reuse.memory.at > reuse.maxAgeMs) return new Set();
  return reuse.memory.withoutJobs;
}
