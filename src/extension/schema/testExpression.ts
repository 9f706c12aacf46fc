import * as vscode from 'vscode';
import { expressionAt } from '../../expressions';
import { searchUsers } from '../../graph/directoryObjects';
import { parseExpression } from '../../graph/schema';
import type { ExpressionInputObject, ParseExpressionResponse } from '../../graph/schemaTypes';
import type { Services } from '../services';
import { schemaResource } from './schemaUris';

export interface ExpressionTest {
  expression: string;
  user: string;
  response: ParseExpressionResponse;
}

/**
 * Test Expression: the expression at the cursor (or at a code lens's offset), evaluated by Graph
 * (POST …/schema/parseExpression) against a sample user picked from /users. The parsed tree and the value or the
 * parse error go to the "Graph Sync: Expressions" output.
 */
export async function testExpression(
  services: Services,
  uri?: vscode.Uri,
  offset?: number,
): Promise<ExpressionTest | undefined> {
  const editor = vscode.window.activeTextEditor;
  const document = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
  const resource = document && schemaResource(document.uri);
  if (!document || resource?.kind !== 'job')
    throw new Error('Open a job\'s schema with "Edit Schema" and put the cursor in an expression.');
  const at = offset ?? (editor && editor.document === document ? document.offsetAt(editor.selection.active) : 0);
  const found = expressionAt(document.getText(), at);
  if (!found) throw new Error('Put the cursor inside an attribute mapping\'s "expression" string.');

  const { ui, connection } = services;
  const { client } = connection.requireConnection();
  const version = connection.apiVersion;
  const users = await ui.progress('Reading sample users', (signal) => searchUsers(client, '', { version, signal }));
  const user = await ui.pick(
    users.map((entry) => ({ label: entry.displayName, description: entry.detail ?? undefined, value: entry })),
    { title: 'Test the expression with which user?', placeHolder: 'The user is the test input; nothing is changed' },
  );
  if (!user) return undefined;
  const response = await ui.progress('Evaluating the expression on Graph', async (signal) => {
    const read = await client.json<{ value: Record<string, unknown>[] }>({
      method: 'GET',
      path: '/users',
      query: { $filter: `id eq '${user.id.replace(/'/g, "''")}'` },
      version,
      signal,
    });
    const testInputObject: ExpressionInputObject = { properties: propertiesOf(read.value[0] ?? {}) };
    return parseExpression(
      client,
      { servicePrincipalId: resource.servicePrincipalId, jobId: resource.jobId },
      { expression: found.expression, testInputObject },
      { version, signal },
    );
  });
  const test = { expression: found.expression, user: user.displayName, response };
  show(services.schemas.output, test);
  return test;
}

/** The user's single values as the test input's properties (what an expression's [attribute] reads). */
function propertiesOf(user: Record<string, unknown>): ExpressionInputObject['properties'] {
  return Object.entries(user)
    .filter(([key, value]) => !key.startsWith('@odata.') && value !== null && typeof value !== 'object')
    .map(([key, value]) => ({ key, value: String(value) }));
}

function show(channel: vscode.OutputChannel, { expression, user, response }: ExpressionTest): void {
  const outcome = !response.parsingSucceeded
    ? `Parse error: ${response.error?.message ?? 'unknown'}`
    : response.evaluationSucceeded
      ? `Value: ${JSON.stringify(response.evaluationResult)}`
      : `Evaluation failed: ${response.error?.message ?? 'unknown'}`;
  channel.appendLine(`// ${expression}`);
  channel.appendLine(`// with ${user}: ${outcome}`);
  channel.appendLine(JSON.stringify(response.parsedExpression, null, 2));
  channel.show(true);
}
