// Builds every bundle the project ships or tests with.
//   node scripts/build.mjs                 all targets, development (sourcemaps)
//   node scripts/build.mjs --production    minified, no sourcemaps (what `vsce package` ships)
//   node scripts/build.mjs --only a,b      just these targets (names below)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const production = args.includes('--production');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set(args[onlyIndex + 1].split(',')) : undefined;

const nodeBundle = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // VS Code 1.101 (engines.vscode) is the first release whose extension host runs Node 22 (Electron 35, Node 22.15.1).
  target: 'node22',
  // jsonc-parser's "main" is a UMD build that breaks when bundled; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'linked',
};

function hostTestEntries() {
  const dir = join(root, 'test', 'host');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

const targets = {
  // The JSON Schemas are generated from the committed CSDL excerpt; everything that validates imports them.
  schemas: () => execFileSync(process.execPath, [join(root, 'scripts', 'generate-schemas.mjs')], { stdio: 'inherit' }),
  extension: () =>
    esbuild.build({ ...nodeBundle, entryPoints: [join(root, 'src/extension/extension.ts')], outfile: join(root, 'dist/extension.js'), external: ['vscode'] }),
  webview: async () => {
    await esbuild.build({
      ...nodeBundle,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      entryPoints: [join(root, 'src/webview/main.ts')],
      outfile: join(root, 'dist/webview.js'),
    });
    const codicons = join(root, 'node_modules/@vscode/codicons/dist');
    mkdirSync(join(root, 'dist/codicons'), { recursive: true });
    for (const file of ['codicon.css', 'codicon.ttf']) cpSync(join(codicons, file), join(root, 'dist/codicons', file));
  },
  cli: () =>
    esbuild.build({ ...nodeBundle, entryPoints: [join(root, 'src/cli/graphSync.ts')], outfile: join(root, 'dist/cli.js'), banner: { js: '#!/usr/bin/env node' } }),
  emulator: () =>
    esbuild.build({ ...nodeBundle, entryPoints: [join(root, 'src/emulator/cli.ts')], outfile: join(root, 'dist/emulator.js'), banner: { js: '#!/usr/bin/env node' } }),
  // The extension-host suite runs inside VS Code, which loads plain JavaScript: one bundle per test file.
  hostTests: () =>
    esbuild.build({
      ...nodeBundle,
      sourcemap: true,
      minify: false,
      entryPoints: hostTestEntries(),
      outbase: join(root, 'test/host'),
      outdir: join(root, 'out/test/host'),
      external: ['vscode', 'mocha'],
    }),
};

const started = Date.now();
for (const [name, build] of Object.entries(targets)) {
  if (only && !only.has(name) && !(name === 'schemas' && (only.has('extension') || only.has('cli')))) continue;
  await build();
}
const built = only ? [...only].join(', ') : 'all targets';
console.log(`build: ${built}${production ? ' (production)' : ''} in ${Date.now() - started} ms -> ${relative(process.cwd(), join(root, 'dist')) || 'dist'}`);
