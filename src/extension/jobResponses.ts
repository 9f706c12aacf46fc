import * as vscode from 'vscode';
import type { CreateJobOutcome } from '../graph/createJob';
import { GraphRequestError } from '../graph/errors';
import { eventualConsistencyRetries, getJob } from '../graph/synchronization';
import type { ServicePrincipal } from '../graph/types';
import { describeCreateOutcome, describeJobRead } from '../responses/describeResponse';
import type { ResponseViewModel } from '../webview/protocol';
import type { ConnectionManager } from './connection';
import { showError } from './notify';
import { withProgress } from './progress';
import { ResponsePanel, type ResponseActions } from './responsePanel';
import { startJob } from './commands/jobCommands';
import type { ServicePrincipalsTree } from './tree/servicePrincipalsTree';

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

  /** Start Job in the response view: starts it as the tree does, then shows the job as Graph now reports it. */
  async startJob(view: ResponseViewModel): Promise<void> {
    const job = view.job;
    if (!job) return;
    const servicePrincipal = { id: job.servicePrincipalId, displayName: job.servicePrincipalName };
    const started = await startJob({ connection: this.connection, tree: this.tree, log: this.log }, { servicePrincipal, job: { id: job.jobId } });
    if (started) await this.showJob(servicePrincipal, job.jobId);
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
