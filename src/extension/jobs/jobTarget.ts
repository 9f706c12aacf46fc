import type { ServicePrincipal, SynchronizationJob } from '../../graph/types';
import { safe } from '../plainText';

/** A job to act on: a tree node, or the job the response view shows (which knows its ids and names only). */
export interface JobTarget {
  servicePrincipal: Pick<ServicePrincipal, 'id' | 'displayName'>;
  job: Pick<SynchronizationJob, 'id'> & Partial<Pick<SynchronizationJob, 'templateId'>>;
}

/** "BoxOutDelta job of Box", tenant text made plain for any message. */
export function describeJob(target: JobTarget): string {
  return target.job.templateId
    ? safe`${target.job.templateId} job of ${target.servicePrincipal.displayName}`
    : safe`job ${target.job.id} of ${target.servicePrincipal.displayName}`;
}
