import type { ServicePrincipal, SynchronizationJob } from '../../graph/types';
import type { EntityStore } from '../../model/entityStore';
import { jobLabel } from '../../model/jobLabel';
import { safe } from '../plainText';

/** A job to act on: a tree node, or the job the response view shows (which knows its ids and names only). */
export interface JobTarget {
  servicePrincipal: Pick<ServicePrincipal, 'id' | 'displayName'>;
  job: Pick<SynchronizationJob, 'id'> & Partial<Pick<SynchronizationJob, 'templateId'>>;
}

/** The job's short label as the tree shows it: told apart from its service principal's other jobs in the store. */
export function labelOf(target: JobTarget, store?: EntityStore): string {
  const siblings = store?.jobs(target.servicePrincipal.id)?.map((read) => read.value) ?? [];
  return jobLabel(target.job, siblings);
}

/** "BoxOutDelta job of Box" ("BoxOutDelta …2a1b0c job of Box" beside a twin), tenant text made plain for any message. */
export function describeJob(target: JobTarget, store?: EntityStore): string {
  return target.job.templateId
    ? safe`${labelOf(target, store)} job of ${target.servicePrincipal.displayName}`
    : safe`job ${target.job.id} of ${target.servicePrincipal.displayName}`;
}
