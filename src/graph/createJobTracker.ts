// One create per service principal + template at a time, and a memory of creates whose result was not known when
// they ended, so that the next create can warn and re-check first. No vscode import: the extension holds one
// tracker per session; the Graph layer tests it in Node.
import { newJobsFrom } from './createJob';
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
  readonly key: CreateJobKey;

  constructor(key: CreateJobKey) {
    super(
      `A job from template ${key.templateId} is already being created on this service principal; wait for it to finish.`,
    );
    this.name = 'CreateInFlightError';
    this.key = key;
  }
}

// Ids are GUIDs and template ids have no newline: the pair is unambiguous.
const keyOf = ({ servicePrincipalId, templateId }: CreateJobKey) => `${servicePrincipalId}\n${templateId}`;

export class CreateJobTracker {
  private readonly inFlight = new Set<string>();
  private readonly pendingCreates = new Map<string, PendingCreate>();

  /** Runs `create` as the only create for this key; rejects with CreateInFlightError (before calling create) when one is already running. */
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

  /** A create whose result was not known when it ended (outcome notVisibleYet or unknown). */
  pending(key: CreateJobKey): PendingCreate | undefined {
    return this.pendingCreates.get(keyOf(key));
  }

  remember(pending: PendingCreate): void {
    this.pendingCreates.set(keyOf(pending.key), pending);
  }

  forget(key: CreateJobKey): void {
    this.pendingCreates.delete(keyOf(key));
  }

  /** Given the service principal's jobs now, the job(s) from the template that appeared since the pending create was sent. */
  appearedSince(key: CreateJobKey, jobsNow: SynchronizationJob[]): SynchronizationJob[] {
    const pending = this.pending(key);
    return pending ? newJobsFrom(key.templateId, pending.knownJobIds, jobsNow) : [];
  }
}
