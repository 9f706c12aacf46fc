// Validates one Graph response body against the generated schema of its type and API version, then against the
// documented contract, and places every finding on the pretty-printed text the user is shown.
import { contractFindings } from './contractChecks';
import { docQuirkFindings } from './docQuirks';
import { placeFindings, sortFindings, type UnplacedFinding } from './findings';
import { locatedJobs } from './locatedJobs';
import { parseJson, prettyJson } from './parseJson';
import { compiledValidator, generatedSchema } from './schemaCatalog';
import { schemaFindings } from './schemaFindings';
import { TextPositions } from './textPositions';
import type { ValidationRequest, ValidationResult } from './types';

// A value that already has an error gets no warnings on top: "String" in an enum is wrong, not also a placeholder.
function withoutWarningsOnErrors(findings: UnplacedFinding[]): UnplacedFinding[] {
  const errored = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.pointer));
  return findings.filter((f) => f.severity === 'error' || !errored.has(f.pointer));
}

export function validateResponse(request: ValidationRequest): ValidationResult {
  const started = performance.now();
  const parsed = parseJson(request.text);
  if (!parsed.ok) {
    return {
      text: request.text,
      parsed: false,
      findings: sortFindings(parsed.findings),
      timing: { validateMs: performance.now() - started },
    };
  }
  const { value } = parsed;
  const collection = request.collection ?? false;
  const definition = collection ? `${request.type}Collection` : request.type;
  const { validate, compileMs } = compiledValidator(request.version, definition);
  validate(value);
  const jobs = request.type === 'synchronizationJob' ? locatedJobs(value, collection) : [];
  const definitions = generatedSchema(request.version).definitions;
  const unplaced = withoutWarningsOnErrors([
    ...schemaFindings(validate.errors ?? [], request.version),
    ...docQuirkFindings({ value, definition, definitions, jobs }),
    ...contractFindings(jobs, request.expectation ?? {}, collection),
  ]);
  const text = prettyJson(request.text);
  const findings = sortFindings(placeFindings(unplaced, new TextPositions(text)));
  const elapsed = performance.now() - started;
  const timing = compileMs === undefined ? { validateMs: elapsed } : { validateMs: elapsed - compileMs, compileMs };
  return { text, parsed: true, value, findings, timing };
}
