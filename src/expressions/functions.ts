// What each function computes, per Microsoft's "Reference for writing expressions for attribute mappings in Microsoft
// Entra ID". Where the page is silent the behaviour is marked "guess".
import { randomUUID } from 'node:crypto';
import { formatDateTime, generalDateFormat, parseDateTime } from './dateFormat';
import { EvaluationFailure, isNull, isNullOrEmpty, toBoolean, toInteger, toText, type ExpressionValue } from './values';

/** Evaluated arguments; `undefined` is an omitted one (`F(a, , b)`). */
export type Args = (ExpressionValue | undefined)[];
export type FunctionImplementation = (args: Args) => ExpressionValue;

const text = (args: Args, i: number, name: string) => toText(args[i], `Argument ${i + 1} (${name})`, i);
const integer = (args: Args, i: number, name: string) => toInteger(args[i], `Argument ${i + 1} (${name})`, i);

/** Letters the reference's table maps to more than one letter, or that Unicode does not decompose. */
const diacriticExtras: Record<string, string> = {
  æ: 'ae',
  Æ: 'AE',
  ǣ: 'ae',
  Ǣ: 'AE',
  ø: 'oe',
  Ø: 'OE',
  œ: 'oe',
  Œ: 'OE',
  ß: 'ss',
  ł: 'l',
  Ł: 'L',
  ı: 'i',
};

// .NET's `${name}` in a replacement is JavaScript's `$<name>`; `(?<name>…)` groups are the same in both.
const jsReplacement = (replacement: string) => replacement.replace(/\$\{(\w+)\}/g, '$<$1>');

function regex(pattern: string, flags = 'g'): RegExp {
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    throw new EvaluationFailure(`The regular expression "${pattern}" is not valid: ${(error as Error).message}`, 2);
  }
}

/** Replace's modes, chosen by which of its seven parameters are given. */
function replace(args: Args): ExpressionValue {
  const [source, oldValue, pattern, groupName, replacement, replacementAttribute, template] = args;
  const given = (value: ExpressionValue | undefined) => value !== undefined;
  if (given(oldValue) && given(template)) return toText(template).split(toText(oldValue)).join(toText(source));
  if (given(oldValue) && given(replacement)) {
    if (isNull(source)) return null; // guess: nothing to replace in
    return toText(source).split(toText(oldValue)).join(toText(replacement));
  }
  if (given(pattern) && given(groupName) && given(replacementAttribute)) {
    if (!isNullOrEmpty(source)) return source ?? null;
    const match = regex(toText(pattern), '').exec(toText(replacementAttribute));
    return match?.groups?.[toText(groupName)] ?? null;
  }
  if (given(pattern) && given(groupName) && given(replacement)) {
    const name = toText(groupName);
    return toText(source).replace(regex(toText(pattern)), (...match) => {
      const whole = match[0] as string;
      const groups = match.at(-1) as Record<string, string> | undefined;
      const value = groups?.[name];
      return value === undefined ? whole : whole.replace(value, toText(replacement));
    });
  }
  if (given(pattern) && given(replacement))
    return toText(source).replace(regex(toText(pattern)), jsReplacement(toText(replacement)));
  throw new EvaluationFailure(
    'Replace needs oldValue with replacementValue or template, or regexPattern with replacementValue or regexGroupName.',
  );
}

function date(value: ExpressionValue | undefined, what: string): Date {
  const raw = toText(value, what).trim();
  const parsed = parseDateTime(raw, generalDateFormat) ?? (/^\d{4}-\d{2}-\d{2}/.test(raw) ? new Date(raw) : undefined);
  if (!parsed || Number.isNaN(parsed.getTime())) throw new EvaluationFailure(`${what} is not a date: "${raw}".`);
  return parsed;
}

/** Active Directory dates: 100-nanosecond ticks since 1601-01-01 UTC. */
const adEpochMs = Date.UTC(1601, 0, 1);

export const implementations: Record<string, FunctionImplementation> = {
  Append: (args) => text(args, 0, 'source') + text(args, 1, 'suffix'),
  BitAnd: (args) => integer(args, 0, 'value1') & integer(args, 1, 'value2'),
  CBool: (args) => toBoolean(args[0], 'The expression'),
  CDate: (args) => formatDateTime(date(args[0], 'The expression'), generalDateFormat),
  // An empty string is a value, not NULL: only NULL is skipped.
  Coalesce: (args) => args.find((value) => !isNull(value)) ?? null,
  ConvertToBase64: (args) => Buffer.from(text(args, 0, 'source'), 'utf16le').toString('base64'),
  ConvertToUTF8Hex: (args) =>
    Buffer.from(text(args, 0, 'source'), 'utf8')
      .toString('hex')
      .toUpperCase(),
  Count: (args) => (Array.isArray(args[0]) ? args[0].length : isNull(args[0]) ? 0 : 1),
  CStr: (args) => text(args, 0, 'value'),
  DateFromNum: (args) => {
    const ticks = BigInt(integer(args, 0, 'value'));
    return formatDateTime(new Date(adEpochMs + Number(ticks / 10_000n)), generalDateFormat);
  },
  FormatDateTime: (given) => {
    // dateTimeStyles is optional in the middle: three arguments are source, inputFormat, outputFormat (guess).
    const args = given.length === 3 ? [given[0], undefined, given[1], given[2]] : given;
    if (isNull(args[0])) return null; // guess
    const source = text(args, 0, 'source');
    const parsed = parseDateTime(source, text(args, 2, 'inputFormat'));
    if (!parsed)
      throw new EvaluationFailure(`"${source}" does not match the input format "${text(args, 2, 'inputFormat')}".`, 0);
    return formatDateTime(parsed, text(args, 3, 'outputFormat'));
  },
  Guid: () => randomUUID(),
  // The value flows unless it is NULL or empty; the evaluator reports whether it would flow.
  IgnoreFlowIfNullOrEmpty: (args) => args[0] ?? null,
  IIF: (args) => (toBoolean(args[0], 'The condition') ? (args[1] ?? null) : (args[2] ?? null)),
  InStr: (args) => {
    const start = args[2] === undefined ? 1 : integer(args, 2, 'start');
    const binary = args[3] === undefined || /binary/i.test(text(args, 3, 'compareType'));
    const haystack = binary ? text(args, 0, 'value1') : text(args, 0, 'value1').toLowerCase();
    const needle = binary ? text(args, 1, 'value2') : text(args, 1, 'value2').toLowerCase();
    return haystack.indexOf(needle, start - 1) + 1;
  },
  IsNull: (args) => isNull(args[0]),
  IsNullOrEmpty: (args) => isNullOrEmpty(args[0]),
  IsPresent: (args) => !isNullOrEmpty(args[0]),
  IsString: (args) => typeof args[0] === 'string',
  Item: (args) => {
    const index = integer(args, 1, 'index');
    const values = Array.isArray(args[0]) ? args[0] : isNull(args[0]) ? [] : [args[0]!];
    if (index < 1) throw new EvaluationFailure('Item counts from 1: index 0 is not used.', 1);
    return values[index - 1] ?? null; // guess: past the end is NULL
  },
  Join: (args) => {
    const separator = text(args, 0, 'separator');
    // The reference's `Join(", ", "", [surname], [givenName])` gives "Doe, John": empty values are left out.
    const values = args.slice(1).flatMap((value) => (Array.isArray(value) ? value : [value]));
    return values
      .filter((value) => !isNullOrEmpty(value))
      .map((value) => toText(value))
      .join(separator);
  },
  Left: (args) => {
    if (isNull(args[0])) return '';
    const source = text(args, 0, 'string');
    const count = integer(args, 1, 'numChars');
    return count < 0 ? source : source.slice(0, count);
  },
  Mid: (args) => {
    const start = integer(args, 1, 'start');
    if (start < 1) throw new EvaluationFailure('Mid counts from 1: the first character is at start 1.', 1);
    return text(args, 0, 'source').substr(start - 1, Math.max(0, integer(args, 2, 'length')));
  },
  NormalizeDiacritics: (args) =>
    text(args, 0, 'source')
      .replace(/[æÆǣǢøØœŒßłŁı]/g, (c) => diacriticExtras[c])
      .normalize('NFD')
      .replace(/\p{Mn}/gu, ''),
  Not: (args) => !toBoolean(args[0], 'The source'),
  Now: () => formatDateTime(new Date(), generalDateFormat),
  NumFromDate: (args) => String(BigInt(date(args[0], 'The value').getTime() - adEpochMs) * 10_000n),
  PCase: (args) => {
    const separators = args[1] === undefined ? ' \t\n-_.,;:!?()[]{}"\'' : text(args, 1, 'wordSeparators');
    let atWordStart = true;
    let result = '';
    for (const c of text(args, 0, 'source')) {
      result += atWordStart ? c.toUpperCase() : c.toLowerCase();
      atWordStart = separators.includes(c);
    }
    return result;
  },
  Redact: (args) => args[0] ?? null,
  RemoveDuplicates: (args) =>
    Array.isArray(args[0]) ? [...new Set(args[0].map((value) => toText(value)))] : (args[0] ?? null),
  Replace: replace,
  // The emulator has no target directory to check uniqueness in: every value is unique, so the first rule wins (guess).
  SelectUniqueValue: (args) => args[0] ?? null,
  SingleAppRoleAssignment: (args) => {
    const assignments = Array.isArray(args[0]) ? args[0] : isNull(args[0]) ? [] : [args[0]!];
    // The reference: "isn't supported in scenarios where users have multiple app role assignments".
    if (assignments.length > 1)
      throw new EvaluationFailure(
        'The user has several app role assignments; SingleAppRoleAssignment supports only one.',
        0,
      );
    return assignments[0] ?? null;
  },
  Split: (args) => (isNull(args[0]) ? null : text(args, 0, 'source').split(text(args, 1, 'delimiter'))),
  StripSpaces: (args) => text(args, 0, 'source').replaceAll(' ', ''),
  Switch: (args) => {
    if (args.length % 2 !== 0)
      throw new EvaluationFailure(
        'Switch takes source, defaultValue, then key and value pairs: an even number of arguments.',
      );
    const source = text(args, 0, 'source');
    for (let i = 2; i < args.length; i += 2) if (toText(args[i]) === source) return args[i + 1] ?? null;
    return args[1] ?? null;
  },
  ToLower: (args) =>
    args[1] === undefined
      ? text(args, 0, 'source').toLowerCase()
      : text(args, 0, 'source').toLocaleLowerCase(text(args, 1, 'culture')),
  ToUpper: (args) =>
    args[1] === undefined
      ? text(args, 0, 'source').toUpperCase()
      : text(args, 0, 'source').toLocaleUpperCase(text(args, 1, 'culture')),
  Trim: (args) => text(args, 0, 'source').trim(),
  Word: (args) => {
    if (isNull(args[0])) return '';
    const number = integer(args, 1, 'wordNumber');
    const delimiters = text(args, 2, 'delimiters');
    const words = [...text(args, 0, 'string')]
      .reduce<string[]>((all, c) => (delimiters.includes(c) ? all.push('') : (all[all.length - 1] += c), all), [''])
      .filter(Boolean);
    return number < 1 ? '' : (words[number - 1] ?? '');
  },
};
