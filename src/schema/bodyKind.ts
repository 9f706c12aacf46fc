// Bodies that are plainly not the type asked for: Graph's error envelope (a 401 or 429 answer), a collection, a
// synchronizationSchema or a provisionOnDemand result. Validating them field by field would bury the one thing that
// matters under unknown-property warnings, so each gets a single error instead.
import { quote, withArticle, type UnplacedFinding } from './findings';
import type { ValidatedType } from './types';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

// Envelope: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}} (FACTS.md, errors).
function graphError(error: JsonObject, expected: string): string {
  const inner = isObject(error.innerError) ? error.innerError : isObject(error.innererror) ? error.innererror : {};
  const message = text(error.message) ? `: ${quote(error.message)}` : ' (no message)';
  const ids = [
    ['request-id', text(inner['request-id'])],
    ['date', text(inner.date)],
  ].filter(([, v]) => v !== undefined);
  const where = ids.length > 0 ? ` (${ids.map(([name, v]) => `${name} ${v}`).join(', ')})` : '';
  return `this is Graph's error response, not ${expected}: ${quote(error.code)}${message}${where}`;
}

function otherType(body: JsonObject, type: ValidatedType, collection: boolean): string | undefined {
  const keys = Object.keys(body).filter((key) => !key.startsWith('@'));
  if (!collection && Array.isArray(body.value) && !('id' in body))
    return `this is a collection {"value": [...]}, not one ${type}: validate it as a collection (--collection)`;
  if (collection) return undefined;
  if ('directories' in body || 'synchronizationRules' in body)
    return `this is a synchronizationSchema (it has directories and synchronizationRules), not ${withArticle(type)}`;
  if (keys.length === 2 && 'key' in body && 'value' in body)
    return `this is a provisionOnDemand result (a stringKeyStringValuePair, {"key", "value"}), not ${withArticle(type)}`;
  return undefined;
}

export function bodyKindFindings(value: unknown, type: ValidatedType, collection: boolean): UnplacedFinding[] {
  if (!isObject(value)) return [];
  const expected = collection ? `a ${type} collection` : withArticle(type);
  if (isObject(value.error) && value.error.code !== undefined) {
    return [{ severity: 'error', pointer: '', rule: 'graph-error', message: graphError(value.error, expected) }];
  }
  const message = otherType(value, type, collection);
  return message ? [{ severity: 'error', pointer: '', rule: 'wrong-type', message }] : [];
}
