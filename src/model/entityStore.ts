// What has been read from the tenant, in one place: service principals, and per service principal its templates and
// jobs, keyed by id, each with the time it was read. Views render from here and listen to its changes; writes go
// through the operations modules, which put here what Graph answered. No vscode import: tested in plain Node.
import type { ServicePrincipal, SynchronizationJob, SynchronizationTemplate } from '../graph/types';

export interface Read<T> {
  value: T;
  readAt: Date;
  /** Changed in the tenant since it was read (a write whose answer did not say how): read it again before trusting it. */
  stale: boolean;
}

export type StoreChange =
  | { entity: 'servicePrincipals' }
  | { entity: 'templates'; servicePrincipalId: string }
  | { entity: 'jobs'; servicePrincipalId: string }
  | { entity: 'job'; servicePrincipalId: string; jobId: string; removed: boolean };

export type Listener = (change: StoreChange) => void;

export class EntityStore {
  private readonly servicePrincipalsById = new Map<string, Read<ServicePrincipal>>();
  private readonly templatesBySp = new Map<string, Read<SynchronizationTemplate[]>>();
  private readonly jobsBySp = new Map<string, Map<string, Read<SynchronizationJob>>>();
  private readonly listeners = new Set<Listener>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Calls the listener on every change; returns its unsubscription (a vscode.Disposable-compatible object). */
  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  servicePrincipal(id: string): Read<ServicePrincipal> | undefined {
    return this.servicePrincipalsById.get(id);
  }

  /** Service principals as a page listed them (adds to those already read: pages accumulate). */
  putServicePrincipals(servicePrincipals: readonly ServicePrincipal[]): void {
    const readAt = this.now();
    for (const value of servicePrincipals) this.servicePrincipalsById.set(value.id, { value, readAt, stale: false });
    this.emit({ entity: 'servicePrincipals' });
  }

  templates(servicePrincipalId: string): Read<SynchronizationTemplate[]> | undefined {
    return this.templatesBySp.get(servicePrincipalId);
  }

  putTemplates(servicePrincipalId: string, templates: SynchronizationTemplate[]): void {
    this.templatesBySp.set(servicePrincipalId, { value: templates, readAt: this.now(), stale: false });
    this.emit({ entity: 'templates', servicePrincipalId });
  }

  /** The service principal's jobs, or undefined when they were never listed. */
  jobs(servicePrincipalId: string): Read<SynchronizationJob>[] | undefined {
    const jobs = this.jobsBySp.get(servicePrincipalId);
    return jobs && [...jobs.values()];
  }

  job(servicePrincipalId: string, jobId: string): Read<SynchronizationJob> | undefined {
    return this.jobsBySp.get(servicePrincipalId)?.get(jobId);
  }

  /** The whole job list as Graph just listed it: jobs not in it are gone. Fires only when the list differs. */
  putJobs(servicePrincipalId: string, jobs: readonly SynchronizationJob[]): void {
    const readAt = this.now();
    const before = this.jobsBySp.get(servicePrincipalId);
    const same = before?.size === jobs.length && jobs.every((job) => sameJob(before.get(job.id), job));
    this.jobsBySp.set(servicePrincipalId, new Map(jobs.map((value) => [value.id, { value, readAt, stale: false }])));
    if (!same) this.emit({ entity: 'jobs', servicePrincipalId });
  }

  /** One job as Graph just answered it (created, read again). Fires only when it differs from what was read before. */
  putJob(servicePrincipalId: string, job: SynchronizationJob): void {
    let jobs = this.jobsBySp.get(servicePrincipalId);
    if (!jobs) this.jobsBySp.set(servicePrincipalId, (jobs = new Map()));
    const same = sameJob(jobs.get(job.id), job);
    jobs.set(job.id, { value: job, readAt: this.now(), stale: false });
    // Views re-render on a change (a tree row under the pointer included): a read that changed nothing is none.
    if (!same) this.emit({ entity: 'job', servicePrincipalId, jobId: job.id, removed: false });
  }

  /** A write changed the job in a way its answer does not show; views keep it, marked, until it is read again. */
  markJobStale(servicePrincipalId: string, jobId: string): void {
    const read = this.job(servicePrincipalId, jobId);
    if (!read || read.stale) return;
    read.stale = true;
    this.emit({ entity: 'job', servicePrincipalId, jobId, removed: false });
  }

  removeJob(servicePrincipalId: string, jobId: string): void {
    const removed = this.jobsBySp.get(servicePrincipalId)?.delete(jobId) ?? false;
    if (removed) this.emit({ entity: 'job', servicePrincipalId, jobId, removed: true });
  }

  /** Forgets everything (another tenant, another API version, signed out). */
  clear(): void {
    this.servicePrincipalsById.clear();
    this.templatesBySp.clear();
    this.jobsBySp.clear();
    this.emit({ entity: 'servicePrincipals' });
  }

  private emit(change: StoreChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}

/** A fresh copy that says what the one read before said (and that one was not stale). Jobs are small: JSON is cheap. */
function sameJob(before: Read<SynchronizationJob> | undefined, job: SynchronizationJob): boolean {
  return before !== undefined && !before.stale && JSON.stringify(before.value) === JSON.stringify(job);
}
