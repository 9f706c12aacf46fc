// When jobs run their synchronization cycles: one timer per active job on the emulator's clock. What a cycle does
// to a job is jobActions.ts's business; this decides when, and tells listeners (tests) a cycle completed.
import { graphTime, type EmulatorClock } from './clock';
import { credentialProblem } from './credentialCheck';
import { runCycle } from './jobActions';
import type { JobDocument } from './jobFactory';
import { engineTarget, provisionJob, type EngineTarget } from './provisioning/cycleRunner';
import { applyOutcome } from './provisioning/jobStatus';
import { sampleGroups, sampleUsers } from './sampleDirectory';
import type { TenantStore } from './tenantStore';
import type { CycleReport } from './types';

/** Every user and group of the sample directory is in scope (guess: real scope depends on assignments and SyncAll). */
const entriesInScope = () => [
  { key: 'user to User', value: sampleUsers.length },
  { key: 'group to Group', value: sampleGroups.length },
];

export class JobCycles {
  private timers = new Map<string, () => void>();
  private reports: CycleReport[] = [];
  /** Bumped by reset: a real cycle still running then does not write to the restored tenant. */
  private generation = 0;
  private readonly listeners = new Set<(report: CycleReport) => void>();
  private readonly throttleListeners = new Set<(jobId: string, retryAt: number) => void>();

  constructor(
    private readonly clock: EmulatorClock,
    private readonly store: TenantStore,
    /** Time between cycles of an active job (real tenants: 40 minutes; the emulator: seconds, configurable). */
    readonly cycleMs: number,
  ) {}

  /** After any change to a job: schedules its next cycle, or none when its schedule is not Active. */
  follow(servicePrincipalId: string, job: JobDocument): void {
    this.forget(servicePrincipalId, job.id);
    if (job.schedule.state !== 'Active') return;
    const quarantine = job.status.code === 'Quarantine' ? job.status.quarantine : null;
    const at = quarantine ? Date.parse(quarantine.nextAttempt) : this.clock.now() + this.cycleMs;
    this.timers.set(
      `${servicePrincipalId}/${job.id}`,
      this.clock.schedule(at, () => this.run(servicePrincipalId, job.id)),
    );
  }

  /** No more cycles for this job (deleted). */
  forget(servicePrincipalId: string, jobId: string): void {
    const key = `${servicePrincipalId}/${jobId}`;
    this.timers.get(key)?.();
    this.timers.delete(key);
  }

  /** Schedules the tenant's active jobs (after a reset). Seeded quarantines keep their fixed times and wait for a start. */
  followAll(): void {
    for (const [servicePrincipalId, job] of this.store.allJobs())
      if (job.status.code === 'Active') this.follow(servicePrincipalId, job);
  }

  /** Calls `listener` after every cycle; returns a function that stops it. */
  onCycle(listener: (report: CycleReport) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` when a real cycle waits for a 429's Retry-After; returns a function that stops it. */
  onThrottled(listener: (jobId: string, retryAt: number) => void): () => void {
    this.throttleListeners.add(listener);
    return () => this.throttleListeners.delete(listener);
  }

  completed(): CycleReport[] {
    return [...this.reports];
  }

  reset(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers = new Map();
    this.reports = [];
    this.generation++;
  }

  private run(servicePrincipalId: string, jobId: string): void {
    this.timers.delete(`${servicePrincipalId}/${jobId}`);
    const job = this.store.job(servicePrincipalId, jobId);
    if (!job || job.schedule.state !== 'Active') return;
    const target = engineTarget(this.store.secretsOf(servicePrincipalId));
    if (target) {
      void this.provision(servicePrincipalId, job, target);
      return;
    }
    runCycle(job, {
      now: this.clock.now(),
      credentialsValid:
        credentialProblem(this.store.secretsOf(servicePrincipalId), this.store.scimServerBaseAddress) === undefined,
      entries: entriesInScope(),
    });
    this.cycleDone(servicePrincipalId, job);
  }

  /** A real cycle (the engine, against the job's SCIM endpoint): asynchronous; the next one is scheduled after it. */
  private async provision(servicePrincipalId: string, job: JobDocument, target: EngineTarget): Promise<void> {
    const generation = this.generation;
    const { outcome, record } = await provisionJob(
      this.store,
      this.clock,
      servicePrincipalId,
      job,
      target,
      undefined,
      (at) => {
        for (const listener of this.throttleListeners) listener(job.id, at);
      },
    );
    if (generation !== this.generation || this.store.job(servicePrincipalId, job.id) !== job) return;
    // Its log entries are dated 1 ms apart from its beginning (provisioningLogs.ts): the cycle ends after the last,
    // so that log entries after lastExecution.timeEnded are the next cycle's (what the job view counts).
    applyOutcome(job, outcome, Math.max(this.clock.now(), record.began + outcome.entries.length));
    this.cycleDone(servicePrincipalId, job);
  }

  private cycleDone(servicePrincipalId: string, job: JobDocument): void {
    const report: CycleReport = {
      servicePrincipalId,
      jobId: job.id,
      at: graphTime(this.clock.now()),
      state: job.status.lastExecution?.state ?? 'Failed',
      statusCode: job.status.code,
      scheduleState: job.schedule.state,
    };
    this.reports.push(report);
    this.follow(servicePrincipalId, job);
    for (const listener of this.listeners) listener(report);
  }
}
