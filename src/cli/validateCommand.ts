// `graph-sync validate`: reads a response (file or stdin), validates it, prints findings at their place in the input.
import { parseArgs } from 'node:util';
import type { ApiVersion } from '../graph/types';
import {
  validateResponse,
  type Finding,
  type ResponseExpectation,
  type ValidatedType,
  type ValidationResult,
} from '../schema';
import { decodeUtf8 } from './decodeUtf8';
import { parseHttpMessage, type HttpMessage } from './httpMessage';
import { jsonReport, textReport } from './report';
import { InputError, UsageError } from './usage';

export interface CliIo {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, text: string): Promise<void>;
  readStdin(): Promise<Uint8Array>;
  stdout(text: string): void;
  stderr(text: string): void;
}

interface ValidateOptions {
  input: string;
  type: ValidatedType;
  version: ApiVersion;
  collection: boolean;
  format: 'text' | 'json';
  status?: number;
  operation?: ResponseExpectation['operation'];
  templateId?: string;
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${option} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

function parseOptions(args: string[]): ValidateOptions | 'help' {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      type: { type: 'string' },
      collection: { type: 'boolean' },
      version: { type: 'string' },
      operation: { type: 'string' },
      status: { type: 'string' },
      'template-id': { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0 ? 'missing <file|->' : `one input only, got ${positionals.join(' ')}`,
    );
  if (values.status !== undefined && !/^[1-5]\d\d$/.test(values.status))
    throw new UsageError(`--status must be an HTTP status code, not "${values.status}"`);
  const type = oneOf(
    'type',
    values.type,
    ['synchronizationJob', 'synchronizationTemplate'] as const,
    'synchronizationJob',
  );
  const templateId = values['template-id'];
  const operation = values.operation === undefined && templateId !== undefined ? 'createJob' : values.operation;
  if (operation !== undefined && type !== 'synchronizationJob')
    throw new UsageError('--operation and --template-id apply to synchronizationJob only');
  return {
    input: positionals[0],
    type,
    version: oneOf('version', values.version, ['v1.0', 'beta'] as const, 'v1.0'),
    collection: values.collection ?? false,
    format: oneOf('format', values.format, ['text', 'json'] as const, 'text'),
    status: values.status === undefined ? undefined : Number(values.status),
    operation:
      operation === undefined
        ? undefined
        : oneOf('operation', operation, ['createJob', 'getJob'] as const, 'createJob'),
    templateId,
  };
}

async function readInput(input: string, io: CliIo): Promise<Uint8Array> {
  try {
    return input === '-' ? await io.readStdin() : await io.readFile(input);
  } catch (error) {
    throw new InputError(`cannot read ${input}: ${(error as Error).message}`);
  }
}

const statusRules = new Set(['status-201', 'unexpected-status']);

// The validator places findings on the text it returns (pretty-printed when the body parses); a file's reader wants
// them where they are in the file: their place in the body (`source`), shifted past the headers. Findings about the
// status go to the status line when the status came from the file.
function positionsInFile(findings: Finding[], message: HttpMessage, statusFromFile: boolean): Finding[] {
  return findings.map(({ source, ...finding }) => {
    if (statusFromFile && message.statusLine !== undefined && statusRules.has(finding.rule)) {
      return { ...finding, line: message.statusLine, column: 1 };
    }
    const { line, column } = source ?? finding;
    return { ...finding, line: line + message.bodyLineOffset, column };
  });
}

/** A file that is not UTF-8 is not validated: the one finding says where its first bad byte is. */
function notUtf8(byteOffset: number, position: { line: number; column: number }): ValidationResult {
  const message = `invalid UTF-8 at byte ${byteOffset}: the file must be UTF-8`;
  const finding: Finding = { severity: 'error', pointer: '', message, rule: 'utf-8', ...position };
  return { text: '', parsed: false, findings: [finding], timing: { validateMs: 0 } };
}

export async function validateCommand(args: string[], io: CliIo, usageText: string): Promise<number> {
  const options = parseOptions(args);
  if (options === 'help') {
    io.stdout(`${usageText}\n`);
    return 0;
  }
  const decoded = decodeUtf8(await readInput(options.input, io));
  const message = parseHttpMessage(decoded.ok ? decoded.text : '');
  const status = options.status ?? message.status;
  const result = decoded.ok
    ? validateResponse({
        text: message.body,
        type: options.type,
        version: options.version,
        collection: options.collection,
        expectation: { operation: options.operation, status, requestedTemplateId: options.templateId },
      })
    : notUtf8(decoded.byteOffset, decoded.position);
  const report = {
    file: options.input === '-' ? '<stdin>' : options.input,
    type: options.collection ? `${options.type} collection` : options.type,
    version: options.version,
    status,
    result,
    findings: positionsInFile(result.findings, message, options.status === undefined),
  };
  io.stdout(options.format === 'json' ? jsonReport(report) : textReport(report));
  return report.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
