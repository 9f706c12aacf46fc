// The synchronizationJob objects of a response with their pointers: the root, or each item of {"value": [...]}.
import { childPointer } from './jsonPointer';

export interface LocatedJob {
  pointer: string;
  job: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function locatedJobs(value: unknown, collection: boolean): LocatedJob[] {
  if (!collection) return isObject(value) ? [{ pointer: '', job: value }] : [];
  const items = isObject(value) && Array.isArray(value.value) ? value.value : [];
  return items.flatMap((job, index) => (isObject(job) ? [{ pointer: childPointer('/value', index), job }] : []));
}
