// The values an expression computes with, and the conversions the functions share.

/** A single value, NULL (an absent attribute), or a multi-valued attribute. */
export type ExpressionValue = string | number | boolean | null | ExpressionValue[];

/** Thrown while evaluating; the evaluator turns it into an error with the offsets of the node at fault. */
export class EvaluationFailure extends Error {
  constructor(
    message: string,
    /** Index of the argument at fault, when one is. */
    readonly argument?: number,
  ) {
    super(message);
  }
}

/** .NET spells Booleans True and False, and so does the provisioning service in its results (guess). */
export function toText(value: ExpressionValue | undefined, what = 'This argument', argument?: number): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value))
    throw new EvaluationFailure(
      `${what} is multi-valued: pick one value with Item() or combine them with Join().`,
      argument,
    );
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}

export function toInteger(value: ExpressionValue | undefined, what: string, argument?: number): number {
  const text = toText(value, what, argument).trim();
  if (!/^[+-]?\d+$/.test(text)) throw new EvaluationFailure(`${what} must be an integer, got "${text}".`, argument);
  return Number(text);
}

/** True, "True" (any case) and non-zero numbers are true; False, "False", 0, "" and NULL are false. */
export function toBoolean(value: ExpressionValue | undefined, what: string): boolean {
  if (typeof value === 'boolean') return value;
  if (value === null || value === undefined) return false;
  const text = toText(value, what).trim();
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text) || text === '') return false;
  const n = Number(text);
  if (!Number.isNaN(n)) return n !== 0;
  throw new EvaluationFailure(`${what} must be True or False, got "${text}".`);
}

export const isNull = (value: ExpressionValue | undefined) => value === null || value === undefined;
export const isNullOrEmpty = (value: ExpressionValue | undefined) =>
  isNull(value) || value === '' || (Array.isArray(value) && value.length === 0);
