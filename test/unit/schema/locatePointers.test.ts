// JSON Pointers to 1-based lines and columns, in the text as given and in its pretty-printed form.
import assert from 'node:assert/strict';
import { childPointer, pointerSegments } from '../../../src/schema/jsonPointer';
import { locatePointers } from '../../../src/schema/locatePointers';
import { prettyJsonText } from '../../../src/schema';
import { positionOf } from './support';

describe('locatePointers', () => {
  const text = '{\n  "a/b": {"0": [10, {"~x": true}]},\r\n  "list": [\n    "first"\n  ]\n}';
  const pointers = ['', '/a~1b', '/a~1b/0', '/a~1b/0/1/~0x', '/list/0', '/list/7', '/missing/deeper'];
  const located = locatePointers(text, pointers);
  const at = (pointer: string, where: 'source' | 'pretty') => {
    const { line, column } = located.get(pointer)![where];
    return `${line}:${column}`;
  };

  it('points at the key of a property and at the value of an array item, with \\n or \\r\\n line ends', () => {
    assert.deepEqual(
      pointers.slice(0, 5).map((pointer) => at(pointer, 'source')),
      ['1:1', '2:3', '2:11', '2:22', '4:5'],
    );
  });

  it('gives the same places in the pretty-printed text', () => {
    const pretty = prettyJsonText(text).text;
    assert.deepEqual(
      pointers.slice(1, 5).map((pointer) => at(pointer, 'pretty')),
      ['"a/b"', '"0"', '"~x"', '"first"'].map((snippet) => positionOf(pretty, snippet)),
    );
    assert.equal(at('', 'pretty'), '1:1');
  });

  it('falls back to the nearest existing ancestor for a pointer to something absent', () => {
    assert.equal(at('/list/7', 'source'), '3:3');
    assert.equal(at('/missing/deeper', 'source'), '1:1');
  });

  it('escapes and splits pointer segments as RFC 6901 says', () => {
    assert.equal(childPointer('/a', 'b/c~d'), '/a/b~1c~0d');
    assert.deepEqual(pointerSegments('/a/b~1c~0d/0'), ['a', 'b/c~d', '0']);
    assert.deepEqual(pointerSegments(''), []);
    assert.throws(() => pointerSegments('a'), /not a JSON Pointer/);
  });
});
