// What the validator reports about a Graph response. Line and column are 1-based and refer to the text
// the validator returns (the pretty-printed JSON, or the raw text when it does not parse).

import type { ApiVersion } from '../graph/types';

export type ValidatedType = 'synchronizationJob' | 'synchronizationTemplate';

export type Severity = 'error' | 'warning';

/** 1-based line and column (in UTF-16 code units, as editors count). */
export interface Position {
  line: number;
  column: number;
}

export interface Finding {
  severity: Severity;
  /** JSON Pointer (RFC 6901) of the offending value; '' for the document itself. */
  pointer: string;
  message: string;
  line: number;
  column: number;
  /** Stable id of the check that produced the finding, e.g. 'type', 'enum', 'unknown-property', 'status-201'. */
  rule: string;
  /** The same place in the text as given to the validator (the two differ once the text is pretty-printed). */
  source?: Position;
}

/** What the caller knows about the response, for the checks beyond the schema. */
export interface ResponseExpectation {
  operation?: 'createJob' | 'getJob';
  /** The HTTP status that came back. */
  status?: number;
  /** The templateId sent in the createJob request. */
  requestedTemplateId?: string;
}

export interface ValidationRequest {
  text: string;
  type: ValidatedType;
  version: ApiVersion;
  /** The text is a collection response, {"value": [ ...items of `type` ]}. */
  collection?: boolean;
  expectation?: ResponseExpectation;
}

export interface ValidationTiming {
  /** Milliseconds spent parsing, validating and locating findings (schema compilation excluded). */
  validateMs: number;
  /** Milliseconds spent compiling the schema; only on the call that compiled it (once per version and type). */
  compileMs?: number;
}

export interface ValidationResult {
  /** Pretty-printed JSON (2 spaces, tokens as written) when the text parses; otherwise the raw text unchanged. */
  text: string;
  parsed: boolean;
  value?: unknown;
  /** Sorted by line, errors before warnings on the same line. */
  findings: Finding[];
  timing: ValidationTiming;
}
