import * as vscode from 'vscode';
import type { CreateJobOutcome } from '../graph/createJob';
import { GraphRequestError } from '../graph/errors';
import { getJob } from '../graph/synchronization';
import type { ServicePrincipal } from '../graph/types';
import { describeCreateOutcome, describeJobRead } from '../responses/describeResponse';
import type { ConnectionManager } from './connection';
import { showError } from './notify';
import { withProgress } from './progress';
import { ResponsePanel } from './responsePanel';

/** Transient 404 right after a create: the job exists but Graph has not caught up, so the read is tried again. */
const eventualConsistencyRetries = 3;

/** Shows Graph's answers about jobs in the response view, each validated against the synchronizationJob schema. */
export class JobResponses implements vscode.Disposable {
  readonly panel: ResponsePanel;

  constructor(
    context: vscode.ExtensionContext,
    private readonly connection: ConnectionManager,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.panel = new ResponsePanel(context);
  }

  showCreateOutcome(servicePrincipal: ServicePrincipal, templateId: string, outcome: CreateJobOutcome): Promise<void> {
    const view = describeCreateOutcome({ servicePrincipalName: servicePrincipal.displayName, templateId, version: this.connection.apiVersion }, outcome);
    this.logFindings(view.title, view.validation?.findings.length);
    return this.panel.show(view);
  }

  async showJob(servicePrincipal: ServicePrincipal, jobId: string): Promise<void> {
    try {
      const { client } = this.connection.requireConnection();
      const version = this.connection.apiVersion;
      const result = await withProgress(`Reading job ${jobId}…`, (signal) =>
        getJob(client, servicePrincipal.id, jobId, { version, signal, eventualConsistencyRetries }).catch((error: unknown) => {
          if (error instanceof GraphRequestError && error.kind !== 'cancelled') return error;
          throw error;
        }),
      );
      const view = describeJobRead({ servicePrincipalName: servicePrincipal.displayName, jobId, version }, result);
      this.logFindings(view.title, view.validation?.findings.length);
      await this.panel.show(view);
    } catch (error) {
      if (error instanceof GraphRequestError && error.kind === 'cancelled') return;
      showError('Could not show the job', error, this.log);
    }
  }

  private logFindings(title: string, findings: number | undefined): void {
    if (findings !== undefined) this.log.info(`${title}: ${findings === 0 ? 'valid' : `${findings} schema finding(s)`}.`);
  }

  dispose(): void {
    this.panel.dispose();
  }
}
