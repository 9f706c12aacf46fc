import * as vscode from 'vscode';
import { describedAs, Failure, isCancellation, reportFailure } from './failures';
import type { CommandId } from './ids';
import type { Ui } from './ui';

type Handler = (...args: never[]) => unknown;

/**
 * The one way a command runs. Every handler is registered here: a user's cancel ends it quietly, any other failure
 * is shown once as one line (with Show Log and Copy Request ID) and logged in full. A handler throws; it never shows
 * its own error. The same wrapper serves entry points that are not commands (the response view's buttons): run().
 */
export class CommandRegistry implements vscode.Disposable {
  private readonly registrations: vscode.Disposable[] = [];

  constructor(
    private readonly ui: Ui,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** `what` names the failure when the handler's error does not ("Could not refresh the tree"). */
  register(id: CommandId, what: string, handler: Handler): void {
    this.registrations.push(
      vscode.commands.registerCommand(id, (...args: never[]) => this.run(what, () => handler(...args))),
    );
  }

  /** Runs one user action; resolves to its result, or undefined when it was cancelled or failed (already shown). */
  async run<T>(what: string, action: () => T | PromiseLike<T>): Promise<T | undefined> {
    try {
      return await describedAs(what, async () => action());
    } catch (error) {
      if (isCancellation(error)) {
        this.log.info(`${what}: cancelled.`);
        return undefined;
      }
      reportFailure(this.ui, this.log, error instanceof Failure ? error.what : what, error);
      return undefined;
    }
  }

  dispose(): void {
    for (const registration of this.registrations) registration.dispose();
  }
}
