// Raw HTTP messages as docs and tools print them, split into status and body.
import assert from 'node:assert/strict';
import { parseHttpMessage } from '../../../src/cli/httpMessage';

describe('parseHttpMessage', () => {
  it('takes the status from the status line and the body after the blank line', () => {
    const message = parseHttpMessage(
      'HTTP/1.1 201 Created\nContent-Type: application/json\nrequest-id: 1\n\n{"id": "x"}\n',
    );
    assert.deepEqual(message, { status: 201, statusLine: 1, body: '{"id": "x"}\n', bodyLineOffset: 4 });
  });

  it('handles CRLF line ends, HTTP/2 and a leading empty line', () => {
    const message = parseHttpMessage('\r\nHTTP/2 200\r\ncontent-type: application/json\r\n\r\n{}');
    assert.deepEqual(message, { status: 200, statusLine: 2, body: '{}', bodyLineOffset: 4 });
  });

  it("reads a status line as Microsoft's docs print it, HTTP 201/Created", () => {
    const message = parseHttpMessage('HTTP 201/Created\nContent-type: application/json\n\n{}');
    assert.deepEqual(message, { status: 201, statusLine: 1, body: '{}', bodyLineOffset: 3 });
  });

  it('starts the body at the first non-header line when the blank line is missing (a doc example does that)', () => {
    const message = parseHttpMessage('HTTP/1.1 201 Created\nContent-Type: application/json\n{\n  "id": "x"\n}');
    assert.deepEqual(message, { status: 201, statusLine: 1, body: '{\n  "id": "x"\n}', bodyLineOffset: 2 });
  });

  it('skips the request line and headers of a request, without a status', () => {
    const message = parseHttpMessage(
      'POST https://graph.microsoft.com/v1.0/servicePrincipals/1/synchronization/jobs\nContent-type: application/json\n\n{"templateId": "scim"}',
    );
    assert.deepEqual(message, { body: '{"templateId": "scim"}', bodyLineOffset: 3 });
  });

  it('passes plain JSON through unchanged, even with a key that looks like a header', () => {
    for (const text of ['{"id": "x"}', '\n  {"id": "x"}', 'id: x', '']) {
      assert.deepEqual(parseHttpMessage(text), { body: text, bodyLineOffset: 0 });
    }
  });
});
