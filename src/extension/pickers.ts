import * as vscode from 'vscode';
import type { GraphClient } from '../graph/client';
import { GraphRequestError } from '../graph/errors';
import { listServicePrincipals } from '../graph/servicePrincipals';
import { getSynchronization } from '../graph/synchronization';
import type { ApiVersion, ServicePrincipal, SynchronizationTemplate } from '../graph/types';
import { jobLabel } from '../model/jobLabel';
import { plainText, safe } from './plainText';
import { sortTemplates, templateCaveat, templateDescription } from './templates';
import type { Ui } from './ui';

interface ServicePrincipalItem extends vscode.QuickPickItem {
  /** Absent on the line that explains an empty or failed search. */
  servicePrincipal?: ServicePrincipal;
}

const notice = (label: string): ServicePrincipalItem => ({ label, alwaysShow: true });

const searchDelayMs = 250;

/**
 * A service principal, searched by name on the server as the user types. Each keystroke cancels the search before
 * it, so a slow answer never replaces a newer one.
 */
export async function pickServicePrincipal(
  ui: Ui,
  client: GraphClient,
  version: ApiVersion,
  title: string,
): Promise<ServicePrincipal | undefined> {
  const scripted = ui.takeScriptedPick();
  if (scripted) {
    // A test types the name and accepts the match, through the same server-side search.
    const name = scripted.labels?.[0];
    if (name === undefined) return undefined;
    const page = await listServicePrincipals(
      client,
      { search: name, onlyFromApplicationTemplates: true, pageSize: 50 },
      { version },
    );
    return page.items.find((servicePrincipal) => servicePrincipal.displayName === name);
  }
  return searchServicePrincipal(client, version, title);
}

/** The create flow's two steps: the service principal, then its template. */
export const createSteps = { servicePrincipal: 1, template: 2, total: 2 } as const;

function searchServicePrincipal(
  client: GraphClient,
  version: ApiVersion,
  title: string,
): Promise<ServicePrincipal | undefined> {
  const pick = vscode.window.createQuickPick<ServicePrincipalItem>();
  pick.title = title;
  pick.step = createSteps.servicePrincipal;
  pick.totalSteps = createSteps.total;
  // Short enough not to be cut; the list holds apps from application templates (gallery and non-gallery SCIM apps).
  pick.placeholder = 'Type the start of the app name (gallery and SCIM apps)';
  pick.matchOnDescription = true;
  let search: AbortController | undefined;
  let timer: NodeJS.Timeout | undefined;

  const load = (text: string) => {
    search?.abort();
    const current = (search = new AbortController());
    pick.busy = true;
    listServicePrincipals(
      client,
      { search: text.trim(), onlyFromApplicationTemplates: true, pageSize: 50 },
      { version, signal: current.signal },
    )
      .then((page) => {
        if (current.signal.aborted) return;
        pick.items = page.items.length
          ? page.items.map((servicePrincipal) => ({
              label: plainText(servicePrincipal.displayName),
              servicePrincipal,
            }))
          : [notice(safe`$(info) No service principal from an application template starts with "${text}"`)];
      })
      .catch((error: unknown) => {
        if (current.signal.aborted) return;
        pick.items = [
          notice(
            safe`$(error) ${error instanceof GraphRequestError ? `${error.message}. ${error.hint}` : String(error)}`,
          ),
        ];
      })
      .finally(() => {
        if (!current.signal.aborted) pick.busy = false;
      });
  };

  return new Promise((resolve) => {
    pick.onDidChangeValue((text) => {
      clearTimeout(timer);
      timer = setTimeout(() => load(text), searchDelayMs);
    });
    pick.onDidAccept(() => {
      // The active row when the list was just replaced by a search answer (no selection yet).
      const chosen = (pick.selectedItems[0] ?? pick.activeItems[0])?.servicePrincipal;
      if (chosen) {
        resolve(chosen);
        pick.hide();
      }
    });
    pick.onDidHide(() => {
      clearTimeout(timer);
      search?.abort();
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
    load('');
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
