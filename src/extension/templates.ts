import type { SynchronizationTemplate } from '../graph/types';

/** Templates as the tree and the pickers list them: the default one first, then by id. */
export function sortTemplates(templates: readonly SynchronizationTemplate[]): SynchronizationTemplate[] {
  return [...templates].sort((a, b) => Number(b.default) - Number(a.default) || a.id.localeCompare(b.id));
}

/** Metadata keys are PascalCase in v1.0 and camelCase in beta (FACTS.md): read them case-blind. */
function metadataValue(template: SynchronizationTemplate, key: string): string | undefined {
  return template.metadata?.find((entry) => entry.key.toLowerCase() === key.toLowerCase())?.value ?? undefined;
}

/**
 * What can be known before a create that a job from this template will not work from here alone. The metadata key
 * IsSynchronizationAgentRequired (synchronizationMetadata enum, CSDL) marks templates whose jobs run through an
 * on-premises provisioning agent (Cloud Sync): the agent and its configuration are set up in Entra, not by a create
 * call. Guess: that such a job created here stays idle until an agent serves it.
 */
export function templateCaveat(template: SynchronizationTemplate): string | undefined {
  return metadataValue(template, 'IsSynchronizationAgentRequired')?.toLowerCase() === 'true'
    ? 'needs a provisioning agent (set up in Microsoft Entra Cloud Sync)'
    : undefined;
}

/**
 * "default · CustomSCIM · has a job": what helps choose a template, next to its id. The factory tag only when it says
 * more than the id ("BoxOutDelta default · BoxOutDelta" said it twice); jobs already made from it, before the choice.
 */
export function templateDescription(template: SynchronizationTemplate, jobCount = 0): string {
  return [
    template.default ? 'default' : undefined,
    template.factoryTag && template.factoryTag !== template.id ? template.factoryTag : undefined,
    jobCount === 1 ? 'has a job' : jobCount > 1 ? `has ${jobCount} jobs` : undefined,
    templateCaveat(template) && 'needs an agent',
  ]
    .filter(Boolean)
    .join(' · ');
}
