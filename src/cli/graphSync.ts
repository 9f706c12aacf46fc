// The `graph-sync` command line (bundled to dist/cli.js): validate, scan.
import { readFile, writeFile } from 'node:fs/promises';
import { scanUsage } from './scanArgs';
import { scanCommand, type ScanIo } from './scanCommand';
import { InputError, usage, UsageError } from './usage';
import { validateCommand, type CliIo } from './validateCommand';

export async function main(argv: string[], io: CliIo & Partial<ScanIo>): Promise<number> {
  const [command, ...args] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${usage}\n\n${scanUsage}\n`);
    return 0;
  }
  try {
    if (command === 'scan') return await scanCommand(args, { ...io, env: io.env ?? process.env });
    if (command !== 'validate')
      throw new UsageError(command === undefined ? 'missing command' : `unknown command "${command}"`);
    return await validateCommand(args, io, usage);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`graph-sync: ${error.message}\n`);
      return 2;
    }
    // parseArgs reports unknown options and missing values with a TypeError carrying an ERR_PARSE_ARGS_* code.
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!(error instanceof UsageError) && !code.startsWith('ERR_PARSE_ARGS')) throw error;
    io.stderr(`graph-sync: ${(error as Error).message}\n\n${command === 'scan' ? scanUsage : usage}\n`);
    return 2;
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const nodeIo: CliIo = {
  readFile: (path) => readFile(path),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  readStdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

if (require.main === module) {
  main(process.argv.slice(2), nodeIo).then(
    (status) => (process.exitCode = status),
    (error: Error) => {
      process.stderr.write(`graph-sync: ${error.stack ?? error.message}\n`);
      process.exitCode = 2;
    },
  );
}
