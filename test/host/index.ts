// The extension-host suite's entry: VS Code loads this file (extensionTestsPath) and awaits run().
// It runs every *.test.js bundled next to it and prints a summary line the drivers parse (test/harness/hostSummary.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { formatHostSummary, hostResultFileVariable, type HostTestResult } from '../harness/hostSummary';

export async function run(): Promise<void> {
  // Extension-host tests start VS Code services and talk to the emulator: seconds, not milliseconds.
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  const results: HostTestResult[] = [];
  try {
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => results.push({ title: test.fullTitle(), state: 'passed' }));
      runner.on('pending', (test) => results.push({ title: test.fullTitle(), state: 'pending' }));
      runner.on('fail', (test, error: unknown) =>
        results.push({ title: test.fullTitle(), state: 'failed', error: messageOf(error) }),
      );
    });
  } catch (error) {
    // A test file that throws while loading ends up here, before any test ran.
    results.push({ title: 'loading the extension-host tests', state: 'failed', error: messageOf(error) });
  }
  const count = (state: HostTestResult['state']) => results.filter((result) => result.state === state).length;
  const failures = count('failed');
  const summary = {
    vscodeVersion: vscode.version,
    passes: count('passed'),
    failures,
    pending: count('pending'),
    tests: results,
  };
  console.log(formatHostSummary(summary));
  const resultFile = process.env[hostResultFileVariable];
  if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(summary));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(dir, file));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
