import * as vscode from 'vscode';
import { createJob, type CreateJobOutcome } from '../../graph/createJob';
import { jobState } from '../../graph/jobState';
import { listJobs } from '../../graph/synchronization';
import type { ServicePrincipal, SynchronizationTemplate } from '../../graph/types';
import { NotSignedInError } from '../connection';
import { showError } from '../notify';
import { pickServicePrincipal, pickTemplate } from '../pickers';
import { withProgress } from '../progress';
import type { Services } from './services';

/** A template node of the tree, or the same shape from anywhere else. */
export interface TemplateTarget {
  servicePrincipal: ServicePrincipal;
  template: SynchronizationTemplate;
}

/**
 * Create Synchronization Job: from a template in the tree, or from the palette (pick a service principal, then one of
 * its templates). Warns before a second job from the same template, creates with progress and cancellation, then
 * states the outcome, shows the response and the new job in the tree. Returns the outcome (for tests and callers).
 */
export async function createJobCommand(services: Services, target?: TemplateTarget): Promise<CreateJobOutcome | undefined> {
  try {
    const { client } = services.connection.requireConnection();
    const version = services.connection.apiVersion;
    const title = `Create Synchronization Job (Graph ${version})`;
    const servicePrincipal = target?.servicePrincipal ?? (await pickServicePrincipal(client, version, title));
    const template = servicePrincipal && (target?.template ?? (await pickTemplate(client, servicePrincipal, version, title)));
    if (!servicePrincipal || !template) return undefined;

    const where = `${template.id} on ${servicePrincipal.displayName}`;
    const jobsBefore = await withProgress(`Reading the jobs of ${servicePrincipal.displayName}…`, (signal) => listJobs(client, servicePrincipal.id, { version, signal }));
    const sameTemplate = jobsBefore.filter((job) => job.templateId === template.id);
    if (sameTemplate.length > 0) {
      const states = sameTemplate.map((job) => `${job.id} (${jobState(job)})`).join(', ');
      const confirmed = await services.prompts.confirm(
        `${servicePrincipal.displayName} already has a job from template ${template.id}. Create another one?`,
        `Existing: ${states}. Two jobs from one template provision the same objects twice.`,
        'Create Another Job',
      );
      if (!confirmed) return undefined;
    }

    const outcome = await withProgress(`Creating a synchronization job from ${where} (Graph ${version})…`, (signal) =>
      createJob(client, servicePrincipal.id, template.id, { version, signal, jobsBefore }),
    );
    await report(services, servicePrincipal, template, outcome);
    return outcome;
  } catch (error) {
    showError(error instanceof NotSignedInError ? 'Cannot create a job' : 'Could not create the job', error, services.log);
    return undefined;
  }
}

async function report(services: Services, servicePrincipal: ServicePrincipal, template: SynchronizationTemplate, outcome: CreateJobOutcome): Promise<void> {
  const where = `${template.id} on ${servicePrincipal.displayName}`;
  services.tree.refreshServicePrincipal(servicePrincipal);
  const shown = services.responses.showCreateOutcome(servicePrincipal, template.id, outcome);
  switch (outcome.kind) {
    case 'created': {
      services.log.info(`Created job ${outcome.job?.id ?? '(unreadable response)'} from ${where}.`);
      if (outcome.job) await revealJob(services, servicePrincipal, outcome.job.id);
      break;
    }
    case 'createdDespiteError':
      services.log.warn(`The create request for ${where} failed (${outcome.error.message}), but job ${outcome.job.id} exists.`);
      void vscode.window.showWarningMessage(`The request failed (${outcome.error.message}), but the job was created: ${outcome.job.id}. No second job was created.`);
      await revealJob(services, servicePrincipal, outcome.job.id);
      break;
    case 'notCreated': {
      const checked = outcome.checkedJobList ? ' (the job list was read again: there is no new job)' : '';
      showError(`The job from ${where} was not created${checked}`, outcome.error, services.log);
      break;
    }
    case 'unknown':
      showError(
        `Whether the job from ${where} was created is unknown: the request failed and the job list could not be read (${outcome.reconcileError.message}). Refresh the service principal before trying again`,
        outcome.error,
        services.log,
      );
      break;
  }
  await shown;
}

async function revealJob(services: Services, servicePrincipal: ServicePrincipal, jobId: string): Promise<void> {
  const node = await services.tree.findJob(servicePrincipal, jobId);
  // Only a service principal already listed (not filtered out, not on a later page) can be revealed.
  if (node && services.tree.view.visible) await services.tree.view.reveal(node, { select: true, focus: false, expand: true }).then(undefined, () => undefined);
}
