// The schema layer's public surface: validate a Graph response, and the types that describe the outcome.
export { validateResponse } from './validateResponse';
export { TextPositions, type Position } from './textPositions';
export type {
  Finding,
  ResponseExpectation,
  Severity,
  ValidatedType,
  ValidationRequest,
  ValidationResult,
  ValidationTiming,
} from './types';
