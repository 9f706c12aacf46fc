import type { GraphClient } from '../graph/client';
import { listServicePrincipals } from '../graph/servicePrincipals';
import { getSynchronization } from '../graph/synchronization';
import type { ApiVersion, ServicePrincipal, SynchronizationTemplate } from '../graph/types';
import { jobLabel } from '../model/jobLabel';
import { safe } from './plainText';
import { searchPick } from './searchPick';
import { sortTemplates, templateCaveat, templateDescription } from './templates';
import type { Ui } from './ui';

/** The create flow's two steps: the service principal, then its template. */
export const createSteps = { servicePrincipal: 1, template: 2, total: 2 } as const;

/** A service principal from an application template (gallery and non-gallery SCIM apps), searched by name. */
export function pickServicePrincipal(
  ui: Ui,
  client: GraphClient,
  version: ApiVersion,
  title: string,
): Promise<ServicePrincipal | undefined> {
  return searchPick(ui, {
    title,
    step: { step: createSteps.servicePrincipal, totalSteps: createSteps.total },
    // Short enough not to be cut.
    placeholder: 'Type the start of the app name (gallery and SCIM apps)',
    search: async (text, signal) =>
      (
        await listServicePrincipals(
          client,
          { search: text, onlyFromApplicationTemplates: true, pageSize: 50 },
          { version, signal },
        )
      ).items,
    label: (servicePrincipal) => servicePrincipal.displayName,
    nothingFound: (text) => `No service principal from an application template starts with "${text}"`,
  });
}

/**
 * A template of the service principal, the default one first; templates that already have a job, or that need a
 * provisioning agent, say so before the choice. Templates and jobs come in one $batch.
 */
export async function pickTemplate(
  ui: Ui,
  client: GraphClient,
  servicePrincipal: ServicePrincipal,
  version: ApiVersion,
  title: string,
  /** Whether the service principal was picked first: then this is step 2 of 2. */
  secondStep = true,
): Promise<SynchronizationTemplate | undefined> {
  const read = await ui.quietProgress('Reading templates…', () =>
    getSynchronization(client, servicePrincipal.id, { version }),
  );
  if (!read.templates.ok) throw read.templates.error;
  const templates = read.templates.value;
  // Without the job list the templates are still offered, only unmarked; the create itself checks again.
  const jobs = read.jobs.ok ? read.jobs.value : [];
  if (templates.length === 0) {
    void ui.info(
      safe`${servicePrincipal.displayName} has no synchronization templates, so no job can be created for it.`,
    );
    return undefined;
  }
  const items = sortTemplates(templates).map((template) => {
    const made = jobs.filter((job) => job.templateId === template.id);
    const caveat = templateCaveat(template);
    return {
      icon: made.length ? 'warning' : undefined,
      label: template.id,
      description: templateDescription(template, made.length),
      detail: [
        made.length ? `Already has: ${made.map((job) => jobLabel(job, jobs)).join(', ')}.` : undefined,
        caveat && `This template ${caveat}.`,
        template.description,
      ]
        .filter(Boolean)
        .join(' '),
      value: template,
    };
  });
  return ui.pick(items, {
    title,
    placeHolder: safe`Template for ${servicePrincipal.displayName}`,
    matchOnDetail: true,
    step: secondStep ? { step: createSteps.template, totalSteps: createSteps.total } : undefined,
  });
}
