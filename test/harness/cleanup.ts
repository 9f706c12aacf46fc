import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

interface Step {
  name: string;
  run: () => unknown;
}

/**
 * Everything a test run started or created, undone newest first: on success, on failure and on SIGINT/SIGTERM.
 * A step that fails is reported and does not keep the others from running.
 */
export class Cleanup {
  private readonly steps: Step[] = [];
  private running?: Promise<void>;

  add(name: string, run: () => unknown): void {
    this.steps.push({ name, run });
  }

  /** A fresh folder under the system temp dir, removed at cleanup. */
  tempDir(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `graph-sync-${prefix}-`));
    this.add(`remove ${dir}`, () => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  run(): Promise<void> {
    this.running ??= this.runSteps();
    return this.running;
  }

  /**
   * Cleans up and exits on SIGINT/SIGTERM (exit code 130/143, as a shell reports them). Ctrl-C reaches every process
   * of the terminal's group and `npm test` forwards signals too, so a repeated signal must not cut the cleanup short;
   * a cleanup that hangs still ends after 30 s.
   */
  exitOnSignals(): void {
    let exiting = false;
    const onSignal = (signal: NodeJS.Signals, code: number) => {
      if (exiting) return;
      exiting = true;
      console.error(`\n[harness] ${signal}: cleaning up`);
      setTimeout(() => process.exit(code), 30_000).unref();
      void this.run().finally(() => process.exit(code));
    };
    process.on('SIGINT', () => onSignal('SIGINT', 130));
    process.on('SIGTERM', () => onSignal('SIGTERM', 143));
  }

  private async runSteps(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.run();
      } catch (error) {
        console.error(`[harness] cleanup step "${step.name}" failed: ${String(error)}`);
      }
    }
  }
}
