import * as vscode from 'vscode';
import { GraphRequestError } from '../graph/errors';
import { plainText, safe } from './plainText';
import type { Ui } from './ui';

export interface SearchPickOptions<T> {
  title: string;
  placeholder: string;
  step?: { step: number; totalSteps: number };
  /** Asks the server for what starts with `text` ('' for a first page); aborted when the user types on. */
  search(text: string, signal: AbortSignal): Promise<T[]>;
  /** Tenant text, made plain here. */
  label(item: T): string;
  description?(item: T): string | undefined;
  /** What to say when nothing matches `text`. */
  nothingFound(text: string): string;
}

interface SearchItem<T> extends vscode.QuickPickItem {
  /** Absent on the line that explains an empty or failed search. */
  value?: T;
}

const searchDelayMs = 250;

/**
 * One thing picked from a server-side search that runs as the user types. Each keystroke cancels the search before
 * it, so a slow answer never replaces a newer one. Tests script it through `ui.answers.pick`: the first label is the
 * text typed, and the item with exactly that label is accepted, found through the same search.
 */
export async function searchPick<T>(ui: Ui, options: SearchPickOptions<T>): Promise<T | undefined> {
  const scripted = ui.takeScriptedPick();
  if (!scripted) return showSearchPick(options);
  const typed = scripted.labels?.[0];
  if (typed === undefined) return undefined;
  const found = await options.search(typed, new AbortController().signal);
  return found.find((item) => options.label(item) === typed);
}

function showSearchPick<T>(options: SearchPickOptions<T>): Promise<T | undefined> {
  const pick = vscode.window.createQuickPick<SearchItem<T>>();
  pick.title = plainText(options.title);
  pick.placeholder = plainText(options.placeholder);
  pick.step = options.step?.step;
  pick.totalSteps = options.step?.totalSteps;
  pick.matchOnDescription = true;
  const notice = (label: string): SearchItem<T> => ({ label, alwaysShow: true });
  let search: AbortController | undefined;
  let timer: NodeJS.Timeout | undefined;

  const load = (text: string) => {
    search?.abort();
    const current = (search = new AbortController());
    pick.busy = true;
    options
      .search(text.trim(), current.signal)
      .then((items) => {
        if (current.signal.aborted) return;
        pick.items = items.length
          ? items.map((value) => ({
              label: plainText(options.label(value)),
              description: plainText(options.description?.(value) ?? ''),
              value,
            }))
          : [notice(safe`$(info) ${options.nothingFound(text)}`)];
      })
      .catch((error: unknown) => {
        if (current.signal.aborted) return;
        const message = error instanceof GraphRequestError ? `${error.message}. ${error.hint}` : String(error);
        pick.items = [notice(safe`$(error) ${message}`)];
      })
      .finally(() => {
        if (!current.signal.aborted) pick.busy = false;
      });
  };

  return new Promise((resolve) => {
    pick.onDidChangeValue((text) => {
      clearTimeout(timer);
      // The answer for the previous text goes at once: an Enter must never take a row of a list that is about to be
      // replaced (VS Code maps the accepted row by its index, so it would land on the new list's row at that index).
      search?.abort();
      pick.busy = true;
      pick.items = [notice('$(loading~spin) Searching…')];
      timer = setTimeout(() => load(text), searchDelayMs);
    });
    pick.onDidAccept(() => {
      // The active row when the list was just replaced by a search answer (no selection yet).
      const chosen = (pick.selectedItems[0] ?? pick.activeItems[0])?.value;
      if (chosen !== undefined) {
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
