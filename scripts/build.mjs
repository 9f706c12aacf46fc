// Builds every bundle the project ships or tests with.
//   node scripts/build.mjs                 all targets, development (sourcemaps)
//   node scripts/build.mjs --production    minified, no sourcemaps (what `vsce package` ships)
//   node scripts/build.mjs --only a,b      just these targets (names below)
//   node scripts/build.mjs --outdir DIR    bundles into DIR instead of dist/ (npm run bench measures their sizes)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const production = args.includes('--production');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set(args[onlyIndex + 1].split(',')) : undefined;
const outdirIndex = args.indexOf('--outdir');
const dist = outdirIndex >= 0 ? resolve(args[outdirIndex + 1]) : join(root, 'dist');

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

// Loaded at run time from their own files beside dist/extension.js, only when needed, so that the extension bundle
// stays lean: the emulator when the sample tenant starts (src/extension/sampleTenantEmulator.ts), undici when a connection
// pins a CA (an emulator connection, src/graph/client.ts), @azure/identity (with MSAL) on the first token request of
// a method that uses it (src/auth/identityCredential.ts). Each is imported with import(), which stays lazy.
const emulatorIndex = join(root, 'src/emulator');
const packagesLoadedAtRunTime = { undici: 'undici.js', '@azure/identity': 'azureIdentity.js' };
const loadedAtRunTime = {
  name: 'loaded-at-run-time',
  setup(build) {
    build.onResolve({ filter: /^(undici|@azure\/identity)$/ }, (args) => ({
      path: `./${packagesLoadedAtRunTime[args.path]}`,
      external: true,
    }));
    build.onResolve({ filter: /\/emulator$/ }, (args) =>
      join(args.resolveDir, args.path) === emulatorIndex
        ? { path: './sampleTenantEmulator.js', external: true }
        : undefined,
    );
  },
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
    Promise.all([
      esbuild.build({
        ...nodeBundle,
        entryPoints: [join(root, 'src/extension/extension.ts')],
        outfile: join(dist, 'extension.js'),
        external: ['vscode'],
        plugins: [loadedAtRunTime],
        // import() of those files becomes require() (still lazy): a CommonJS bundle's exports are plain properties to
        // require(), while Node's ESM import() of it could not see them.
        supported: { 'dynamic-import': false },
      }),
      esbuild.build({
        ...nodeBundle,
        entryPoints: [join(emulatorIndex, 'index.ts')],
        outfile: join(dist, 'sampleTenantEmulator.js'),
      }),
      ...Object.entries(packagesLoadedAtRunTime).map(([name, file]) =>
        esbuild.build({
          ...nodeBundle,
          entryPoints: [createRequire(import.meta.url).resolve(name)],
          outfile: join(dist, file),
        }),
      ),
    ]),
  webview: async () => {
    // One small bundle per webview, each loaded only by its own panel: the response view, the job view, the
    // provisioning logs table, the SCIM traffic list.
    const pages = {
      'main.ts': 'webview.js',
      'jobMain.ts': 'jobView.js',
      'logs/main.ts': 'logsView.js',
      'scimTraffic/main.ts': 'scimTrafficView.js',
    };
    for (const [entry, outfile] of Object.entries(pages)) {
      await esbuild.build({
        ...nodeBundle,
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        entryPoints: [join(root, 'src/webview', entry)],
        outfile: join(dist, outfile),
      });
    }
    const codicons = join(root, 'node_modules/@vscode/codicons/dist');
    mkdirSync(join(dist, 'codicons'), { recursive: true });
    for (const file of ['codicon.css', 'codicon.ttf']) cpSync(join(codicons, file), join(dist, 'codicons', file));
  },
  cli: () =>
    esbuild.build({
      ...nodeBundle,
      entryPoints: [join(root, 'src/cli/graphSync.ts')],
      outfile: join(dist, 'cli.js'),
      banner: { js: '#!/usr/bin/env node' },
    }),
  emulator: () =>
    esbuild.build({
      ...nodeBundle,
      entryPoints: [join(root, 'src/emulator/cli.ts')],
      outfile: join(dist, 'emulator.js'),
      banner: { js: '#!/usr/bin/env node' },
    }),
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
console.log(
  `build: ${built}${production ? ' (production)' : ''} in ${Date.now() - started} ms -> ${relative(process.cwd(), dist) || 'dist'}`,
);
