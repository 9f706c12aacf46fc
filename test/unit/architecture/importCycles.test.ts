import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

// No module of src/ may reach itself through its imports. Type-only imports count: a cycle of types still means two
// modules that cannot be understood (or moved) one without the other.
const srcRoot = path.resolve(__dirname, '..', '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => path.join(dir, file));
}

/** The src/ files one file imports (static, type-only, re-exports, require and import()); packages are left out. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolveModule(path.resolve(path.dirname(file), specifier)))
    .filter((resolved): resolved is string => resolved !== undefined);
}

function resolveModule(base: string): string | undefined {
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find(
    (candidate) => candidate.endsWith('.ts') && fs.existsSync(candidate),
  );
}

/** Every cycle's files in import order, found by a depth-first walk that reports each back edge once. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'visiting');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('import graph of src/', () => {
  const graph = new Map(sourceFiles(srcRoot).map((file) => [file, importsOf(file)]));

  it('reads the imports it checks (a known edge is found)', () => {
    const extension = graph.get(path.join(srcRoot, 'extension', 'extension.ts'));
    assert.ok(extension && extension.length > 0, 'src/extension/extension.ts should import other modules of src/');
  });

  it('has no import cycles, type-only imports included', () => {
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => path.relative(srcRoot, file)).join(' -> '));
    assert.deepEqual(cycles, [], `import cycles in src/ (each line imports the next):\n  ${cycles.join('\n  ')}`);
  });
});
