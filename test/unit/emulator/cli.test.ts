import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { privateCaFolder } from '../../../src/emulator/caFolder';
import { EmulatorControl } from '../../../src/emulator/control';
import { defaultPort, parseEmulatorArgs, UsageError } from '../../../src/emulator/cliArgs';

const root = path.resolve(__dirname, '..', '..', '..');

describe('emulator: command line', function () {
  this.timeout(30_000);

  it('parses ports, tenant size, CA file, faults and latency', () => {
    assert.deepEqual(parseEmulatorArgs([]), {
      port: defaultPort,
      faults: [],
      manualClock: false,
      scimServer: false,
      help: false,
    });
    const options = parseEmulatorArgs([
      '--port',
      '0',
      '--service-principals',
      '100000',
      '--ca-out',
      'ca.pem',
      '--fault',
      'createJob:unavailable:2',
      '--fault',
      '*:throttle',
      '--latency',
      '50',
    ]);
    assert.deepEqual(options, {
      port: 0,
      servicePrincipalCount: 100000,
      caOut: 'ca.pem',
      manualClock: false,
      scimServer: false,
      help: false,
      faults: [
        { route: 'createJob', kind: 'unavailable', times: 2 },
        { route: '*', kind: 'throttle' },
        { route: '*', kind: 'latency', latencyMs: 50 },
      ],
    });
    assert.equal(parseEmulatorArgs(['--help']).help, true);
    assert.deepEqual(parseEmulatorArgs(['--cycle-seconds', '5', '--manual-clock']), {
      port: defaultPort,
      faults: [],
      cycleSeconds: 5,
      manualClock: true,
      scimServer: false,
      help: false,
    });
  });

  it('refuses wrong command lines with a usage error', () => {
    for (const argv of [
      ['--port', 'x'],
      ['--port', '70000'],
      ['--fault', 'createJob'],
      ['--fault', 'createJob:explode'],
      ['--fault', 'nowhere:hang'],
      ['--fault', 'createJob:hang:0'],
      ['--fault', 'createJob:hang:1000000000'],
      ['--latency', '99999999999'],
      ['--bogus'],
      ['--ca-out'],
    ]) {
      assert.throws(() => parseEmulatorArgs(argv), UsageError, argv.join(' '));
    }
  });

  it('keeps the CA in a private per-user folder (0700), and refuses one others can use or that is a link', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-ca-'));
    const folder = privateCaFolder(base);
    assert.equal(path.dirname(folder), base);
    assert.match(path.basename(folder), new RegExp(`^graph-sync-emulator-${process.getuid!()}$`));
    assert.equal(fs.statSync(folder).mode & 0o777, 0o700);
    assert.equal(privateCaFolder(base), folder, 'reused when it is still private');
    fs.chmodSync(folder, 0o777);
    assert.throws(() => privateCaFolder(base), /open to other users \(mode 777\)/);
    fs.rmSync(folder, { recursive: true });
    fs.symlinkSync(fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-elsewhere-')), folder);
    assert.throws(() => privateCaFolder(base), /is not a directory/);
  });

  it('starts, prints the URL, tenant, client id and CA file, serves requests, and stops cleanly on Ctrl+C', async () => {
    // No --ca-out: the default place, inside a temp folder of this test's own (TMPDIR is what os.tmpdir() reads).
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-cli-'));
    const caOut = path.join(tmp, `graph-sync-emulator-${process.getuid!()}`, 'ca.pem');
    const env = { ...process.env, TMPDIR: tmp };
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'src/emulator/cli.ts'), '--port', '0', '--service-principals', '1000'],
      { cwd: root, env },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 20_000);
        child.stdout.on('data', () => {
          const match = /listening at (https:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match && /Ctrl\+C/.test(output)) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      assert.match(output, /tenant id:\s+[0-9a-f-]{36}/);
      assert.match(output, /client id:\s+[0-9a-f-]{36}/);
      assert.ok(output.includes(`NODE_EXTRA_CA_CERTS=${caOut}`), output);
      assert.equal(fs.statSync(path.dirname(caOut)).mode & 0o777, 0o700);
      assert.equal(fs.statSync(caOut).mode & 0o077, 0, 'the CA file is readable by this user only');
      assert.ok(output.includes('graphSync.sampleTenant.endpoint'));
      const health = await new EmulatorControl(url, fs.readFileSync(caOut, 'utf8')).health();
      assert.equal(health.servicePrincipals, 1000);
      child.kill('SIGINT');
      assert.equal(await exited, 0);
      assert.match(output, /Emulator stopped\./);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
