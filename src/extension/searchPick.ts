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
  /** The text whose answer the list holds: until the answer for what is typed now arrives, the list is stale. */
  let listedFor: string | undefined;
  /** Enter was pressed on a stale list: the answer for the current text decides. */
  let acceptWhenAnswered = false;

  return new Promise((resolve) => {
    const choose = (value: T) => {
      resolve(value);
      pick.hide();
    };
    const load = (text: string) => {
      search?.abort();
      const current = (search = new AbortController());
      pick.busy = true;
      options
        .search(text, current.signal)
        .then((found) => {
          if (current.signal.aborted) return;
          listedFor = text;
          pick.items = found.length
            ? found.map((value) => ({
                label: plainText(options.label(value)),
                description: plainText(options.description?.(value) ?? ''),
                value,
              }))
            : [notice(safe`$(info) ${options.nothingFound(text)}`)];
          if (!acceptWhenAnswered) return;
          acceptWhenAnswered = false;
          // Enter on the text typed: the one match, or the one whose name is exactly that text.
          const exact = found.filter((value) => options.label(value).toLowerCase() === text.toLowerCase());
          const only = found.length === 1 ? found : exact.length === 1 ? exact : [];
          if (only.length === 1) choose(only[0]);
        })
        .catch((error: unknown) => {
          if (current.signal.aborted) return;
          acceptWhenAnswered = false;
          const message = error instanceof GraphRequestError ? `${error.message}. ${error.hint}` : String(error);
          pick.items = [notice(safe`$(error) ${message}`)];
        })
        .finally(() => {
          if (!current.signal.aborted) pick.busy = false;
        });
    };

    pick.onDidChangeValue((text) => {
      clearTimeout(timer);
      search?.abort();
      pick.busy = true;
      timer = setTimeout(() => load(text.trim()), searchDelayMs);
    });
    pick.onDidAccept(() => {
      // VS Code tells which row was accepted by its position, and the list shown may be an answer for older text
      // that is about to be replaced: a row is only taken from the answer for what is typed now.
      if (listedFor !== pick.value.trim()) {
        acceptWhenAnswered = true;
        return;
      }
      // The active row when the list was just replaced by a search answer (no selection yet).
      const chosen = (pick.selectedItems[0] ?? pick.activeItems[0])?.value;
      if (chosen !== undefined) choose(chosen);
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
