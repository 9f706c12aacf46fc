import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../harness/paths';

export interface PackagedExtension {
  file: string;
  milliseconds: number;
}

/**
 * Packages the extension the way it ships: `vsce package` runs the vscode:prepublish production build
 * (which leaves minified bundles in dist/) and writes the .vsix into outDir. No flags: package.json's `vsce` section
 * says the bundles need no node_modules and where the README's relative links point.
 */
export async function packageExtension(outDir: string): Promise<PackagedExtension> {
  const file = path.join(outDir, 'graph-sync-explorer.vsix');
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const started = Date.now();
  try {
    await promisify(execFile)(process.execPath, [vsce, 'package', '--out', file], {
      cwd: repoRoot,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`vsce package failed:\n${stdout ?? ''}${stderr ?? ''}`, { cause: error });
  }
  return { file, milliseconds: Date.now() - started };
}
