// Validates one Graph response body against the generated schema of its type and API version, then against the
// documented contract, and places every finding on the pretty-printed text the user is shown. Every step is linear
// in the size of the body, and none recurses deeper than the schema (readJson refuses deeper nesting first).
import { bodyKindFindings } from './bodyKind';
import { contractFindings } from './contractChecks';
import { docQuirkFindings } from './docQuirks';
import { placeFindings, sortFindings, withArticle, type UnplacedFinding } from './findings';
import { int64Findings } from './int64';
import { locatedJobs } from './locatedJobs';
import { readJsonText } from './readJson';
import { compiledValidator, generatedSchema } from './schemaCatalog';
import { schemaFindings } from './schemaFindings';
import type { ValidationRequest, ValidationResult } from './types';

// A value that already has an error gets no warnings on top: "String" in an enum is wrong, not also a placeholder.
function withoutWarningsOnErrors(findings: UnplacedFinding[]): UnplacedFinding[] {
  const errored = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.pointer));
  return findings.filter((f) => f.severity === 'error' || !errored.has(f.pointer));
}

export function validateResponse(request: ValidationRequest): ValidationResult {
  const started = performance.now();
  const reading = readJsonText(request.text);
  if (!reading.ok) {
    const timing = { validateMs: performance.now() - started };
    return { text: request.text, parsed: false, findings: sortFindings(reading.findings), timing };
  }
  const { value } = reading;
  const collection = request.collection ?? false;
  const definition = collection ? `${request.type}Collection` : request.type;
  const { validate, compileMs } = compiledValidator(request.version, definition);
  const definitions = generatedSchema(request.version).definitions;
  const expected = collection ? `a ${request.type} collection` : withArticle(request.type);
  let unplaced = bodyKindFindings(value, request.type, collection);
  if (unplaced.length === 0) {
    validate(value);
    const jobs = request.type === 'synchronizationJob' ? locatedJobs(value, collection) : [];
    unplaced = withoutWarningsOnErrors([
      ...schemaFindings(validate.errors ?? [], request.version),
      ...docQuirkFindings({ value, definition, definitions, jobs }),
      ...contractFindings(jobs, request.expectation ?? {}, collection, expected),
    ]);
  }
  // What reading found (a duplicate key, an Infinity) says all there is to say about its value.
  const read = [...reading.findings, ...int64Findings(reading.bigIntegers, definition, definitions)];
  const readPointers = new Set(read.map((finding) => finding.pointer));
  const placed = placeFindings(
    unplaced.filter((finding) => !readPointers.has(finding.pointer)),
    request.text,
  );
  const findings = sortFindings([...read, ...placed]);
  const elapsed = performance.now() - started;
  const timing = compileMs === undefined ? { validateMs: elapsed } : { validateMs: elapsed - compileMs, compileMs };
  return { text: reading.pretty, parsed: true, value, findings, timing };
}
