// Tenant and Graph text never becomes a link (issue 7 §2): a service principal named like a command link goes through
// every message the extension shows about it (progress, confirmation, quick picks, notifications, an error) and what
// reaches VS Code's UI calls is plain text. Read at the UI seam: the exact strings handed to VS Code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension/extension';
import { commandIds } from '../../src/extension/ids';
import { plainItem, type ShownMessage } from '../../src/extension/ui';
import type { TemplateNode } from '../../src/extension/tree/nodes';
import { activatedServices, emulatorControl, groupChildren, servicePrincipalNamed, signedIn } from './support';

const hostileName = '[Retry](command:workbench.action.terminal.new "Retry")';
/** What VS Code would render as a link in a message: `[label](target)` or a bare command/https URI. */
const linkSyntax = /\]\s*\(|\bcommand:|\bhttps?:/i;

describe('Tenant text in notifications, progress and pickers', () => {
  let services: TestApi;
  let shown: ShownMessage[];
  let subscription: vscode.Disposable;

  before(async () => {
    services = await activatedServices();
    await signedIn(services);
  });

  beforeEach(() => {
    shown = [];
    subscription = services.ui.onDidShow((message) => shown.push(message));
  });

  afterEach(async () => {
    subscription.dispose();
    services.ui.answers.confirm = undefined;
    await emulatorControl().clearFaults();
  });

  const aboutHostile = () => shown.filter((message) => message.text.includes('Retry'));

  it('creates a job for a service principal named like a command link: no message carries the link', async () => {
    const hostile = await servicePrincipalNamed(services, hostileName);
    const template = (await groupChildren(services, hostile, 'templates')).find(
      (node): node is TemplateNode => node.kind === 'template',
    );
    assert.ok(template);
    services.ui.answers.confirm = true;
    await vscode.commands.executeCommand(commandIds.createJob, template);
    // A second create asks first, naming the service principal in the confirmation.
    await vscode.commands.executeCommand(commandIds.createJob, template);
    const severities = new Set(aboutHostile().map((message) => message.severity));
    assert.ok(severities.has('progress') && severities.has('modal'), `shown: ${JSON.stringify(shown)}`);
    assert.deepEqual(
      aboutHostile().filter((message) => linkSyntax.test(message.text)),
      [],
    );
  });

  it('shows a failure about it as one line without the link', async () => {
    const hostile = await servicePrincipalNamed(services, hostileName);
    const template = (await groupChildren(services, hostile, 'templates')).find(
      (node): node is TemplateNode => node.kind === 'template',
    );
    assert.ok(template);
    await emulatorControl().addFault({ route: 'createJob', kind: 'throttle', times: 1 });
    services.ui.answers.confirm = true;
    await vscode.commands.executeCommand(commandIds.createJob, template);
    const errors = shown.filter((message) => message.severity === 'error');
    assert.equal(errors.length, 1, `one error shown: ${JSON.stringify(errors)}`);
    assert.ok(!errors[0].text.includes('\n'), 'one line');
    assert.match(errors[0].text, /Retry/);
    assert.doesNotMatch(errors[0].text, linkSyntax);
  });

  it('lists it in quick picks as plain text, neither link nor icon', () => {
    const item = plainItem({
      label: hostileName,
      description: '$(alert) [x](https://example.com)',
      detail: hostileName,
      value: 1,
    });
    for (const text of [item.label, item.description, item.detail]) {
      assert.doesNotMatch(text ?? '', linkSyntax);
      assert.doesNotMatch(text ?? '', /\$\(/);
    }
  });
});
