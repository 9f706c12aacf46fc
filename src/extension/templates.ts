import type { SynchronizationTemplate } from '../graph/types';

/** Templates as the tree and the pickers list them: the default one first, then by id. */
export function sortTemplates(templates: readonly SynchronizationTemplate[]): SynchronizationTemplate[] {
  return [...templates].sort((a, b) => Number(b.default) - Number(a.default) || a.id.localeCompare(b.id));
}

/** "default · Slack": the short description next to a template's id. */
export function templateDescription(template: SynchronizationTemplate): string {
  return [template.default ? 'default' : undefined, template.factoryTag ?? undefined].filter(Boolean).join(' · ');
}
