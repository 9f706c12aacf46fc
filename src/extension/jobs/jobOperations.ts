import type { GraphClient, GraphResponse } from '../../graph/client';
import { parseJob } from '../../graph/parseJob';
import { GraphRequestError } from '../../graph/errors';
import {
  deleteJob,
  eventualConsistencyRetries,
  getJob,
  listJobs,
  restartJob,
  runJobAction,
  type JobAction,
} from '../../graph/synchronization';
import type { RestartScope, ServicePrincipal, SynchronizationJob } from '../../graph/types';
import type { EntityStore } from '../../model/entityStore';
import type { ConnectionManager } from '../connection';
import { describedAs } from '../failures';
import { safe } from '../plainText';
import type { Ui } from '../ui';
import { describeJob, type JobTarget } from './jobTarget';

/** [verb, present participle, past tense] */
type Verb = [string, string, string];

const verbs = {
  start: ['start', 'Starting', 'Started'],
  pause: ['pause', 'Pausing', 'Paused'],
  restart: ['restart', 'Restarting', 'Restarted'],
  delete: ['delete', 'Deleting', 'Deleted'],
} satisfies Record<string, Verb>;

/**
 * Every read and change of a job, for the commands and the response view alike. Each calls Graph with progress,
 * then puts what Graph answered in the store (the job read again, or removed), so every view shows the same job.
 * Failures are thrown as Failure ("Could not start the … job"); the command registry shows them.
 */
export class JobOperations {
  constructor(
    private readonly connection: ConnectionManager,
    private readonly store: EntityStore,
    private readonly ui: Ui,
  ) {}

  start(target: JobTarget): Promise<GraphResponse | GraphRequestError> {
    return this.changeAndRead(target, verbs.start, (client, signal) => this.action(client, target, 'start', signal));
  }

  pause(target: JobTarget): Promise<GraphResponse | GraphRequestError> {
    return this.changeAndRead(target, verbs.pause, (client, signal) => this.action(client, target, 'pause', signal));
  }

  restart(target: JobTarget, scopes: RestartScope[]): Promise<GraphResponse | GraphRequestError> {
    return this.changeAndRead(target, verbs.restart, (client, signal) =>
      restartJob(client, target.servicePrincipal.id, target.job.id, scopes, {
        version: this.connection.apiVersion,
        signal,
        eventualConsistencyRetries,
      }),
    );
  }

  async delete(target: JobTarget): Promise<void> {
    await this.change(target, verbs.delete, (client, signal) =>
      deleteJob(client, target.servicePrincipal.id, target.job.id, {
        version: this.connection.apiVersion,
        signal,
        eventualConsistencyRetries,
      }),
    );
    this.store.removeJob(target.servicePrincipal.id, target.job.id);
  }

  /**
   * GET the job; the answer goes to the store (a 404 removes it). Resolves to the exchange, or the Graph error the
   * view shows (a cancel is thrown).
   */
  async read(
    target: Pick<JobTarget, 'servicePrincipal'> & { job: Pick<SynchronizationJob, 'id'> },
    options: { quiet?: boolean } = {},
  ): Promise<GraphResponse | GraphRequestError> {
    const { client } = this.connection.requireConnection();
    const { servicePrincipal, job } = target;
    // Named as the tree names it, not by its ~80-character id.
    const what = describeJob(
      { servicePrincipal, job: this.store.job(servicePrincipal.id, job.id)?.value ?? job },
      this.store,
    );
    const get = (signal?: AbortSignal) =>
      getJob(client, servicePrincipal.id, job.id, {
        version: this.connection.apiVersion,
        signal,
        eventualConsistencyRetries,
      });
    try {
      // quiet: a view's own refresh, which the user did not ask for, shows in the status bar only.
      const response = options.quiet
        ? await this.ui.quietProgress(`Reading the ${what}…`, () => get())
        : await this.ui.progress(`Reading the ${what}…`, get);
      const read = parseJob(response.text);
      if (read) this.store.putJob(servicePrincipal.id, read);
      return response;
    } catch (error) {
      if (!(error instanceof GraphRequestError) || error.kind === 'cancelled') throw error;
      if (error.status === 404) this.store.removeJob(servicePrincipal.id, job.id);
      else this.store.markJobStale(servicePrincipal.id, job.id);
      return error;
    }
  }

  /** The service principal's job list, read now; the store gets it whole. */
  async list(servicePrincipal: Pick<ServicePrincipal, 'id' | 'displayName'>): Promise<SynchronizationJob[]> {
    const { client } = this.connection.requireConnection();
    const jobs = await this.ui.progress(safe`Reading the jobs of ${servicePrincipal.displayName}…`, (signal) =>
      listJobs(client, servicePrincipal.id, { version: this.connection.apiVersion, signal }),
    );
    this.store.putJobs(servicePrincipal.id, jobs);
    return jobs;
  }

  private action(
    client: GraphClient,
    target: JobTarget,
    action: JobAction,
    signal: AbortSignal,
  ): Promise<GraphResponse> {
    return runJobAction(client, target.servicePrincipal.id, target.job.id, action, {
      version: this.connection.apiVersion,
      signal,
      eventualConsistencyRetries,
    });
  }

  /** Sends the change, then reads the job again so the store (and every view) shows its new state. */
  private async changeAndRead(
    target: JobTarget,
    verb: Verb,
    send: (client: GraphClient, signal: AbortSignal) => Promise<unknown>,
  ): Promise<GraphResponse | GraphRequestError> {
    await this.change(target, verb, send);
    // Until the read answers, the store's copy shows the state before the change.
    this.store.markJobStale(target.servicePrincipal.id, target.job.id);
    return this.read(target);
  }

  private async change(
    target: JobTarget,
    [verb, doing, done]: Verb,
    send: (client: GraphClient, signal: AbortSignal) => Promise<unknown>,
  ): Promise<void> {
    const what = describeJob(target, this.store);
    await describedAs(`Could not ${verb} the ${what}`, () => {
      const { client } = this.connection.requireConnection();
      return this.ui.progress(`${doing} the ${what}…`, (signal) => send(client, signal));
    });
    this.ui.status(`$(check) ${done} the ${what}.`);
  }
}
