// The short, human name of a job, the same in the tree, messages, tab titles and headings. Job ids are up to ~80
// characters ({templateId}.{tenant id}.{appId}, FACTS.md), so the template names a job; only when two jobs of one
// service principal come from the same template is the shortest distinguishing end of the id added.
import type { SynchronizationJob } from '../graph/types';

type JobRef = Pick<SynchronizationJob, 'id'> & Partial<Pick<SynchronizationJob, 'templateId'>>;

const suffixLengths = [6, 10, 16];

/** "BoxOutDelta", or "BoxOutDelta …3f2a1b" when a sibling job has the same template. */
export function jobLabel(job: JobRef, siblings: readonly JobRef[] = []): string {
  if (!job.templateId) return job.id;
  const twins = siblings.filter((other) => other.id !== job.id && other.templateId === job.templateId);
  if (twins.length === 0) return job.templateId;
  const length =
    suffixLengths.find((n) => twins.every((twin) => twin.id.slice(-n) !== job.id.slice(-n))) ?? job.id.length;
  return length >= job.id.length ? job.id : `${job.templateId} …${job.id.slice(-length)}`;
}
