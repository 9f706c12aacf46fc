import { createJob, type CreateJobOutcome } from '../../graph/createJob';
import { CreateJobTracker, type CreateJobKey } from '../../graph/createJobTracker';
import type { ServicePrincipal, SynchronizationJob, SynchronizationTemplate } from '../../graph/types';
import type { EntityStore } from '../../model/entityStore';
import type { ConnectionManager } from '../connection';
import { safe } from '../plainText';
import type { Ui } from '../ui';
import type { JobOperations } from './jobOperations';

/** What the create found instead of creating: a job that appeared since an earlier, unfinished create. */
export interface AlreadyAppeared {
  kind: 'appeared';
  jobs: SynchronizationJob[];
}

/**
 * Creating a job, at most once: one create per service principal + template at a time (a second one rejects with
 * CreateInFlightError before sending anything), and after a create whose outcome was left open the next one reads the
 * job list again: a job that appeared is reported instead of creating another; otherwise the user must confirm.
 */
export class JobCreation {
  readonly tracker = new CreateJobTracker();

  constructor(
    private readonly connection: ConnectionManager,
    private readonly store: EntityStore,
    private readonly ui: Ui,
    private readonly jobs: JobOperations,
  ) {}

  /**
   * `confirmAnother` is asked when the service principal already has jobs from the template; false sends nothing.
   * Resolves to undefined when the user declined.
   */
  create(
    servicePrincipal: ServicePrincipal,
    template: SynchronizationTemplate,
    confirmAnother: (sameTemplate: SynchronizationJob[]) => Promise<boolean>,
  ): Promise<CreateJobOutcome | AlreadyAppeared | undefined> {
    const key: CreateJobKey = { servicePrincipalId: servicePrincipal.id, templateId: template.id };
    return this.tracker.run(key, async () => {
      const jobsBefore = await this.jobs.list(servicePrincipal);
      if (this.tracker.pending(key)) {
        const appeared = this.tracker.appearedSince(key, jobsBefore);
        if (appeared.length > 0) {
          this.tracker.forget(key);
          return { kind: 'appeared', jobs: appeared };
        }
        const confirmed = await this.ui.confirm(
          safe`An earlier create of a ${template.id} job on ${servicePrincipal.displayName} may still be in progress.`,
          'Its request failed without a clear answer and the job list does not show its job yet. Creating again may make two jobs; refresh in a minute to see whether it appeared.',
          'Create Anyway',
        );
        if (!confirmed) return undefined;
      }
      const sameTemplate = jobsBefore.filter((job) => job.templateId === template.id);
      if (sameTemplate.length > 0 && !(await confirmAnother(sameTemplate))) return undefined;
      const outcome = await this.send(servicePrincipal, template);
      this.remember(key, outcome);
      return outcome;
    });
  }

  private send(servicePrincipal: ServicePrincipal, template: SynchronizationTemplate): Promise<CreateJobOutcome> {
    const { client } = this.connection.requireConnection();
    const version = this.connection.apiVersion;
    return Promise.resolve(
      this.ui.progress(
        safe`Creating a synchronization job from ${template.id} on ${servicePrincipal.displayName} (Graph ${version})…`,
        (signal) => createJob(client, servicePrincipal.id, template.id, { version, signal }),
      ),
    );
  }

  /** Puts a created job in the store; keeps a create whose outcome is open for the next one to check. */
  private remember(key: CreateJobKey, outcome: CreateJobOutcome): void {
    switch (outcome.kind) {
      case 'created':
      case 'createdDespiteError':
        this.tracker.forget(key);
        if (outcome.job) this.store.putJob(key.servicePrincipalId, outcome.job);
        return;
      case 'notCreated':
        this.tracker.forget(key);
        return;
      case 'severalNewJobs':
        // The jobs are listed: nothing is pending, but which one is ours is for the user to judge.
        this.tracker.forget(key);
        for (const job of outcome.jobs) this.store.putJob(key.servicePrincipalId, job);
        return;
      case 'notVisibleYet':
      case 'unknown':
        this.tracker.remember({ key, sentAt: outcome.sentAt, knownJobIds: outcome.knownJobIds });
        return;
    }
  }
}
