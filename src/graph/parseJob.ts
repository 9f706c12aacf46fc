import type { SynchronizationJob } from './types';

/**
 * A response body as a synchronizationJob when it is a JSON object with a string id, else undefined. The schema
 * validator reports what else is wrong with it; callers only need to know whether there is a job to act on.
 */
export function parseJob(text: string | undefined): SynchronizationJob | undefined {
  try {
    const value = JSON.parse(text ?? '') as unknown;
    return value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      typeof (value as SynchronizationJob).id === 'string'
      ? (value as SynchronizationJob)
      : undefined;
  } catch {
    return undefined;
  }
}
