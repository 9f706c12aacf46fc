// Extra service principals for scale tests: "Generated App 00001"…, the same on every start, half of them SCIM apps,
// and jobs for about half of those in the mix of states a real tenant shows (deterministic from a seed).
import { indexGuid } from './ids';
import type { JobDocument } from './jobFactory';
import { jobInState, type GeneratedJobState } from './jobStates';
import type { ServicePrincipalRecord } from './model';
import { nonGalleryTemplateId } from './sampleTenant';

const scimTemplates: readonly string[] = Object.freeze(['scim']);
const legacyTemplates: readonly string[] = Object.freeze(['customappsso']);
const noTemplates: readonly string[] = Object.freeze([]);

/** Out of 100 service principals from a template: how many have a job in each state (the rest have none: SSO only). */
const stateMix: readonly [GeneratedJobState | 'legacy', number][] = [
  ['healthy', 30],
  ['quarantine', 4],
  ['failing', 4],
  ['entryErrors', 2],
  ['stale', 3],
  ['paused', 3],
  ['neverStarted', 3],
  ['disabled', 1],
  ['legacy', 2],
];

// splitmix32 finaliser: a well-spread pick per (seed, index) without a stateful generator.
function pick(seed: number, index: number): number {
  let z = (Math.imul(seed, 0x9e3779b1) + Math.imul(index, 0x85ebca6b)) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** The job state of generated service principal `index` (1-based), or undefined when it has no job. */
export function generatedState(seed: number, index: number): GeneratedJobState | 'legacy' | undefined {
  if (index % 2 !== 0) return undefined;
  let roll = pick(seed, index) % 100;
  for (const [state, share] of stateMix) {
    if (roll < share) return state;
    roll -= share;
  }
  return undefined;
}

export function generateServicePrincipals(count: number, seed = 1): ServicePrincipalRecord[] {
  const width = Math.max(5, String(count).length);
  const generated: ServicePrincipalRecord[] = new Array(count);
  for (let index = 1; index <= count; index++) {
    const fromTemplate = index % 2 === 0;
    generated[index - 1] = {
      id: indexGuid(1, index),
      appId: indexGuid(2, index),
      applicationObjectId: indexGuid(3, index),
      displayName: `Generated App ${String(index).padStart(width, '0')}`,
      applicationTemplateId: fromTemplate ? nonGalleryTemplateId : null,
      templateIds: !fromTemplate
        ? noTemplates
        : generatedState(seed, index) === 'legacy'
          ? legacyTemplates
          : scimTemplates,
      firstParty: false,
    };
  }
  return generated;
}

/**
 * The job of generated service principal `index` (1-based, as generateServicePrincipals numbers them, same seed) as
 * of `now` (the tenant's clock), or undefined when it has none. Called lazily: 100,000 service principals start fast.
 */
export function generatedJob(
  sp: ServicePrincipalRecord,
  index: number,
  seed: number,
  tenantId: string,
  now: number,
): JobDocument | undefined {
  const state = generatedState(seed, index);
  if (!state) return undefined;
  const templateId = state === 'legacy' ? 'customappsso' : 'scim';
  // FACTS.md: job ids look like {templateId}.{tenant id without dashes}.{appId}.
  const id = `${templateId}.${tenantId.replace(/-/g, '')}.${sp.appId}`;
  const variant = pick(seed ^ 0x5bd1e995, index);
  return jobInState({ state: state === 'legacy' ? 'healthy' : state, templateId, id, now, variant });
}
