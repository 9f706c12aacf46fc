// At most one job per service principal + template: one create at a time, and a create whose outcome was left open
// (not visible yet, unknown) is remembered so that the next one reads the job list again before sending anything.
// Minimal copy of the "hardening" branch's tracker (same API); the lead keeps theirs at merge.
import type { SynchronizationJob } from './types';

export interface CreateJobKey {
  servicePrincipalId: string;
  templateId: string;
}

export interface PendingCreate {
  key: CreateJobKey;
  sentAt: Date;
  knownJobIds: string[];
}

export class CreateInFlightError extends Error {
  constructor(readonly key: CreateJobKey) {
    super(`A job from template ${key.templateId} is already being created for this service principal.`);
    this.name = 'CreateInFlightError';
  }
}

const keyOf = (key: CreateJobKey) => `${key.servicePrincipalId}\n${key.templateId}`;

export class CreateJobTracker {
  private readonly inFlight = new Set<string>();
  private readonly pendingCreates = new Map<string, PendingCreate>();

  /** Runs the create unless one for the same key runs: then rejects with CreateInFlightError, sending nothing. */
  async run<T>(key: CreateJobKey, create: () => Promise<T>): Promise<T> {
    const id = keyOf(key);
    if (this.inFlight.has(id)) throw new CreateInFlightError(key);
    this.inFlight.add(id);
    try {
      return await create();
    } finally {
      this.inFlight.delete(id);
    }
  }

  isInFlight(key: CreateJobKey): boolean {
    return this.inFlight.has(keyOf(key));
  }

  pending(key: CreateJobKey): PendingCreate | undefined {
    return this.pendingCreates.get(keyOf(key));
  }

  remember(pending: PendingCreate): void {
    this.pendingCreates.set(keyOf(pending.key), pending);
  }

  forget(key: CreateJobKey): void {
    this.pendingCreates.delete(keyOf(key));
  }

  /** Jobs from the key's template in jobsNow that were not known when the pending create was sent. */
  appearedSince(key: CreateJobKey, jobsNow: SynchronizationJob[]): SynchronizationJob[] {
    const known = new Set(this.pending(key)?.knownJobIds ?? []);
    return jobsNow.filter((job) => job.templateId === key.templateId && !known.has(job.id));
  }
}
