import * as vscode from 'vscode';

/**
 * Questions that need an answer before something irreversible. One object, so that the extension-host tests can
 * answer them (VS Code's test driver suppresses modal dialogs); the UI scenarios click the real dialogs.
 */
export class Prompts {
  /** Set by the extension-host tests only: the answer to give instead of showing the dialog. */
  answer?: boolean;

  async confirm(message: string, detail: string, action: string): Promise<boolean> {
    if (this.answer !== undefined) return this.answer;
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
  }
}
