import { visit } from 'jsonc-parser';
import * as vscode from 'vscode';
import { commandIds } from '../ids';
import { schemaResource } from './schemaUris';

/** A "Test Expression" lens above each attribute mapping's source expression of a job's schema (one scan). */
export class ExpressionLenses implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (schemaResource(document.uri)?.kind !== 'job') return [];
    const lenses: vscode.CodeLens[] = [];
    visit(document.getText(), {
      onLiteralValue: (value, offset, _length, _line, _column, pathSupplier) => {
        if (typeof value !== 'string' || value === '') return;
        const path = pathSupplier();
        if (path.at(-1) !== 'expression' || path.at(-2) !== 'source' || path.at(-4) !== 'attributeMappings') return;
        const position = document.positionAt(offset + 1);
        lenses.push(
          new vscode.CodeLens(new vscode.Range(position, position), {
            title: 'Test Expression',
            command: commandIds.testExpression,
            arguments: [document.uri, offset + 1],
          }),
        );
      },
    });
    return lenses;
  }
}
