import * as vscode from 'vscode';
import type { CreateJobOutcome } from '../graph/createJob';
import type { ServicePrincipal } from '../graph/types';
import type { StoreChange, EntityStore } from '../model/entityStore';
import { describeCreateOutcome, describeJobRead } from '../responses/describeResponse';
import { offersStart } from '../responses/jobReadOutcome';
import type { ResponseViewModel } from '../webview/protocol';
import type { CommandRegistry } from './commandRegistry';
import type { ConnectionManager } from './connection';
import type { JobOperations } from './jobs/jobOperations';
import { describeJob, labelOf, type JobTarget } from './jobs/jobTarget';
import { ResponsePanel, type ResponseActions } from './responsePanel';

type ServicePrincipalRef = Pick<ServicePrincipal, 'id' | 'displayName'>;

/**
 * Hosts the response view: shows Graph's answers about jobs (each validated against the synchronizationJob schema),
 * runs the view's job buttons through JobOperations, and keeps the view's job in step with the store: Start follows
 * the job's state wherever it changed, and a job deleted anywhere is shown as deleted, with nothing left to do to it.
 */
export class ResponseViewController implements vscode.Disposable, ResponseActions {
  readonly panel: ResponsePanel;
  private readonly storeSubscription: { dispose(): void };
  /** The job the view's own Start is acting on: the view shows the job read afterwards, in one new view. */
  private starting?: string;

  constructor(
    context: vscode.ExtensionContext,
    private readonly connection: ConnectionManager,
    private readonly store: EntityStore,
    private readonly jobs: JobOperations,
    private readonly registry: CommandRegistry,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.panel = new ResponsePanel(context, this, registry);
    this.storeSubscription = store.onDidChange((change) => this.follow(change));
  }

  showCreateOutcome(servicePrincipal: ServicePrincipal, templateId: string, outcome: CreateJobOutcome): Promise<void> {
    const view = describeCreateOutcome({ ...this.target(servicePrincipal), templateId }, outcome);
    this.logFindings(view.title, view.validation?.findings.length);
    return this.panel.show(view);
  }

  /**
   * GET the job and show the answer (a Graph error is shown in the view too, so it can be read again). From a tree
   * click the focus stays in the tree, as a preview does: the next key or right-click still goes to the row.
   */
  async showJob(
    target: Pick<JobTarget, 'servicePrincipal'> & { job: { id: string } },
    options: { preserveFocus?: boolean } = {},
  ): Promise<void> {
    const result = await this.jobs.read(target);
    const view = describeJobRead(this.readTarget(target), result);
    this.logFindings(view.title, view.validation?.findings.length);
    await this.panel.show(view, options);
  }

  /** Start Job in the view: starts it as the tree does, then shows the job as Graph now reports it. */
  async startJob(view: ResponseViewModel): Promise<void> {
    const target = this.jobTarget(view);
    if (!target) return;
    await this.registry.run(`Could not start the ${describeJob(target, this.store)}`, async () => {
      this.starting = target.job.id;
      const read = await this.jobs.start(target).finally(() => (this.starting = undefined));
      const shown = describeJobRead(this.readTarget(target), read);
      this.logFindings(shown.title, shown.validation?.findings.length);
      await this.panel.show(shown);
    });
  }

  /** Refresh in the view: GET the job again; the new answer is validated like the first. */
  async refresh(view: ResponseViewModel): Promise<void> {
    const target = this.jobTarget(view);
    if (target) await this.registry.run('Could not read the job', () => this.showJob(target));
  }

  /** The view's job changed in the store: Start follows its state; a deleted job offers nothing. */
  private follow(change: StoreChange): void {
    const view = this.panel.current;
    const job = view?.job;
    if (
      !view ||
      !job ||
      (change.entity !== 'job' && change.entity !== 'jobs') ||
      change.servicePrincipalId !== job.servicePrincipalId
    )
      return;
    if (change.entity === 'job' && change.jobId !== job.jobId) return;
    // The view's own Start shows the job once it is read again: no intermediate view (keyboard focus stays put).
    if (this.starting === job.jobId && !(change.entity === 'job' && change.removed)) return;
    const read = this.store.job(job.servicePrincipalId, job.jobId);
    // Only a delete or a 404 says the job is gone; a list without it may just lag behind a create (eventual consistency).
    if (change.entity === 'job' && change.removed) {
      void this.panel.update({
        ...view,
        job: undefined,
        outcome: {
          kind: 'warning',
          summary: 'This job was deleted: nothing more can be done to it. Its last answer from Graph is shown below.',
          // The old outcome ("created, disabled until you start it") would advise what can no longer succeed.
          hint: 'Create a new job from the template if one is needed.',
        },
      });
      return;
    }
    if (!read) {
      // A job list without it: the job may be gone, or the list may lag behind a create. Start might fail; Refresh
      // (still offered) reads the job and tells which.
      if (change.entity === 'jobs' && job.canStart)
        void this.panel.update({ ...view, job: { ...job, canStart: false } });
      return;
    }
    const startable = !read.stale && offersStart(read.value);
    if (startable !== job.canStart) void this.panel.update({ ...view, job: { ...job, canStart: startable } });
  }

  private jobTarget(view: ResponseViewModel): JobTarget | undefined {
    const job = view.job;
    if (!job) return undefined;
    const templateId = this.store.job(job.servicePrincipalId, job.jobId)?.value.templateId;
    return {
      servicePrincipal: { id: job.servicePrincipalId, displayName: job.servicePrincipalName },
      job: { id: job.jobId, templateId },
    };
  }

  /** The job named by its short label, as the tree names it; its templateId from the store when the caller lacks it. */
  private readTarget(target: Pick<JobTarget, 'servicePrincipal'> & { job: { id: string } }) {
    const templateId = this.store.job(target.servicePrincipal.id, target.job.id)?.value.templateId;
    const job = { templateId, ...target.job };
    return {
      ...this.target(target.servicePrincipal),
      jobId: job.id,
      jobLabel: labelOf({ servicePrincipal: target.servicePrincipal, job }, this.store),
      now: new Date(),
    };
  }

  private target(servicePrincipal: ServicePrincipalRef) {
    const state = this.connection.current;
    return {
      servicePrincipalId: servicePrincipal.id,
      servicePrincipalName: servicePrincipal.displayName,
      version: this.connection.apiVersion,
      // Named as the status bar names it.
      cloud: state.kind === 'signedIn' ? state.connection.endpoint.displayName : undefined,
    };
  }

  private logFindings(title: string, findings: number | undefined): void {
    if (findings !== undefined)
      this.log.info(`${title}: ${findings === 0 ? 'valid' : `${findings} schema finding(s)`}.`);
  }

  dispose(): void {
    this.storeSubscription.dispose();
    this.panel.dispose();
  }
}
