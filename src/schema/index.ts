// The schema layer's public surface: validate a Graph response, pretty-print a body, and the types of the outcome.
export { validateResponse } from './validateResponse';
export { prettyJsonText } from './readJson';
export type {
  Finding,
  Position,
  ResponseExpectation,
  Severity,
  ValidatedType,
  ValidationRequest,
  ValidationResult,
  ValidationTiming,
} from './types';
