// .NET custom date and time format strings, the subset FormatDateTime's examples use (yyyy, yy, MM, M, dd, d, HH, H,
// hh, h, mm, m, ss, s, f…, tt, zzz, zz, z, K, quoted literals). Parsing yields a UTC instant: a value with an offset is
// converted to UTC; one without is taken as UTC (the provisioning service runs in UTC; guess).

type Part = { token: string } | { literal: string };

const tokenPattern = /yyyy|yy|MM|M|dd|d|HH|H|hh|h|mm|m|ss|s|f{1,7}|F{1,7}|tt|t|zzz|zz|z|K/y;

function split(format: string): Part[] {
  const parts: Part[] = [];
  for (let i = 0; i < format.length;) {
    const c = format[i];
    if (c === "'" || c === '"') {
      const close = format.indexOf(c, i + 1);
      const end = close < 0 ? format.length : close;
      parts.push({ literal: format.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '\\' && i + 1 < format.length) {
      parts.push({ literal: format[i + 1] });
      i += 2;
    } else {
      tokenPattern.lastIndex = i;
      const match = tokenPattern.exec(format);
      if (match) {
        parts.push({ token: match[0] });
        i += match[0].length;
      } else {
        parts.push({ literal: c });
        i++;
      }
    }
  }
  return parts;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function tokenRegex(token: string): string {
  if (token === 'yyyy') return '(\\d{4})';
  if (/^(yy|MM|dd|HH|hh|mm|ss)$/.test(token)) return '(\\d{2})';
  if (/^[MdHhms]$/.test(token)) return '(\\d{1,2})';
  if (/^f+$/.test(token)) return `(\\d{${token.length}})`;
  if (/^F+$/.test(token)) return `(\\d{0,${token.length}})`;
  if (token === 'tt') return '(AM|PM)';
  if (token === 't') return '(A|P)';
  if (token === 'zzz') return '([+-]\\d{2}:\\d{2})';
  if (token === 'zz') return '([+-]\\d{2})';
  if (token === 'z') return '([+-]\\d{1,2})';
  return '(Z|[+-]\\d{2}:\\d{2})?'; // K
}

/** The UTC instant the text denotes in the format, or undefined when it does not match. */
export function parseDateTime(text: string, format: string): Date | undefined {
  const parts = split(format);
  const match = new RegExp(
    `^\\s*${parts.map((part) => ('token' in part ? tokenRegex(part.token) : escapeRegex(part.literal))).join('')}\\s*$`,
    'i',
  ).exec(text);
  if (!match) return undefined;
  let year = 1,
    month = 1,
    day = 1,
    hour = 0,
    minute = 0,
    second = 0,
    ms = 0,
    offsetMinutes = 0,
    pm: boolean | undefined;
  let group = 1;
  for (const part of parts) {
    if (!('token' in part)) continue;
    const value = match[group++] ?? '';
    const n = Number(value);
    const t = part.token;
    if (t === 'yyyy') year = n;
    else if (t === 'yy') year = 2000 + n;
    else if (t[0] === 'M') month = n;
    else if (t[0] === 'd') day = n;
    else if (t[0] === 'H' || t[0] === 'h') hour = n;
    else if (t[0] === 'm') minute = n;
    else if (t[0] === 's') second = n;
    else if (/^[fF]/.test(t)) ms = value ? Math.round(Number(`0.${value}`) * 1000) : 0;
    else if (t[0] === 't') pm = value.toUpperCase().startsWith('P');
    else if (value && value !== 'Z' && value !== 'z') {
      const [, sign, hours, minutes] = /^([+-])(\d{1,2})(?::(\d{2}))?$/.exec(value)!;
      offsetMinutes = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0));
    }
  }
  if (pm !== undefined) hour = (hour % 12) + (pm ? 12 : 0);
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day); // not Date.UTC, which maps years 0-99 to 1900-1999
  wall.setUTCHours(hour, minute, second, ms);
  // 31 February and the like roll over in Date: refuse them as .NET does.
  if (wall.getUTCMonth() !== month - 1 || wall.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59)
    return undefined;
  return new Date(wall.getTime() - offsetMinutes * 60_000);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The instant written in the format, in UTC. */
export function formatDateTime(date: Date, format: string): string {
  return split(format)
    .map((part) => {
      if (!('token' in part)) return part.literal;
      const t = part.token;
      const hour12 = date.getUTCHours() % 12 || 12;
      switch (t) {
        case 'yyyy':
          return pad(date.getUTCFullYear(), 4);
        case 'yy':
          return pad(date.getUTCFullYear() % 100, 2);
        case 'MM':
          return pad(date.getUTCMonth() + 1, 2);
        case 'M':
          return String(date.getUTCMonth() + 1);
        case 'dd':
          return pad(date.getUTCDate(), 2);
        case 'd':
          return String(date.getUTCDate());
        case 'HH':
          return pad(date.getUTCHours(), 2);
        case 'H':
          return String(date.getUTCHours());
        case 'hh':
          return pad(hour12, 2);
        case 'h':
          return String(hour12);
        case 'mm':
          return pad(date.getUTCMinutes(), 2);
        case 'm':
          return String(date.getUTCMinutes());
        case 'ss':
          return pad(date.getUTCSeconds(), 2);
        case 's':
          return String(date.getUTCSeconds());
        case 'tt':
          return date.getUTCHours() < 12 ? 'AM' : 'PM';
        case 't':
          return date.getUTCHours() < 12 ? 'A' : 'P';
        case 'zzz':
          return '+00:00';
        case 'zz':
          return '+00';
        case 'z':
          return '+0';
        case 'K':
          return 'Z';
        default: {
          const fraction = pad(date.getUTCMilliseconds(), 3).padEnd(7, '0').slice(0, t.length);
          return t[0] === 'F' ? fraction.replace(/0+$/, '') : fraction;
        }
      }
    })
    .join('');
}

/** The format the reference gives for CDate, Now and DateAdd results. */
export const generalDateFormat = 'M/d/yyyy h:mm:ss tt';
