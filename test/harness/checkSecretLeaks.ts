// `npm test`'s secrets stage: greps every file the test stages left in test-results/ (workbench logs, console
// captures, reports) for the secret values tests enter. Prints the stage's `N passed, N failed` line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { secretValues } from '../fixtures/secretValues';
import { testResultsDir } from './paths';

function* files(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile()) yield full;
  }
}

let scanned = 0;
const leaks: string[] = [];
for (const file of files(testResultsDir)) {
  scanned++;
  // Binary files (screenshots) are read as latin1: a secret written into one would still show as its bytes.
  const text = fs.readFileSync(file, 'latin1');
  for (const secret of secretValues)
    if (text.includes(secret))
      leaks.push(`${path.relative(testResultsDir, file)} contains a secret value (${secret.slice(0, 4)}…)`);
}
for (const leak of leaks) console.log(`  ✗ ${leak}`);
console.log(`  scanned ${scanned} file(s) in ${path.relative(process.cwd(), testResultsDir) || testResultsDir}`);
console.log(`${leaks.length === 0 ? 1 : 0} passed, ${leaks.length === 0 ? 0 : 1} failed`);
process.exit(leaks.length === 0 ? 0 : 1);
