// The CLI's help text, and the errors that end a run with exit status 2.

export const usage = `Usage: graph-sync validate <file|-> [options]

Validates a Microsoft Graph synchronization response against the schema generated from Graph's CSDL, plus the
documented contract (e.g. createJob answers 201 Created with a Disabled schedule).

<file> holds plain JSON or a raw HTTP response (status line, headers, blank line, body); "-" reads stdin.

Options:
  --type synchronizationJob|synchronizationTemplate   what the body is (default: synchronizationJob)
  --collection                 the body is a list response, {"value": [...]}
  --version v1.0|beta          Graph API version whose schema applies (default: v1.0)
  --operation createJob|getJob what produced the response (default: createJob with --template-id, else none)
  --status N                   the HTTP status of the response (default: from the HTTP status line, if any)
  --template-id ID             the templateId sent to createJob; implies --operation createJob
  --format text|json           output format (default: text)
  -h, --help                   show this help

Output (text): file:line:col: error|warning: message (pointer) [rule], then a summary line.
Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage or input problem.`;

/** The command line is wrong: the message is followed by the usage text. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The input cannot be read: the message says why, the usage would not help. */
export class InputError extends Error {
  override readonly name = 'InputError';
}
