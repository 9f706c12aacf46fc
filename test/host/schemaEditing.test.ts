// Editing a job's schema (issue 9) in a real VS Code against the emulator: the graphsync: document, diagnostics as
// you type, Test Expression, the safe save (backup, diff, confirmation, PUT; a three-way choice when the server's
// schema changed), Compare with Template, Export and Reset.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension/extension';
import { commandIds } from '../../src/extension/ids';
import type { ExpressionTest } from '../../src/extension/schema/testExpression';
import { schemaText } from '../../src/extension/schema/schemaFileSystem';
import { schemaResource } from '../../src/extension/schema/schemaUris';
import type { JobNode, TreeNode } from '../../src/extension/tree/nodes';
import type { ShownMessage } from '../../src/extension/ui';
import { searchUsers } from '../../src/graph/directoryObjects';
import { getJobSchema, putJobSchema } from '../../src/graph/schema';
import { activatedServices, emulatorControl, firstJobOf, signedIn, waitFor } from './support';

describe('Editing a job schema', () => {
  let services: TestApi;
  let job: JobNode;
  let document: vscode.TextDocument;
  let shown: ShownMessage[];
  let subscription: vscode.Disposable;

  const client = () => services.connection.requireConnection().client;
  /** The server's schema as the editor shows it (without its @odata.context). */
  const serverSchema = async () =>
    schemaText((await getJobSchema(client(), job.servicePrincipal.id, job.job.id)).schema);
  const routes = async () => (await emulatorControl().requests()).map((entry) => `${entry.method} ${entry.route}`);
  const diagnostics = (code: string) =>
    vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.code === code);

  async function replace(text: string, by: string): Promise<void> {
    const offset = document.getText().indexOf(text);
    assert.ok(offset >= 0, `the document contains ${text}`);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(offset), document.positionAt(offset + text.length)),
      by,
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
  }

  before(async () => {
    services = await activatedServices();
    await signedIn(services);
    job = await firstJobOf(services, 'Salesforce');
  });

  beforeEach(async () => {
    shown = [];
    subscription = services.ui.onDidShow((message) => shown.push(message));
    await emulatorControl().clearRequests();
  });

  afterEach(() => {
    subscription.dispose();
    services.ui.answers.confirm = undefined;
    services.ui.answers.pick.length = 0;
  });

  /** The attribute mappings of the User → User object mapping, as the tree shows them under the job. */
  async function userMappings(): Promise<vscode.TreeItem[]> {
    const children = async (node: TreeNode, label: string) => {
      const found = (await services.tree.getChildren(node)).find((child) =>
        String(services.tree.getTreeItem(child).label).startsWith(label),
      );
      assert.ok(found, `${label} under ${String(services.tree.getTreeItem(node).label)}`);
      return found;
    };
    const [schema] = await services.tree.getChildren(job);
    const rules = await children(schema, 'Synchronization Rules');
    const [rule] = await services.tree.getChildren(rules);
    const users = await children(rule, 'User → User');
    return (await services.tree.getChildren(users)).map((node) => services.tree.getTreeItem(node) as vscode.TreeItem);
  }

  it('browses the schema under the job: rules, object mappings, attribute mappings; read once', async () => {
    const mappings = await userMappings();
    const emails = mappings.find((item) => item.label === 'emails[type eq "work"].value');
    assert.equal(emails?.description, '← Coalesce([mail], [userPrincipalName])');
    assert.match(String(emails?.tooltip), /Flow: /);
    const userName = mappings.find((item) => item.label === 'userName');
    assert.match(String(userName?.tooltip), /Matching priority: 1/);
    await userMappings();
    const reads = (await routes()).filter((route) => route === 'GET getJobSchema');
    assert.equal(reads.length, 1, 'one read for two expansions');
  });

  it('opens the schema as a JSON document on the graphsync: scheme', async () => {
    document = await vscode.commands.executeCommand<vscode.TextDocument>(commandIds.editSchema, job);
    assert.ok(document, 'Edit Schema returns the document');
    assert.equal(document.languageId, 'json');
    assert.deepEqual(schemaResource(document.uri), {
      kind: 'job',
      servicePrincipalId: job.servicePrincipal.id,
      jobId: job.job.id,
    });
    assert.equal(path.posix.basename(document.uri.path), 'SfOutDelta.schema.json');
    assert.deepEqual(JSON.parse(document.getText()), JSON.parse(await serverSchema()));
    assert.ok((await routes()).includes('GET getJobSchema'));
  });

  it('shows a typo in an expression at its line with the rule id, and drops it once fixed', async () => {
    await replace('Coalesce([mail]', 'Coalese([mail]');
    const [typo] = await waitFor('the unknown-function diagnostic', () => {
      const found = diagnostics('unknown-function');
      return found.length > 0 ? found : undefined;
    });
    const line = document.lineAt(typo.range.start.line).text;
    assert.match(line, /Coalese\(\[mail\]/);
    assert.match(typo.message, /Coalese/);
    assert.equal(typo.severity, vscode.DiagnosticSeverity.Error);
    await replace('Coalese([mail]', 'Coalesce([mail]');
    await waitFor('no unknown-function diagnostic', () => diagnostics('unknown-function').length === 0);
  });

  it('completes functions and source attributes in expressions, and shows a function on hover', async () => {
    const call = document.getText().indexOf('Coalesce([mail]');
    const labels = async (offset: number) =>
      (
        await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          document.uri,
          document.positionAt(offset),
        )
      ).items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    const attributes = await labels(call + 'Coalesce(['.length);
    assert.ok(attributes.includes('userPrincipalName') && attributes.includes('IsSoftDeleted'), attributes.join());
    assert.ok(!attributes.includes('userName'), "not the target's attributes");
    const functions = await labels(call + 2);
    assert.ok(functions.includes('Switch') && functions.includes('SingleAppRoleAssignment'), functions.join());
    const [hover] = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      document.positionAt(call + 2),
    );
    const text = hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
    assert.match(text, /Coalesce\(source…, \[defaultValue\]\)/);
    assert.match(text, /first source value that is not NULL/);
  });

  it('tests an expression on Graph with a sample user', async () => {
    const [user] = await searchUsers(client(), '');
    const offset = document.getText().indexOf('Coalesce([mail]') + 2;
    services.ui.answers.pick.push([user.displayName]);
    const test = await vscode.commands.executeCommand<ExpressionTest>(commandIds.testExpression, document.uri, offset);
    assert.ok(test, 'Test Expression returns its outcome');
    assert.equal(test.expression, 'Coalesce([mail], [userPrincipalName])');
    assert.equal(test.response.parsingSucceeded, true);
    assert.deepEqual(test.response.evaluationResult, [user.detail]);
    assert.ok((await routes()).includes('POST parseExpression'));
  });

  it('saves with PUT after a backup and a confirmation; the emulator has the new schema', async () => {
    const before = await services.schemas.backups.list({
      servicePrincipalId: job.servicePrincipal.id,
      jobId: job.job.id,
    });
    await replace('"[jobTitle]"', '"ToUpper([jobTitle])"');
    services.ui.answers.confirm = true;
    assert.equal(await document.save(), true, `saved; the user was shown: ${JSON.stringify(shown)}`);
    assert.equal(document.isDirty, false);
    const sent = await routes();
    assert.ok(sent.includes('PUT putJobSchema'), sent.join(', '));
    assert.ok(!sent.some((route) => route.startsWith('PATCH')), 'never PATCH');
    assert.match(await serverSchema(), /ToUpper\(\[jobTitle\]\)/);
    const after = await services.schemas.backups.list({
      servicePrincipalId: job.servicePrincipal.id,
      jobId: job.job.id,
    });
    assert.equal(
      after.length,
      before.length + 1,
      `one backup more: ${after.map((entry) => entry.takenAt).join(', ')}; ${sent.join(', ')}`,
    );
    const backup = fs.readFileSync(after[0].uri.fsPath, 'utf8');
    assert.doesNotMatch(backup, /ToUpper/, 'the backup is the schema before the save');
    assert.ok(shown.some((message) => message.severity === 'modal' && /Replace the schema/.test(message.text)));
    const title = (await userMappings()).find((item) => item.label === 'title');
    assert.equal(title?.description, '← ToUpper([jobTitle])', 'the tree reads the saved schema');
  });

  it('offers a three-way choice when the server changed since the document was read', async () => {
    const changed = JSON.parse(await serverSchema());
    changed.version = 'changed-elsewhere';
    await putJobSchema(client(), job.servicePrincipal.id, job.job.id, changed);
    await replace('"[surname]"', '"Trim([surname])"');
    services.ui.answers.confirm = true;
    services.ui.answers.pick.push(['Cancel']);
    assert.equal(await document.save(), false, 'Cancel saves nothing');
    assert.equal(document.isDirty, true, 'the edits stay');
    assert.ok(shown.some((message) => message.severity === 'pick' && /changed on the server/.test(message.text)));
    assert.match(await serverSchema(), /changed-elsewhere/);
    assert.doesNotMatch(await serverSchema(), /Trim\(\[surname\]\)/);

    services.ui.answers.pick.push(['Overwrite']);
    assert.equal(await document.save(), true);
    assert.match(await serverSchema(), /Trim\(\[surname\]\)/);
  });

  it('compares the schema with its template in a diff editor', async () => {
    await vscode.commands.executeCommand(commandIds.compareSchemaWithTemplate, job);
    const input = await waitFor('the diff editor', () => {
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return tab instanceof vscode.TabInputTextDiff ? tab : undefined;
    });
    assert.equal(schemaResource(input.original)?.kind, 'template');
    assert.equal(input.modified.toString(), document.uri.toString());
  });

  it('exports the schema as pretty JSON', async () => {
    const file = vscode.Uri.file(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'schema-')), 'export.json'));
    services.ui.answers.save.push(file);
    const written = await vscode.commands.executeCommand<vscode.Uri>(commandIds.exportSchema, job);
    assert.equal(written?.fsPath, file.fsPath);
    const text = fs.readFileSync(file.fsPath, 'utf8');
    assert.match(text, /\n {2}"/, 'indented');
    assert.deepEqual(JSON.parse(text), JSON.parse(await serverSchema()));
  });

  it('resets the schema to the template with DELETE after a confirmation naming the job', async () => {
    services.ui.answers.confirm = true;
    assert.equal(await vscode.commands.executeCommand(commandIds.resetSchema, job), true);
    assert.ok((await routes()).includes('DELETE deleteJobSchema'));
    assert.ok(
      shown.some((message) => message.severity === 'modal' && /SfOutDelta job of Salesforce/.test(message.text)),
    );
    assert.doesNotMatch(await serverSchema(), /Trim\(\[surname\]\)/);
    await waitFor('the open document shows the reset schema', () => !/Trim\(\[surname\]\)/.test(document.getText()));
  });
});
