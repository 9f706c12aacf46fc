import type { CreateJobOutcome } from '../../graph/createJob';
import { CreateInFlightError } from '../../graph/createJobTracker';
import { jobState } from '../../graph/jobState';
import type { ServicePrincipal, SynchronizationJob, SynchronizationTemplate } from '../../graph/types';
import { jobLabel } from '../../model/jobLabel';
import { describedAs, reportFailure } from '../failures';
import type { AlreadyAppeared } from '../jobs/jobCreation';
import { pickServicePrincipal, pickTemplate } from '../pickers';
import { safe } from '../plainText';
import type { Services } from '../services';

/** A template node of the tree, or the same shape from anywhere else. */
export interface TemplateTarget {
  servicePrincipal: ServicePrincipal;
  template: SynchronizationTemplate;
}

/**
 * Create Synchronization Job: from a template in the tree, or from the palette (pick a service principal, then one of
 * its templates). JobCreation guards against a second job; this states the outcome, then shows the response and the
 * new job in the tree. Returns the outcome (for tests and callers).
 */
export async function createJobCommand(
  services: Services,
  target?: TemplateTarget,
): Promise<CreateJobOutcome | AlreadyAppeared | undefined> {
  const { client } = services.connection.requireConnection();
  const version = services.connection.apiVersion;
  const title = `Create Synchronization Job (Graph ${version})`;
  const servicePrincipal =
    target?.servicePrincipal ?? (await pickServicePrincipal(services.ui, client, version, title));
  const template =
    servicePrincipal &&
    (target?.template ??
      (await pickTemplate(services.ui, client, servicePrincipal, version, title, !target?.servicePrincipal)));
  if (!servicePrincipal || !template) return undefined;
  const where = safe`${template.id} on ${servicePrincipal.displayName}`;
  const outcome = await describedAs(`Could not create the job from ${where}`, () =>
    services.creation
      .create(servicePrincipal, template, (sameTemplate) => askForSecondJob(services, servicePrincipal, sameTemplate))
      .catch((error: unknown) => {
        if (error instanceof CreateInFlightError) return error;
        throw error;
      }),
  );
  if (outcome instanceof CreateInFlightError) {
    void services.ui.info(`A job from ${where} is already being created; wait for it to finish.`);
    return undefined;
  }
  if (outcome) await report(services, servicePrincipal, template, outcome);
  return outcome;
}

const showExisting = 'Show Existing Job';
const createAnother = 'Create Another Job';

/**
 * Whether to create a second job from a template that already has one. The dialog's default (Enter) is the safe
 * Show Existing Job, which opens the job there is; only Create Another Job creates the duplicate.
 */
async function askForSecondJob(
  services: Services,
  servicePrincipal: ServicePrincipal,
  sameTemplate: readonly SynchronizationJob[],
): Promise<boolean> {
  const existing = sameTemplate[0];
  const answer = await services.ui.ask(
    safe`${servicePrincipal.displayName} already has a job from template ${existing.templateId}. Create another one?`,
    safe`Existing: ${sameTemplate.map((job) => `${jobLabel(job, sameTemplate)} (${jobState(job)})`).join(', ')}. Two jobs from one template provision the same objects twice.`,
    [showExisting, createAnother],
  );
  if (answer === showExisting) {
    await revealJob(services, servicePrincipal, existing.id);
    await services.responses.showJob({ servicePrincipal, job: existing });
  }
  return answer === createAnother;
}

/** States the outcome first, then shows it in the response view: a view that fails never hides what happened. */
async function report(
  services: Services,
  servicePrincipal: ServicePrincipal,
  template: SynchronizationTemplate,
  outcome: CreateJobOutcome | AlreadyAppeared,
): Promise<void> {
  const where = safe`${template.id} on ${servicePrincipal.displayName}`;
  const { ui, log } = services;
  let viewFailed = false;
  if (outcome.kind !== 'appeared') {
    await services.responses.showCreateOutcome(servicePrincipal, template.id, outcome).catch((error: unknown) => {
      viewFailed = true;
      reportFailure(ui, log, 'Could not show the response', error);
    });
  }
  // The view shows the whole outcome: a failure's Show Details brings it back to the front.
  const showView = viewFailed ? undefined : () => services.responses.panel.reveal();
  switch (outcome.kind) {
    case 'appeared': {
      const ids = outcome.jobs.map((job) => job.id).join(', ');
      log.info(`An earlier create of ${where} did make a job: ${ids}. Nothing was sent.`);
      void ui.info(safe`The earlier create of a job from ${where} did make it: ${ids}. No second job was created.`);
      await revealJob(services, servicePrincipal, outcome.jobs[0].id);
      break;
    }
    case 'created': {
      log.info(`Created job ${outcome.job?.id ?? '(unreadable response)'} from ${where}.`);
      if (viewFailed) void ui.info(safe`Created job ${outcome.job?.id ?? '(unreadable response)'} from ${where}.`);
      if (outcome.job) await revealJob(services, servicePrincipal, outcome.job.id);
      break;
    }
    case 'createdDespiteError':
      log.warn(`The create request for ${where} failed (${outcome.error.message}), but job ${outcome.job.id} exists.`);
      void ui.warn(
        safe`The request failed (${outcome.error.message}), but the job was created: ${outcome.job.id}. No second job was created.`,
      );
      await revealJob(services, servicePrincipal, outcome.job.id);
      break;
    case 'notCreated':
      reportFailure(ui, log, `The job from ${where} was not created`, outcome.error, showView);
      break;
    case 'severalNewJobs': {
      const ids = outcome.jobs.map((job) => job.id).join(', ');
      log.warn(
        `The create request for ${where} failed (${outcome.error.message}); several new jobs are listed: ${ids}.`,
      );
      void ui.warn(
        safe`The request failed, and several new jobs from ${where} are listed (${ids}): one may be someone else's. Check before creating again.`,
      );
      break;
    }
    case 'notVisibleYet':
      reportFailure(
        ui,
        log,
        `The job from ${where} is not listed yet, but Graph may still be creating it; refresh before creating it again`,
        outcome.error,
        showView,
      );
      break;
    case 'unknown':
      reportFailure(
        ui,
        log,
        safe`Whether the job from ${where} was created is unknown: the job list could not be read (${outcome.reconcileError.message}). Refresh the service principal before trying again`,
        outcome.error,
        showView,
      );
      break;
  }
}

async function revealJob(services: Services, servicePrincipal: ServicePrincipal, jobId: string): Promise<void> {
  const node = await services.tree.findJob(servicePrincipal, jobId);
  // Only a service principal already listed (not filtered out, not on a later page) can be revealed.
  if (node && services.tree.view.visible)
    await services.tree.view
      .reveal(node, { select: true, focus: false, expand: true })
      .then(undefined, () => undefined);
}
