// A Graph request as commands the user can paste to reproduce it: curl, PowerShell (Microsoft Graph SDK) and a
// REST Client .http file. The token is always a placeholder the user fills in; the values come from the tenant and
// from user input, so every one is quoted for the shell it lands in.
import type { GraphExchange } from './exchange';

export interface RequestSnippets {
  curl: string;
  powershell: string;
  http: string;
}

interface Header {
  name: string;
  value: string;
}

/**
 * Only the headers that change what Graph does are reproduced. An allow-list also keeps Authorization out even if a
 * caller recorded it, and drops client-request-id, which must be fresh for each request.
 */
const reproducedHeaders = ['Content-Type', 'ConsistencyLevel'];

export function requestSnippets(exchange: GraphExchange): RequestSnippets {
  const headers = headersToReproduce(exchange);
  return {
    curl: curlSnippet(exchange, headers),
    powershell: powershellSnippet(exchange, headers),
    http: httpSnippet(exchange, headers),
  };
}

function headersToReproduce(exchange: GraphExchange): Header[] {
  const recorded = Object.entries(exchange.requestHeaders);
  const headers: Header[] = [];
  for (const name of reproducedHeaders) {
    const entry = recorded.find(([key]) => key.toLowerCase() === name.toLowerCase());
    if (entry) headers.push({ name, value: entry[1] });
  }
  // Graph rejects a JSON body sent as text/plain, which is what curl would otherwise send.
  if (exchange.requestBody !== undefined && !headers.some((header) => header.name === 'Content-Type')) {
    headers.unshift({ name: 'Content-Type', value: 'application/json' });
  }
  return headers;
}

/** POSIX single quotes: nothing inside is expanded; a single quote closes, is escaped, and reopens. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function curlSnippet(exchange: GraphExchange, headers: Header[]): string {
  const lines = [
    `curl -X ${exchange.method} ${shellQuote(exchange.url)}`,
    // Double quotes on purpose: the shell expands $TOKEN, which the user sets beforehand.
    '-H "Authorization: Bearer $TOKEN"',
    ...headers.map((header) => `-H ${shellQuote(`${header.name}: ${header.value}`)}`),
  ];
  // --data-raw, not -d: a body starting with @ would make curl read a local file.
  if (exchange.requestBody !== undefined) lines.push(`--data-raw ${shellQuote(exchange.requestBody)}`);
  return lines.join(' \\\n  ');
}

/** PowerShell single-quoted string: quotes are escaped by doubling; PowerShell also treats the typographic single quotes as quotes. */
function powershellQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (quote) => quote + quote)}'`;
}

function powershellSnippet(exchange: GraphExchange, headers: Header[]): string {
  const contentType = headers.find((header) => header.name === 'Content-Type');
  const others = headers.filter((header) => header !== contentType);
  const parameters = [`-Method ${exchange.method}`, `-Uri ${powershellQuote(exchange.url)}`];
  if (others.length > 0) {
    parameters.push(
      `-Headers @{ ${others.map((header) => `${powershellQuote(header.name)} = ${powershellQuote(header.value)}`).join('; ')} }`,
    );
  }
  if (contentType) parameters.push(`-ContentType ${powershellQuote(contentType.value)}`);
  if (exchange.requestBody !== undefined) parameters.push(`-Body ${powershellQuote(exchange.requestBody)}`);
  return [
    '# Sign in first with Connect-MgGraph; Invoke-MgGraphRequest then sends the token itself.',
    `Invoke-MgGraphRequest ${parameters.join(' `\n  ')}`,
  ].join('\n');
}

function httpSnippet(exchange: GraphExchange, headers: Header[]): string {
  const lines = [
    '# Paste an access token for Microsoft Graph after the = sign.',
    '@token = ',
    '',
    `${exchange.method} ${exchange.url} HTTP/1.1`,
    'Authorization: Bearer {{token}}',
    // A line break in a value would start a new header (or the body) in the .http file.
    ...headers.map((header) => `${header.name}: ${header.value.replace(/[\r\n]+/g, ' ')}`),
  ];
  if (exchange.requestBody !== undefined) lines.push('', exchange.requestBody);
  return lines.join('\n');
}
