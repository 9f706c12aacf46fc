import * as vscode from 'vscode';
import type { GraphClient } from '../graph/client';
import { GraphRequestError } from '../graph/errors';
import { listServicePrincipals } from '../graph/servicePrincipals';
import { listTemplates } from '../graph/synchronization';
import type { ApiVersion, ServicePrincipal, SynchronizationTemplate } from '../graph/types';

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
export function pickServicePrincipal(client: GraphClient, version: ApiVersion, title: string): Promise<ServicePrincipal | undefined> {
  const pick = vscode.window.createQuickPick<ServicePrincipalItem>();
  pick.title = title;
  pick.placeholder = 'Type the start of a service principal name (only those created from application templates are listed)';
  pick.matchOnDescription = true;
  let search: AbortController | undefined;
  let timer: NodeJS.Timeout | undefined;

  const load = (text: string) => {
    search?.abort();
    const current = (search = new AbortController());
    pick.busy = true;
    listServicePrincipals(client, { search: text.trim(), onlyFromApplicationTemplates: true, pageSize: 50 }, { version, signal: current.signal })
      .then((page) => {
        if (current.signal.aborted) return;
        pick.items = page.items.length
          ? page.items.map((servicePrincipal) => ({ label: servicePrincipal.displayName, description: servicePrincipal.appId, servicePrincipal }))
          : [notice(`$(info) No service principal from an application template starts with "${text}"`)];
      })
      .catch((error: unknown) => {
        if (current.signal.aborted) return;
        pick.items = [notice(`$(error) ${error instanceof GraphRequestError ? `${error.message}. ${error.hint}` : String(error)}`)];
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
export async function pickTemplate(client: GraphClient, servicePrincipal: ServicePrincipal, version: ApiVersion, title: string): Promise<SynchronizationTemplate | undefined> {
  const templates = vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Reading templates…' }, () =>
    listTemplates(client, servicePrincipal.id, { version }),
  );
  const items = templates.then((list) =>
    [...list]
      .sort((a, b) => Number(b.default) - Number(a.default) || a.id.localeCompare(b.id))
      .map((template) => ({
        label: template.id,
        description: [template.default ? 'default' : undefined, template.factoryTag ?? undefined].filter(Boolean).join(' · '),
        detail: template.description ?? undefined,
        template,
      })),
  );
  if ((await templates).length === 0) {
    void vscode.window.showInformationMessage(`${servicePrincipal.displayName} has no synchronization templates, so no job can be created for it.`);
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(items, { title, placeHolder: `Template for ${servicePrincipal.displayName}`, matchOnDetail: true });
  return chosen?.template;
}
