// Synchronization jobs: list, create from a template, get, delete, start, pause, restart (schemas: routes/schema.ts).
import type { EmulatorContext, RouteHandler } from '../context';
import { randomBytes } from 'node:crypto';
import { badRequest, GraphErrorReply, parseJsonBody, synchronizationNotFound } from '../errors';
import { noContent, ok, type RoutedCall } from '../call';
import * as transitions from '../jobActions';
import { newJob, type JobDocument } from '../jobFactory';
import { jobIdFor } from '../sampleTenant';
import { servicePrincipalOf } from './templates';

const jobsUrl = (call: RoutedCall, spId: string) =>
  `${call.origin}/${call.version}/servicePrincipals/${spId}/synchronization/jobs`;
const contextOf = (call: RoutedCall, spId: string, suffix = '') =>
  `${call.origin}/${call.version}/$metadata#servicePrincipals('${spId}')/synchronization/jobs${suffix}`;
// A snapshot: the stored job keeps changing after the answer is built.
const snapshot = (job: JobDocument) => structuredClone(job);

export function jobOf(context: EmulatorContext, call: RoutedCall) {
  const sp = servicePrincipalOf(context, call);
  const job = context.store.job(sp.id, call.params.job);
  if (!job) throw synchronizationNotFound(`synchronization job '${call.params.job}'`);
  return { sp, job };
}

function requestedTemplateId(body: string): string {
  const templateId = (parseJsonBody(body) as { templateId?: unknown } | null)?.templateId;
  if (typeof templateId !== 'string' || templateId === '')
    throw badRequest("The property 'templateId' is required to create a synchronization job.");
  return templateId;
}

export const listJobs: RouteHandler = (context, call) => {
  const sp = servicePrincipalOf(context, call);
  const listed = context.store.jobsOf(sp.id).filter((job) => !notListedYet(context, job.id));
  return ok({ '@odata.context': contextOf(call, sp.id), value: listed.map(snapshot) });
};

/**
 * notFoundAfterCreate on listJobs: a job created less than durationMs ago is left out of the list, as a create that
 * Graph is still working on is not listed yet (the reproduced "appears 4 s later"; the delay itself is a guess).
 */
function notListedYet({ faults, store }: EmulatorContext, jobId: string): boolean {
  const age = store.ageOf(jobId);
  return (
    age !== undefined &&
    faults.matching('listJobs', ['notFoundAfterCreate']).some((rule) => age < (rule.durationMs ?? 5000))
  );
}

export const createJob: RouteHandler = (context, call) => {
  const sp = servicePrincipalOf(context, call);
  const templateId = requestedTemplateId(call.body);
  const template = context.store.templatesOf(sp).find((candidate) => candidate.id === templateId);
  // What Graph answers for a template the service principal does not have is not documented; 400 is the best guess.
  if (!template)
    throw badRequest(`The synchronization template '${templateId}' was not found for this service principal.`);
  // The refused-create demo: Graph's answer to a caller that may not manage this app (Graph reference: error codes).
  if (sp.refusesJobCreation)
    throw new GraphErrorReply(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  // Captured ids: {templateId}.{tenant id without dashes}.{appId}. A second job from the same template would take the
  // same id; what Graph does then is not documented (guess: a distinct id), so a random part is added.
  const standard = jobIdFor(template.id, context.store.tenantId, sp.appId);
  const id = context.store.job(sp.id, standard) ? `${standard}.${randomBytes(4).toString('hex')}` : standard;
  const job = newJob(template.id, id);
  context.store.addJob(sp.id, job);
  return ok({ '@odata.context': contextOf(call, sp.id, '/$entity'), ...snapshot(job) }, 201, {
    Location: `${jobsUrl(call, sp.id)}/${job.id}`,
  });
};

export const getJob: RouteHandler = (context, call) => {
  const { sp, job } = jobOf(context, call);
  return ok({ '@odata.context': contextOf(call, sp.id, '/$entity'), ...snapshot(job) });
};

export const deleteJob: RouteHandler = (context, call) => {
  const { sp, job } = jobOf(context, call);
  context.store.deleteJob(sp.id, job.id);
  context.cycles.forget(sp.id, job.id);
  return noContent();
};

export const startJob: RouteHandler = (context, call) => {
  const { sp, job } = jobOf(context, call);
  transitions.startJob(job);
  context.cycles.follow(sp.id, job);
  return noContent();
};

export const pauseJob: RouteHandler = (context, call) => {
  const { sp, job } = jobOf(context, call);
  transitions.pauseJob(job);
  context.cycles.follow(sp.id, job);
  return noContent();
};

export const restartJob: RouteHandler = (context, call) => {
  const { sp, job } = jobOf(context, call);
  transitions.restartJob(job, transitions.restartScopesOf(call.body));
  context.cycles.follow(sp.id, job);
  return noContent();
};
