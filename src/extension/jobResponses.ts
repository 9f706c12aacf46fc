import * as vscode from 'vscode';
import type { CreateJobOutcome } from '../graph/createJob';
import { GraphRequestError } from '../graph/errors';
import { getJob, runJobAction } from '../graph/synchronization';
import type { ServicePrincipal } from '../graph/types';
import { describeCreateOutcome, describeJobRead } from '../responses/describeResponse';
import type { ResponseViewModel } from '../webview/protocol';
import type { ConnectionManager } from './connection';
import { showError } from './notify';
import { withProgress } from './progress';
import { ResponsePanel, type ResponseActions } from './responsePanel';
import type { ServicePrincipalsTree } from './tree/servicePrincipalsTree';

/** Transient 404 right after a create: the job exists but Graph has not caught up, so the request is tried again. */
const eventualConsistencyRetries = 3;

type ServicePrincipalRef = Pick<ServicePrincipal, 'id' | 'displayName'>;

/**
 * Shows Graph's answers about jobs in the response view, each validated against the synchronizationJob schema, and
 * does what the view's job buttons ask: start the job, read it again.
 */
export class JobResponses implements vscode.Disposable, ResponseActions {
  readonly panel: ResponsePanel;

  constructor(
    context: vscode.ExtensionContext,
    private readonly connection: ConnectionManager,
    private readonly tree: ServicePrincipalsTree,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.panel = new ResponsePanel(context, this);
  }

  showCreateOutcome(servicePrincipal: ServicePrincipal, templateId: string, outcome: CreateJobOutcome): Promise<void> {
    const view = describeCreateOutcome({ ...this.target(servicePrincipal), templateId }, outcome);
    this.logFindings(view.title, view.validation?.findings.length);
    return this.panel.show(view);
  }

  async showJob(servicePrincipal: ServicePrincipalRef, jobId: string): Promise<void> {
    try {
      const { client } = this.connection.requireConnection();
      const target = { ...this.target(servicePrincipal), jobId };
      const result = await withProgress(`Reading job ${jobId}…`, (signal) =>
        getJob(client, servicePrincipal.id, jobId, { version: target.version, signal, eventualConsistencyRetries }).catch((error: unknown) => {
          if (error instanceof GraphRequestError && error.kind !== 'cancelled') return error;
          throw error;
        }),
      );
      const view = describeJobRead(target, result);
      this.logFindings(view.title, view.validation?.findings.length);
      await this.panel.show(view);
    } catch (error) {
      if (error instanceof GraphRequestError && error.kind === 'cancelled') return;
      showError('Could not show the job', error, this.log);
    }
  }

  /** Start Job in the response view: starts it, updates the tree, and shows the job as Graph now reports it. */
  async startJob(view: ResponseViewModel): Promise<void> {
    const job = view.job;
    if (!job) return;
    const servicePrincipal = { id: job.servicePrincipalId, displayName: job.servicePrincipalName };
    try {
      const { client } = this.connection.requireConnection();
      const version = this.connection.apiVersion;
      await withProgress(`Starting job ${job.jobId}…`, (signal) => runJobAction(client, job.servicePrincipalId, job.jobId, 'start', { version, signal, eventualConsistencyRetries }));
      this.log.info(`Started job ${job.jobId} of ${job.servicePrincipalName}.`);
    } catch (error) {
      if (!(error instanceof GraphRequestError && error.kind === 'cancelled')) showError(`Could not start job ${job.jobId}`, error, this.log);
      return;
    } finally {
      this.tree.refreshServicePrincipal(servicePrincipal);
    }
    await this.showJob(servicePrincipal, job.jobId);
  }

  /** Refresh in the response view: GET the job again; the new answer is validated like the first. */
  async refresh(view: ResponseViewModel): Promise<void> {
    if (view.job) await this.showJob({ id: view.job.servicePrincipalId, displayName: view.job.servicePrincipalName }, view.job.jobId);
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
    if (findings !== undefined) this.log.info(`${title}: ${findings === 0 ? 'valid' : `${findings} schema finding(s)`}.`);
  }

  dispose(): void {
    this.panel.dispose();
  }
}
