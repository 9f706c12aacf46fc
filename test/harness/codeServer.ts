import { spawn, execFile, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { Cleanup } from './cleanup';
import { freeLoopbackPort } from './freePort';
import { codeServerBin, node24Bin } from './paths';
import { writeUserSettings } from './userSettings';

/** A throwaway code-server profile: user data, extensions, XDG dirs and an empty workspace, all in one temp folder. */
export interface CodeServerProfile {
  runDir: string;
  userDataDir: string;
  extensionsDir: string;
  workspaceDir: string;
  configFile: string;
  env: NodeJS.ProcessEnv;
}

export interface RunningCodeServer {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** How the workbench names a file on the server (for ?payload= entries). */
  remoteUri(absolutePath: string): string;
  /** The server's own output so far (for error reports). */
  output(): string;
  stop(): Promise<void>;
}

export function assertHostInstalled(): void {
  if (!fs.existsSync(codeServerBin) || !fs.existsSync(path.join(node24Bin, 'node'))) {
    throw new Error(
      'code-server is not installed in .vscode-test/: run `npm run setup:host` (scripts/setup-vscode-host.sh)',
    );
  }
}

/** extraEnv reaches code-server and so the extension host (NODE_EXTRA_CA_CERTS, test variables). */
export function createProfile(
  cleanup: Cleanup,
  settings: Record<string, unknown>,
  extraEnv: NodeJS.ProcessEnv,
): CodeServerProfile {
  const runDir = cleanup.tempDir('code-server');
  const dir = (name: string) => {
    const full = path.join(runDir, name);
    fs.mkdirSync(full, { recursive: true });
    return full;
  };
  const userDataDir = dir('user-data');
  writeUserSettings(userDataDir, settings);
  const configFile = path.join(runDir, 'config.yaml');
  fs.writeFileSync(configFile, '');
  return {
    runDir,
    userDataDir,
    extensionsDir: dir('extensions'),
    workspaceDir: dir('workspace'),
    configFile,
    env: {
      ...process.env,
      ...extraEnv,
      PATH: `${node24Bin}${path.delimiter}${process.env.PATH ?? ''}`,
      // Otherwise code-server writes its config and logs under ~/.config and ~/.local/share.
      XDG_CONFIG_HOME: dir('xdg-config'),
      XDG_DATA_HOME: dir('xdg-data'),
      // The default gallery (open-vsx.org) is unreachable here.
      EXTENSIONS_GALLERY: '{}',
    },
  };
}

function profileArgs(profile: CodeServerProfile): string[] {
  return [
    '--config',
    profile.configFile,
    '--user-data-dir',
    profile.userDataDir,
    '--extensions-dir',
    profile.extensionsDir,
  ];
}

export async function installExtension(profile: CodeServerProfile, vsixPath: string): Promise<void> {
  await promisify(execFile)(codeServerBin, [...profileArgs(profile), '--install-extension', vsixPath], {
    env: profile.env,
  });
}

/**
 * Starts code-server on a free loopback port, in its own process group so that stopping it also ends the VS Code
 * server, the extension host and the pty host. smokeTestDriver: needed to load an extension under development
 * through ?payload= (the built workbench ignores those entries otherwise); it also suppresses toasts and dialogs.
 */
export async function startCodeServer(
  profile: CodeServerProfile,
  cleanup: Cleanup,
  smokeTestDriver: boolean,
): Promise<RunningCodeServer> {
  assertHostInstalled();
  const port = await freeLoopbackPort();
  const args = [
    ...profileArgs(profile),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const server = spawn(codeServerBin, args, { env: profile.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-200_000));
  server.stdout?.on('data', collect);
  server.stderr?.on('data', collect);
  const killOnExit = () => signalGroup(server, 'SIGKILL');
  process.on('exit', killOnExit);
  const stop = async () => {
    await stopGroup(server);
    process.off('exit', killOnExit);
  };
  cleanup.add('stop code-server', stop);
  await waitForListening(server, () => output);
  const origin = `http://127.0.0.1:${port}`;
  return { port, origin, remoteUri: (p) => `vscode-remote://127.0.0.1:${port}${p}`, output: () => output, stop };
}

function waitForListening(server: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      if (/HTTP server listening/.test(output())) finish();
    }, 50);
    const timer = setTimeout(() => finish(new Error('code-server did not start within 60 s')), 60_000);
    const onExit = (code: number | null) => finish(new Error(`code-server exited (code ${code}) before listening`));
    server.once('exit', onExit);
    function finish(error?: Error) {
      clearInterval(poll);
      clearTimeout(timer);
      server.off('exit', onExit);
      if (error) reject(new Error(`${error.message}\n${output().slice(-4000)}`));
      else resolve();
    }
  });
}

/** Signal 0 only asks whether any process of the group is still there. */
function signalGroup(server: ChildProcess, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-(server.pid as number), signal);
    return true;
  } catch {
    return false; // the group is gone
  }
}

/** SIGTERM to the whole group, then SIGKILL if anything in it is still there after 5 s. */
async function stopGroup(server: ChildProcess): Promise<void> {
  if (server.pid === undefined || !signalGroup(server, 'SIGTERM')) return;
  for (let waited = 0; waited < 5000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (!signalGroup(server, 0)) return;
  }
  signalGroup(server, 'SIGKILL');
}
