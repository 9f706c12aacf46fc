import * as vscode from 'vscode';
import type { GraphClient } from '../graph/client';
import { GraphRequestError } from '../graph/errors';
import { listServicePrincipals } from '../graph/servicePrincipals';
import { listTemplates } from '../graph/synchronization';
import type { ApiVersion, ServicePrincipal, SynchronizationTemplate } from '../graph/types';
import { plainText, safe } from './plainText';
import { sortTemplates, templateDescription } from './templates';
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

function searchServicePrincipal(
  client: GraphClient,
  version: ApiVersion,
  title: string,
): Promise<ServicePrincipal | undefined> {
  const pick = vscode.window.createQuickPick<ServicePrincipalItem>();
  pick.title = title;
  pick.placeholder =
    'Type the start of a service principal name (only those created from application templates are listed)';
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
              description: servicePrincipal.appId,
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
      const chosen = pick.selectedItems[0]?.servicePrincipal;
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

/** A template of the service principal, the default one first. */
export async function pickTemplate(
  ui: Ui,
  client: GraphClient,
  servicePrincipal: ServicePrincipal,
  version: ApiVersion,
  title: string,
): Promise<SynchronizationTemplate | undefined> {
  const templates = await ui.quietProgress('Reading templates…', () =>
    listTemplates(client, servicePrincipal.id, { version }),
  );
  if (templates.length === 0) {
    void ui.info(
      safe`${servicePrincipal.displayName} has no synchronization templates, so no job can be created for it.`,
    );
    return undefined;
  }
  const items = sortTemplates(templates).map((template) => ({
    label: template.id,
    description: templateDescription(template),
    detail: template.description ?? undefined,
    value: template,
  }));
  return ui.pick(items, {
    title,
    placeHolder: safe`Template for ${servicePrincipal.displayName}`,
    matchOnDetail: true,
  });
}
