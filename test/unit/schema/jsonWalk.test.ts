// The strict JSON walk: it accepts exactly what JSON.parse accepts, and says in plain words what is wrong.
import assert from 'node:assert/strict';
import { walkJson } from '../../../src/schema/jsonWalk';

const silent = { value() {}, key() {}, close() {} };

function firstError(text: string): string {
  const walk = walkJson(text, silent);
  const error = walk.errors[0];
  return error ? `${error.place.line}:${error.place.column} ${error.message}` : 'ok';
}

describe('walkJson', () => {
  it('explains each kind of syntax error at its place', () => {
    assert.deepEqual(
      [
        "{'id': 1}",
        '{"id": "x',
        '{"id" 1}',
        '{"a": 1 "b": 2}',
        '[1 2]',
        '{"a": 1]',
        '{"a": 1} x',
        '{"a": undefined}',
        '{"a":\u00a01}',
        '// note\n{}',
        '{"a": "\\x"}',
        '{"a": -}',
        '{"a": 1,',
        ' \n ',
      ].map(firstError),
      [
        '1:2 a property name in double quotes is expected',
        '1:8 unterminated string',
        "1:7 ':' is expected after the property name",
        "1:9 ',' is expected between values",
        "1:4 ',' is expected between values",
        "1:8 '}' is expected to close the object",
        '1:10 unexpected text after the JSON value',
        "1:7 unexpected 'undefined'",
        '1:6 unexpected character U+00A0',
        '1:1 comments are not allowed in JSON',
        '1:7 invalid escape character in string',
        "1:7 unexpected character '-'",
        '1:9 unexpected end of text',
        '2:2 empty text: a JSON value is expected',
      ],
    );
  });

  it('accepts exactly what JSON.parse accepts (20,000 random edits of valid JSON)', () => {
    const seeds = [
      '{"a":[1,2.5e3,-0.1,true,false,null,"x\\u0041\\n"],"b":{}}',
      '[]',
      '"s"',
      '0',
      ' {"k" : [ 1 , {} ] }\r\n',
    ];
    const pieces = [
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"',
      '\\',
      '1',
      '0',
      '-',
      '+',
      '.',
      'e',
      ' ',
      '\n',
      'true',
      'null',
      'a',
    ];
    const more = ['\u00a0', '\u2028', '\u0001', '/', '*', '\uFEFF', '\\u00', "'"];
    const alphabet = [...pieces, ...more];
    let seed = 42;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    for (let i = 0; i < 20_000; i++) {
      let text = seeds[random(seeds.length)];
      for (let edit = 0, edits = 1 + random(3); edit < edits; edit++) {
        const at = random(text.length + 1);
        const skip = random(3) === 0 ? 0 : 1;
        text = text.slice(0, at) + (random(4) === 0 ? '' : alphabet[random(alphabet.length)]) + text.slice(at + skip);
      }
      let parses = true;
      try {
        JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch {
        parses = false;
      }
      const walk = walkJson(text, silent);
      assert.equal(walk.errors.length === 0, parses, JSON.stringify(text));
    }
  });
});
