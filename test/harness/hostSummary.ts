// Shared by the extension-host suite (which prints the summary) and the drivers (which parse it from the console).

export interface HostTestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  error?: string;
}

export interface HostTestSummary {
  vscodeVersion: string;
  passes: number;
  failures: number;
  pending: number;
  tests: HostTestResult[];
}

const marker = 'GRAPH_SYNC_HOST_RESULT ';

export function formatHostSummary(summary: HostTestSummary): string {
  return marker + JSON.stringify(summary);
}

/** The summary carried by one console line, or undefined when the line is something else. */
export function parseHostSummary(line: string): HostTestSummary | undefined {
  const at = line.indexOf(marker);
  if (at < 0) return undefined;
  const summary = JSON.parse(line.slice(at + marker.length)) as HostTestSummary;
  if (typeof summary.passes !== 'number' || typeof summary.failures !== 'number' || !Array.isArray(summary.tests)) {
    throw new Error(`malformed host test summary: ${line}`);
  }
  return summary;
}

/** Each test with its outcome, then the closing line `N passed, N failed`. */
export function printHostSummary(summary: HostTestSummary): void {
  for (const test of summary.tests) {
    // The reporter printed each failure in full above; one line is enough here.
    const error = test.error ? `: ${test.error.split('\n')[0]}` : '';
    console.log(`  ${test.state.padEnd(7)} ${test.title}${error}`);
  }
  console.log(`${summary.passes} passed, ${summary.failures} failed`);
}

/** Set by a driver that cannot read the extension host's console (@vscode/test-electron): the summary goes there too. */
export const hostResultFileVariable = 'GRAPH_SYNC_HOST_RESULT_FILE';
