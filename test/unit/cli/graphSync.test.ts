// `graph-sync validate` as users run it: the built bundle (dist/cli.js) in a child process.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { positionOf, repoRoot } from '../schema/support';

const cli = join(repoRoot, 'dist', 'cli.js');
const seeds = join('test', 'fixtures', 'seeds');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function graphSync(args: string[], input?: string): Run {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, input, encoding: 'utf8', timeout: 15000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function lines(text: string): string[] {
  return text.trimEnd().split('\n');
}

describe('graph-sync CLI', function () {
  this.timeout(60000);

  before(() => {
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), '--only', 'cli'], { stdio: 'ignore' });
  });

  it('prints the usage for --help and exits 0', () => {
    for (const args of [['--help'], ['validate', '--help']]) {
      const run = graphSync(args);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage: graph-sync validate <file\|-> \[options\]/);
      assert.equal(run.stderr, '');
    }
  });

  it('exits 2 with a message and the usage for a wrong command line', () => {
    const cases: [string[], RegExp][] = [
      [[], /^graph-sync: missing command\n\nUsage:/],
      [['check', 'x.json'], /^graph-sync: unknown command "check"/],
      [['validate'], /^graph-sync: missing <file\|->/],
      [['validate', 'a.json', 'b.json'], /^graph-sync: one input only, got a\.json b\.json/],
      [['validate', 'x.json', '--bogus'], /^graph-sync: Unknown option '--bogus'/],
      [['validate', 'x.json', '--version', 'v2'], /^graph-sync: --version must be one of v1\.0, beta, not "v2"/],
      [['validate', 'x.json', '--status', 'OK'], /^graph-sync: --status must be an HTTP status code, not "OK"/],
      [
        ['validate', 'x.json', '--type', 'synchronizationTemplate', '--template-id', 'scim'],
        /apply to synchronizationJob only/,
      ],
    ];
    for (const [args, message] of cases) {
      const run = graphSync(args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
      assert.match(run.stderr, /Usage: graph-sync validate/);
      assert.equal(run.stdout, '');
    }
  });

  it('exits 2 without the usage when the file cannot be read', () => {
    const run = graphSync(['validate', 'no/such/file.json']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^graph-sync: cannot read no\/such\/file\.json: ENOENT/);
    assert.doesNotMatch(run.stderr, /Usage/);
  });

  it('validates a raw HTTP response: errors exit 1, positions are those of the file', () => {
    const file = join(seeds, '004-response.http');
    const run = graphSync(['validate', file, '--version', 'beta']);
    assert.equal(run.status, 1);
    const output = lines(run.stdout);
    const fileText = readFileSync(join(repoRoot, file), 'utf8');
    assert.equal(positionOf(fileText, '"state": "String"'), '13:5');
    assert.equal(
      output[2],
      `${file}:13:5: error: "String" is not a synchronizationScheduleState: ` +
        'expected one of Active, Disabled, Paused (/schedule/state) [enum]',
    );
    assert.ok(
      output.includes(
        `${file}:51:9: warning: completedUnits 14 is more than totalUnits 10 (/status/progress/0/completedUnits) [progress-units]`,
      ),
    );
    assert.match(
      output[output.length - 1],
      new RegExp(`^${file}: 4 errors, 11 warnings \\(synchronizationJob, beta, HTTP 201; validated in [\\d.]+ ms`),
    );
  });

  it('takes the status from the status line, puts its warning there, and exits 0 on warnings only', () => {
    const file = join(seeds, '000-response.http');
    const run = graphSync(['validate', file, '--version', 'beta', '--template-id', 'BoxOutDelta']);
    assert.equal(run.status, 0);
    assert.deepEqual(lines(run.stdout).slice(0, 2), [
      `${file}:1:1: warning: createJob answered 200 OK; ` +
        'Graph documents 201 Created for a new job (the docs example shows 200) (root) [status-201]',
      `${file}:5:5: warning: "{jobId}" looks like a documentation placeholder, not a value from a real response (/id) [placeholder]`,
    ]);
    // --status wins over the status line.
    const overridden = graphSync([
      'validate',
      file,
      '--version',
      'beta',
      '--template-id',
      'BoxOutDelta',
      '--status',
      '201',
    ]);
    const [placeholder, summary, ...rest] = lines(overridden.stdout);
    assert.deepEqual([placeholder.endsWith('[placeholder]'), rest], [true, []]);
    assert.match(summary, /0 errors, 1 warning \(synchronizationJob, beta, HTTP 201;/);
  });

  it('finds the body of a response whose blank line is missing (seed 002)', () => {
    const file = join(seeds, '002-response.http');
    const run = graphSync(['validate', file, '--version', 'beta']);
    const fileText = readFileSync(join(repoRoot, file), 'utf8');
    assert.equal(run.status, 0);
    assert.deepEqual(
      lines(run.stdout).map((l) => l.split(': ')[0]),
      [
        `${file}:${positionOf(fileText, '"id": "94ff')}`,
        `${file}:${positionOf(fileText, '"templateId": "String"')}`,
        file,
      ],
    );
  });

  it('reads stdin, and reports invalid JSON at its place in the input', () => {
    const run = graphSync(['validate', '-'], '{\n  "id": "scim.1",\n  templateId: "scim"\n}');
    assert.equal(run.status, 1);
    assert.deepEqual(
      lines(run.stdout)[0],
      '<stdin>:3:3: error: invalid JSON: property names must be in double quotes (root) [json-syntax]',
    );
    assert.match(lines(run.stdout)[1], /^<stdin>: 1 error, 0 warnings \(synchronizationJob, v1\.0;/);
  });

  it('writes one JSON document with --format json', () => {
    const body = JSON.stringify({
      value: [{ id: 'scim', applicationId: 'not-a-guid', metadata: [{ key: 'Custom', value: '1' }] }],
    });
    const run = graphSync(
      ['validate', '-', '--type', 'synchronizationTemplate', '--collection', '--format', 'json'],
      body,
    );
    assert.equal(run.status, 1);
    const report = JSON.parse(run.stdout);
    assert.equal(report.file, '<stdin>');
    assert.equal(report.type, 'synchronizationTemplate collection');
    assert.deepEqual([report.parsed, report.errors, report.warnings], [true, 1, 1]);
    assert.deepEqual(
      report.findings.map(
        (f: { line: number; column: number; pointer: string; rule: string }) =>
          `${f.line}:${f.column} ${f.pointer} ${f.rule}`,
      ),
      [
        `1:${body.indexOf('"applicationId"') + 1} /value/0/applicationId format`,
        `1:${body.indexOf('"key"') + 1} /value/0/metadata/0/key metadata-key`,
      ],
    );
    assert.ok(report.timing.validateMs >= 0);
  });

  describe('hostile or unusual input', () => {
    let folder: string;
    before(() => (folder = mkdtempSync(join(tmpdir(), 'graph-sync-cli-'))));
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('reports 10,000-deep nesting as a finding and exits 1, without a stack trace', () => {
      const run = graphSync(['validate', '-'], `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
      assert.equal(run.status, 1);
      assert.match(lines(run.stdout)[0], /^<stdin>:1:1001: error: the JSON is nested deeper than 1000 levels/);
      assert.equal(run.stderr, '');
    });

    it('reads a BOM and a status line written HTTP 201/Created', () => {
      const file = join(folder, 'created.http');
      writeFileSync(
        file,
        '\uFEFFHTTP 201/Created\nContent-type: application/json\n\n{"id": "scim.1", "templateId": "scim"}\n',
      );
      const run = graphSync(['validate', file]);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.match(lines(run.stdout)[0], /: no problems \(synchronizationJob, v1\.0, HTTP 201;/);
    });

    it('reports invalid UTF-8 with its byte offset and exits 1', () => {
      const file = join(folder, 'latin1.json');
      writeFileSync(file, Buffer.concat([Buffer.from('{\n  "id": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}')]));
      const run = graphSync(['validate', file]);
      assert.equal(run.status, 1);
      assert.equal(
        lines(run.stdout)[0],
        `${file}:2:13: error: invalid UTF-8 at byte 14: the file must be UTF-8 (root) [utf-8]`,
      );
    });

    it('never writes control characters from the body to the terminal', () => {
      const body = JSON.stringify({
        id: 'scim.1',
        templateId: 'scim',
        '\u001b]0;pwned\u0007\u001b[2J': 1,
        '\u009b31m': 2,
      });
      for (const format of ['text', 'json']) {
        const run = graphSync(['validate', '-', '--format', format], body);
        assert.equal(run.status, 0);
        // eslint-disable-next-line no-control-regex -- the assertion is about control characters
        assert.doesNotMatch(run.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
        assert.match(run.stdout, /\\u001b\]0;pwned\\u0007\\u001b\[2J/);
      }
    });

    it('reports a Graph error envelope as an error, and a non-2xx --status with a job type', () => {
      const envelope = '{"error":{"code":"UnknownError","message":"","innerError":{"request-id":"r-1"}}}';
      const run = graphSync(['validate', '-'], envelope);
      assert.equal(run.status, 1);
      assert.match(
        lines(run.stdout)[0],
        /error: .*Graph's error response.*UnknownError.*request-id r-1.*\[graph-error\]$/,
      );
      const unauthorized = graphSync(['validate', '-', '--status', '401'], '{"id": "scim.1", "templateId": "scim"}');
      assert.equal(unauthorized.status, 1);
      assert.match(lines(unauthorized.stdout)[0], /error: .*401.*\[error-status\]$/);
    });
  });
});
