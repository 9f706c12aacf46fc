// ESLint (flat config, typescript-eslint). The layer rules of the README are enforced here, not only described:
// only src/extension (and the tests that drive VS Code) may import `vscode`; the webview bundle runs in a browser
// sandbox and may not import Node built-ins. Formatting is Prettier's job (.prettierrc.json), not ESLint's.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const vscodeImport = {
  name: 'vscode',
  message: 'Only src/extension is VS Code glue: keep this layer testable in plain Node (see README, "Layers").',
};
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  { ignores: ['dist/', 'out/', '.vscode-test/', 'test-results/', 'node_modules/', 'src/schema/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // `_` marks a parameter a signature needs but the body does not use (tsc's noUnusedParameters agrees).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // JSON is required by literal path so that esbuild inlines it (src/schema/schemaCatalog.ts).
      '@typescript-eslint/no-require-imports': ['error', { allow: ['\\.json$'] }],
      'no-restricted-imports': ['error', { paths: [vscodeImport] }],
    },
  },
  {
    // Tests read raw Graph and emulator bodies and assert on their shape.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/extension/**', 'test/host/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/webview/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            vscodeImport,
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'The webview runs in a browser sandbox: no Node built-ins.',
            })),
          ],
        },
      ],
    },
  },
  {
    // Build scripts and the schema generator are plain Node ES modules.
    files: ['**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' },
    },
  },
);
