// Splits a raw HTTP message as docs and tools print it (start line, headers, blank line, body) into its status and
// body. Plain JSON passes through unchanged. Doc examples sometimes omit the blank line: the body then starts at
// the first line that is not a header.

export interface HttpMessage {
  /** The status of a response's status line, e.g. 201 for `HTTP/1.1 201 Created`. */
  status?: number;
  /** 1-based line of that status line. */
  statusLine?: number;
  body: string;
  /** How many lines precede the body in the text, to report positions in the original file. */
  bodyLineOffset: number;
}

// Microsoft's docs print the status line as `HTTP/1.1 201 Created`, and sometimes as `HTTP 201/Created`.
const statusLine = /^HTTP(?:\/\d(?:\.\d)?)?\s+(\d{3})\b/;
const requestLine = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\S+/;
const headerLine = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+:/;

export function parseHttpMessage(text: string): HttpMessage {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  const startLine = first >= 0 ? lines[first].trim() : '';
  const status = statusLine.exec(startLine);
  if (!status && !requestLine.test(startLine)) return { body: text, bodyLineOffset: 0 };
  let index = first + 1;
  while (index < lines.length && headerLine.test(lines[index])) index++;
  if (index < lines.length && lines[index].trim() === '') index++;
  const body = lines.slice(index).join('\n');
  return status
    ? { status: Number(status[1]), statusLine: first + 1, body, bodyLineOffset: index }
    : { body, bodyLineOffset: index };
}
