// package.json mirrors src/extension/ids.ts: the commands, views and context keys it contributes and reads are the
// constants the code uses, no more and no fewer. A typo on either side fails here, not in a menu that never shows.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { commandIds, contextKeys, panelTypes, viewContainerId, viewIds } from '../../src/extension/ids';
import { schemaScheme } from '../../src/extension/schema/schemaUris';
import { extensionId } from './support';

interface Contributes {
  commands: { command: string }[];
  menus: Record<string, { command: string; when?: string }[]>;
  views: Record<string, { id: string }[]>;
  viewsWelcome: { view: string; when?: string; contents: string }[];
}

const contributes = () => vscode.extensions.getExtension(extensionId)!.packageJSON.contributes as Contributes;
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

describe('package.json contributions', () => {
  it('declares exactly the commands of ids.ts, and VS Code has them all registered', async () => {
    assert.deepEqual(sorted(contributes().commands.map((c) => c.command)), sorted(Object.values(commandIds)));
    // VS Code adds focus/open/… commands for each view (graphSync.servicePrincipals.*): those are not ours.
    const registered = (await vscode.commands.getCommands(true)).filter(
      (id) => id.startsWith('graphSync.') && !Object.values(viewIds).some((view) => id.startsWith(`${view}.`)),
    );
    assert.deepEqual(sorted(registered), sorted(Object.values(commandIds)));
  });

  it('puts only those commands in menus', () => {
    const known = new Set<string>(Object.values(commandIds));
    const inMenus = Object.values(contributes().menus).flatMap((entries) => entries.map((entry) => entry.command));
    assert.deepEqual(
      inMenus.filter((command) => !known.has(command)),
      [],
    );
  });

  it('contributes exactly the views of ids.ts, in its view container, and restores its panels', () => {
    assert.deepEqual(Object.keys(contributes().views), [viewContainerId]);
    const activationEvents = vscode.extensions.getExtension(extensionId)!.packageJSON.activationEvents as string[];
    assert.deepEqual(activationEvents, [
      ...Object.values(panelTypes).map((type) => `onWebviewPanel:${type}`),
      `onFileSystem:${schemaScheme}`,
    ]);
    assert.deepEqual(
      sorted(contributes().views[viewContainerId].map((view) => view.id)),
      sorted(Object.values(viewIds)),
    );
  });

  it('reads only the context keys and views of ids.ts in `when` clauses and welcome links', () => {
    const { menus, viewsWelcome } = contributes();
    const whens = [...Object.values(menus).flat(), ...viewsWelcome].map((entry) => entry.when ?? '');
    const keys = whens.flatMap((when) => when.match(/\bgraphSync\.[\w.]+/g) ?? []);
    const known = new Set<string>([...Object.values(contextKeys), ...Object.values(viewIds)]);
    assert.deepEqual(sorted(keys.filter((key) => !known.has(key))), []);
    const welcomeCommands = viewsWelcome.flatMap((entry) =>
      [...entry.contents.matchAll(/\(command:(graphSync\.[\w.]+)/g)].map((match) => match[1]),
    );
    assert.deepEqual(
      welcomeCommands.filter((command) => !Object.values<string>(commandIds).includes(command)),
      [],
    );
  });
});
