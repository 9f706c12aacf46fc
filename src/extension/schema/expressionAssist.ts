import { getLocation, type JSONPath } from 'jsonc-parser';
import * as vscode from 'vscode';
import { expressionAt, filterOperators, functionCatalog, type FunctionSignature } from '../../expressions';

// Completion and hover inside a schema document: function names with their signatures and attribute names (the
// mapping's source object's, from the schema's own directories) inside expressions; operators in scoping-filter
// clauses. Each request reads the document once (one JSON.parse for attribute names).

export const signatureOf = (signature: FunctionSignature) =>
  `${signature.name}(${signature.parameters
    .map((parameter) => {
      const name = parameter.allowMultipleOccurrences ? `${parameter.name}…` : parameter.name;
      return parameter.required ? name : `[${name}]`;
    })
    .join(', ')})`;

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

/** The attribute names of the source object of the object mapping at `path`, or of every object when unknown. */
export function sourceAttributes(text: string, path: JSONPath): string[] {
  let schema: Json;
  try {
    schema = JSON.parse(text) as Json;
  } catch {
    return [];
  }
  const rule = list(schema.synchronizationRules)[path[1] as number];
  const mapping = rule && list(rule.objectMappings)[path[3] as number];
  const directory = list(schema.directories).find((entry) => entry.name === rule?.sourceDirectoryName);
  const objects = list(directory?.objects ?? list(schema.directories).flatMap((entry) => list(entry.objects)));
  const source = objects.filter((object) => !mapping || object.name === mapping.sourceObjectName);
  return [
    ...new Set(
      (source.length > 0 ? source : objects).flatMap((object) => list(object.attributes)).map((a) => String(a.name)),
    ),
  ];
}

export class ExpressionAssist implements vscode.CompletionItemProvider, vscode.HoverProvider {
  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const text = document.getText();
    const offset = document.offsetAt(position);
    const location = getLocation(text, offset);
    if (location.path.at(-1) === 'operatorName' && location.path.includes('clauses'))
      return filterOperators.map((operator) => {
        const item = new vscode.CompletionItem(operator.name, vscode.CompletionItemKind.Operator);
        item.detail = `${operator.arity}, ${operator.supportedAttributeTypes.join(' | ')}`;
        item.documentation = operator.description;
        return item;
      });
    const found = expressionAt(text, offset);
    if (!found) return [];
    const before = found.expression.slice(0, found.offset);
    const word = document.getWordRangeAtPosition(position, /[\w.:-]+/);
    if (before.lastIndexOf('[') > before.lastIndexOf(']'))
      return sourceAttributes(text, found.path).map((name) => {
        const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Field);
        item.range = word;
        return item;
      });
    return functionCatalog.map((signature) => {
      const item = new vscode.CompletionItem(signature.name, vscode.CompletionItemKind.Function);
      item.detail = signatureOf(signature);
      item.documentation = signature.description;
      item.range = word;
      return item;
    });
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = expressionAt(document.getText(), document.offsetAt(position));
    const node = found?.node;
    if (!found || node?.kind !== 'call' || found.offset > node.nameEnd) return undefined;
    const signature = functionCatalog.find((entry) => entry.name.toLowerCase() === node.name.toLowerCase());
    const range = new vscode.Range(
      document.positionAt(found.toDocument(node.start)),
      document.positionAt(found.toDocument(node.nameEnd)),
    );
    if (!signature)
      return new vscode.Hover(
        new vscode.MarkdownString().appendText(`There is no function named ${node.name}.`),
        range,
      );
    // The description is the catalog's own text (catalog.ts), not tenant text: it may be read as Markdown.
    const markdown = new vscode.MarkdownString()
      .appendCodeblock(signatureOf(signature), 'plaintext')
      .appendMarkdown(signature.description);
    return new vscode.Hover(markdown, range);
  }
}
