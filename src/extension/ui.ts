import * as vscode from 'vscode';
import { viewIds } from './ids';
import { plainText, withoutLinks } from './plainText';

export interface PickItem<T> {
  /** A codicon shown before the label (ours; the label itself is shown as plain text). */
  icon?: string;
  label: string;
  description?: string;
  detail?: string;
  value: T;
  picked?: boolean;
}

export interface PickOptions {
  title: string;
  placeHolder?: string;
  matchOnDetail?: boolean;
  /** The step of a several-step flow, shown as "2/2" in the title bar. */
  step?: { step: number; totalSteps: number };
}

export interface InputOptions {
  title: string;
  prompt: string;
  value?: string;
  password?: boolean;
  validate?: (value: string) => string | undefined;
}

/** What a notification said, as VS Code was given it (the host tests read these). */
export interface ShownMessage {
  severity: 'info' | 'warning' | 'error' | 'modal' | 'progress' | 'status' | 'pick';
  text: string;
}

/**
 * Answers the extension-host tests give instead of a person (VS Code's test driver suppresses modal dialogs and
 * cannot click a quick pick). Pick and input answers are used once each, in order; none set means the real UI shows.
 */
export interface ScriptedAnswers {
  /** The answer to every confirmation while set; for `ask`, true chooses its last (proceeding) action. */
  confirm?: boolean;
  /** The labels to choose in the next quick pick (several when it allows many); undefined cancels it. */
  pick: (string[] | undefined)[];
  /** The text typed into the next input box; undefined cancels it. */
  input: (string | undefined)[];
  /** The file chosen in the next save dialog; undefined cancels it. */
  save: (vscode.Uri | undefined)[];
}

/**
 * Every way the extension asks or tells the user, in one place: notifications, modal confirmations, quick picks,
 * input boxes, progress and status bar messages. Each text passes through withoutLinks (tenant text never becomes a
 * link, whoever forgot `safe`); quick pick items are tenant text and are made plain entirely.
 */
export class Ui implements vscode.Disposable {
  readonly answers: ScriptedAnswers = { pick: [], input: [], save: [] };
  private readonly shown = new vscode.EventEmitter<ShownMessage>();
  readonly onDidShow = this.shown.event;

  info(text: string, ...actions: string[]): Thenable<string | undefined> {
    return vscode.window.showInformationMessage(this.tell('info', text), ...actions);
  }

  warn(text: string, ...actions: string[]): Thenable<string | undefined> {
    return vscode.window.showWarningMessage(this.tell('warning', text), ...actions);
  }

  error(text: string, ...actions: string[]): Thenable<string | undefined> {
    return vscode.window.showErrorMessage(this.tell('error', text), ...actions);
  }

  status(text: string, timeoutMs = 5000): void {
    vscode.window.setStatusBarMessage(this.tell('status', text), timeoutMs);
  }

  /** A modal question before something irreversible; Cancel (the safe choice) is the default. */
  async confirm(message: string, detail: string, action: string): Promise<boolean> {
    this.tell('modal', `${message}\n${detail}`);
    if (this.answers.confirm !== undefined) return this.answers.confirm;
    return (
      (await vscode.window.showWarningMessage(
        withoutLinks(message),
        { modal: true, detail: withoutLinks(detail) },
        action,
      )) === action
    );
  }

  /**
   * A modal question with several answers. The first action is the dialog's default (Enter), so callers put the safe
   * one first: VS Code offers no way to make its own Cancel the default. Undefined when cancelled.
   */
  async ask(message: string, detail: string, actions: string[]): Promise<string | undefined> {
    this.tell('modal', `${message}\n${detail}`);
    if (this.answers.confirm !== undefined) return this.answers.confirm ? actions[actions.length - 1] : undefined;
    return vscode.window.showWarningMessage(
      withoutLinks(message),
      { modal: true, detail: withoutLinks(detail) },
      ...actions,
    );
  }

  async pick<T>(items: PickItem<T>[], options: PickOptions): Promise<T | undefined> {
    return (await this.pickItems(items, options, false))?.[0];
  }

  pickMany<T>(items: PickItem<T>[], options: PickOptions): Promise<T[] | undefined> {
    return this.pickItems(items, options, true);
  }

  async input(options: InputOptions): Promise<string | undefined> {
    this.tell('pick', options.prompt);
    if (this.answers.input.length > 0) return this.answers.input.shift();
    return vscode.window.showInputBox({
      title: withoutLinks(options.title),
      prompt: withoutLinks(options.prompt),
      value: options.value,
      password: options.password,
      ignoreFocusOut: options.password,
      validateInput: options.validate,
    });
  }

  /** Where to write a file: a save dialog; resolves to the chosen file, or undefined when cancelled. */
  async saveAs(options: {
    title: string;
    defaultUri?: vscode.Uri;
    filters?: Record<string, string[]>;
  }): Promise<vscode.Uri | undefined> {
    this.tell('pick', options.title);
    if (this.answers.save.length > 0) return this.answers.save.shift();
    return vscode.window.showSaveDialog({ ...options, title: withoutLinks(options.title) });
  }

  /**
   * Runs a Graph operation with progress where the user looks: a progress bar on the tree view and a cancellable
   * notification that says what is happening. Cancelling aborts the request.
   */
  progress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Thenable<T> {
    const text = this.tell('progress', title);
    return vscode.window.withProgress({ location: { viewId: viewIds.servicePrincipals } }, () =>
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: text, cancellable: true },
        (_progress, token) => {
          const abort = new AbortController();
          const subscription = token.onCancellationRequested(() => abort.abort(new vscode.CancellationError()));
          return task(abort.signal).finally(() => subscription.dispose());
        },
      ),
    );
  }

  /**
   * Progress on a given view and in a cancellable notification whose text the task updates as it goes ("120 of 5,000
   * service principals"); cancelling aborts the signal.
   */
  countedProgress<T>(
    viewId: string,
    title: string,
    task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>,
  ): Thenable<T> {
    const text = this.tell('progress', title);
    return vscode.window.withProgress({ location: { viewId } }, () =>
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: text, cancellable: true },
        (progress, token) => {
          const abort = new AbortController();
          const subscription = token.onCancellationRequested(() => abort.abort(new vscode.CancellationError()));
          const report = (message: string) => progress.report({ message: withoutLinks(message) });
          return task(abort.signal, report).finally(() => subscription.dispose());
        },
      ),
    );
  }

  /** Progress in the status bar only, for work the user did not wait on explicitly (signing in, reading a list). */
  quietProgress<T>(title: string, task: () => Thenable<T>): Thenable<T> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: this.tell('progress', title) },
      task,
    );
  }

  /** The next scripted quick pick answer, for pickers that build their own quick pick (search as you type). */
  takeScriptedPick(): { labels: string[] | undefined } | undefined {
    return this.answers.pick.length > 0 ? { labels: this.answers.pick.shift() } : undefined;
  }

  private async pickItems<T>(items: PickItem<T>[], options: PickOptions, many: boolean): Promise<T[] | undefined> {
    this.tell(
      'pick',
      [options.title, ...items.flatMap((item) => [item.label, item.description ?? '', item.detail ?? ''])].join('\n'),
    );
    if (this.answers.pick.length > 0) {
      const labels = this.answers.pick.shift();
      return labels && items.filter((item) => labels.includes(item.label)).map((item) => item.value);
    }
    const shown = items.map((item) => ({ ...plainItem(item), item }));
    const quickPickOptions = {
      title: withoutLinks(options.title),
      placeHolder: options.placeHolder && withoutLinks(options.placeHolder),
      matchOnDetail: options.matchOnDetail,
    };
    if (many)
      return (await vscode.window.showQuickPick(shown, { ...quickPickOptions, canPickMany: true }))?.map(
        (chosen) => chosen.item.value,
      );
    const chosen = options.step
      ? await showStep(shown, { ...quickPickOptions, ...options.step })
      : await vscode.window.showQuickPick(shown, quickPickOptions);
    return chosen && [chosen.item.value];
  }

  private tell(severity: ShownMessage['severity'], text: string): string {
    const safeText = withoutLinks(text);
    this.shown.fire({ severity, text: safeText });
    return safeText;
  }

  dispose(): void {
    this.shown.dispose();
  }
}

/** A quick pick that shows its step ("2/2"), which showQuickPick cannot. */
function showStep<I extends vscode.QuickPickItem>(
  items: I[],
  options: { title: string; placeHolder?: string; matchOnDetail?: boolean; step: number; totalSteps: number },
): Promise<I | undefined> {
  const pick = vscode.window.createQuickPick<I>();
  // QuickPick spells it `placeholder`; showQuickPick's options `placeHolder`.
  Object.assign(pick, { ...options, placeholder: options.placeHolder, items });
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

/** Quick pick text is tenant text (names, ids, descriptions): no links and no icons. */
export function plainItem<T>(item: PickItem<T>): vscode.QuickPickItem {
  const label = item.icon ? `$(${item.icon}) ${plainText(item.label)}` : plainText(item.label);
  return {
    label,
    description: item.description && plainText(item.description),
    detail: item.detail && plainText(item.detail),
    picked: item.picked,
  };
}
