// When jobs run their synchronization cycles: one timer per active job on the emulator's clock. What a cycle does
// to a job is jobActions.ts's business; this decides when, and tells listeners (tests) a cycle completed.
import { graphTime, type EmulatorClock } from './clock';
import { credentialProblem } from './credentialCheck';
import { runCycle } from './jobActions';
import type { JobDocument } from './jobFactory';
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
  private readonly listeners = new Set<(report: CycleReport) => void>();

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

  completed(): CycleReport[] {
    return [...this.reports];
  }

  reset(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers = new Map();
    this.reports = [];
  }

  private run(servicePrincipalId: string, jobId: string): void {
    this.timers.delete(`${servicePrincipalId}/${jobId}`);
    const job = this.store.job(servicePrincipalId, jobId);
    if (!job || job.schedule.state !== 'Active') return;
    const now = this.clock.now();
    runCycle(job, {
      now,
      credentialsValid: credentialProblem(this.store.secretsOf(servicePrincipalId)) === undefined,
      entries: entriesInScope(),
    });
    const report: CycleReport = {
      servicePrincipalId,
      jobId,
      at: graphTime(now),
      state: job.status.lastExecution?.state ?? 'Failed',
      statusCode: job.status.code,
      scheduleState: job.schedule.state,
    };
    this.reports.push(report);
    this.follow(servicePrincipalId, job);
    for (const listener of this.listeners) listener(report);
  }
}
