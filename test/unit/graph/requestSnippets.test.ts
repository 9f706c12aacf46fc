import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import type { GraphExchange } from '../../../src/graph/exchange';
import { requestSnippets } from '../../../src/graph/requestSnippets';

const hostile = `it's "quoted" $(touch pwned) \`id\` ‘curly’ $HOME @/etc/passwd`;

function exchange(overrides: Partial<GraphExchange> = {}): GraphExchange {
  return {
    method: 'POST',
    url: 'https://graph.microsoft.com/v1.0/servicePrincipals/sp-1/synchronization/jobs',
    apiVersion: 'v1.0',
    requestHeaders: { 'content-type': 'application/json', 'client-request-id': 'c-1' },
    requestBody: JSON.stringify({ templateId: hostile }),
    responseHeaders: {},
    startedAt: '2026-11-23T08:00:00.000Z',
    elapsedMs: 12,
    ...overrides,
  };
}

/** What a POSIX shell makes of the snippet's words: each argument on its own line, with nothing executed. */
function shellWords(command: string): string[] {
  const printed = execFileSync('sh', ['-c', command.replace(/^curl /, 'printf "%s\\n" '), 'sh'], {
    encoding: 'utf8',
    env: { TOKEN: 'T0KEN', PATH: process.env.PATH },
  });
  return printed.split('\n').slice(0, -1);
}

describe('request snippets', () => {
  it('curl: every value survives the shell unchanged and only $TOKEN is expanded', () => {
    const sent = exchange();
    const words = shellWords(requestSnippets(sent).curl);
    assert.deepEqual(words, [
      '-X',
      'POST',
      sent.url,
      '-H',
      'Authorization: Bearer T0KEN',
      '-H',
      'Content-Type: application/json',
      '--data-raw',
      sent.requestBody,
    ]);
  });

  it('PowerShell: single quotes, straight and typographic, are doubled inside single-quoted strings', () => {
    const { powershell } = requestSnippets(exchange());
    const body = /-Body '((?:[^'‘’]|''|‘‘|’’)*)'$/m.exec(powershell);
    assert.ok(body, powershell);
    const unescaped = body[1].replace(/''/g, "'").replace(/‘‘/g, '‘').replace(/’’/g, '’');
    assert.equal(unescaped, exchange().requestBody);
    assert.match(powershell, /^Invoke-MgGraphRequest -Method POST `$/m);
    assert.match(
      powershell,
      /-Uri 'https:\/\/graph\.microsoft\.com\/v1\.0\/servicePrincipals\/sp-1\/synchronization\/jobs'/,
    );
    assert.match(powershell, /-ContentType 'application\/json'/);
  });

  it('.http: a REST Client request with a token variable, headers, a blank line and the body', () => {
    const sent = exchange();
    const lines = requestSnippets(sent).http.split('\n');
    assert.ok(lines.includes('@token = '));
    const requestLine = lines.indexOf(`POST ${sent.url} HTTP/1.1`);
    assert.ok(requestLine > 0);
    assert.deepEqual(lines.slice(requestLine + 1), [
      'Authorization: Bearer {{token}}',
      'Content-Type: application/json',
      '',
      sent.requestBody,
    ]);
  });

  it('never carries a token or the client-request-id, even if the recorded headers had them', () => {
    const sent = exchange({
      requestHeaders: {
        Authorization: 'Bearer eyJ0eXAiOiJKV1Qi.secret',
        'client-request-id': 'c-1',
        'content-type': 'application/json',
      },
    });
    for (const snippet of Object.values(requestSnippets(sent))) {
      assert.doesNotMatch(snippet, /eyJ0eXAi|secret/);
      assert.doesNotMatch(snippet, /client-request-id|c-1/i);
    }
  });

  it('a GET without a body has no body, no Content-Type and keeps ConsistencyLevel', () => {
    const sent = exchange({
      method: 'GET',
      url: "https://graph.microsoft.com/beta/servicePrincipals?$filter=startswith(displayName,'Box')&$count=true",
      apiVersion: 'beta',
      requestHeaders: { consistencylevel: 'eventual' },
      requestBody: undefined,
    });
    const { curl, powershell, http } = requestSnippets(sent);
    assert.deepEqual(shellWords(curl), [
      '-X',
      'GET',
      sent.url,
      '-H',
      'Authorization: Bearer T0KEN',
      '-H',
      'ConsistencyLevel: eventual',
    ]);
    assert.doesNotMatch(curl + powershell + http, /Content-Type|--data-raw|-Body/);
    assert.match(
      powershell,
      /-Uri 'https:\/\/graph\.microsoft\.com\/beta\/servicePrincipals\?\$filter=startswith\(displayName,''Box''\)&\$count=true'/,
    );
    assert.match(powershell, /-Headers @\{ 'ConsistencyLevel' = 'eventual' \}/);
    assert.ok(http.split('\n').includes(`GET ${sent.url} HTTP/1.1`));
    assert.ok(http.split('\n').includes('ConsistencyLevel: eventual'));
    assert.equal(http.split('\n').at(-1), 'ConsistencyLevel: eventual', 'nothing after the headers');
  });

  it('adds the JSON Content-Type when a body was sent without one', () => {
    const sent = exchange({ requestHeaders: {} });
    assert.ok(shellWords(requestSnippets(sent).curl).includes('Content-Type: application/json'));
  });

  it('keeps the version segment of the URL it was given: beta and v1.0', () => {
    for (const version of ['beta', 'v1.0'] as const) {
      const url = `https://graph.microsoft.com/${version}/servicePrincipals/sp-1/synchronization/jobs`;
      const { curl, powershell, http } = requestSnippets(exchange({ url, apiVersion: version }));
      assert.equal(shellWords(curl)[2], url);
      assert.ok(powershell.includes(`'${url}'`));
      assert.ok(http.includes(`POST ${url} HTTP/1.1`));
    }
  });
});
