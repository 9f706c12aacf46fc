// How the CLI prints a validation: one line per finding plus a summary, or one JSON document.
import type { Finding, ValidationResult } from '../schema';
import { terminalJson, terminalLine } from './terminalText';

export interface Report {
  file: string;
  type: string;
  version: string;
  status?: number;
  result: ValidationResult;
  /** The findings with lines and columns in the input file (not in the pretty-printed text). */
  findings: Finding[];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function timingText({ validateMs, compileMs }: ValidationResult['timing']): string {
  const validated = `validated in ${validateMs.toFixed(2)} ms`;
  return compileMs === undefined ? validated : `${validated}, schema compiled in ${Math.round(compileMs)} ms`;
}

export function textReport(report: Report): string {
  const lines = report.findings.map(
    (f) =>
      `${report.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} (${f.pointer === '' ? 'root' : f.pointer}) [${f.rule}]`,
  );
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.length - errors;
  const verdict =
    report.findings.length === 0 ? 'no problems' : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  const context = [report.type, report.version, ...(report.status === undefined ? [] : [`HTTP ${report.status}`])].join(
    ', ',
  );
  lines.push(`${report.file}: ${verdict} (${context}; ${timingText(report.result.timing)})`);
  return `${lines.map(terminalLine).join('\n')}\n`;
}

export function jsonReport(report: Report): string {
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const document = {
    file: report.file,
    type: report.type,
    version: report.version,
    status: report.status,
    parsed: report.result.parsed,
    errors,
    warnings: report.findings.length - errors,
    findings: report.findings,
    timing: report.result.timing,
  };
  return `${terminalJson(JSON.stringify(document, null, 2))}\n`;
}
