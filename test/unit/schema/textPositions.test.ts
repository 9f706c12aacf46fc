// Offsets and JSON Pointers to 1-based line and column.
import assert from 'node:assert/strict';
import { childPointer, pointerSegments } from '../../../src/schema/jsonPointer';
import { TextPositions } from '../../../src/schema/textPositions';

describe('TextPositions', () => {
  const text = '{\n  "a/b": {"0": [10, {"~x": true}]},\r\n  "list": [\n    "first"\n  ]\n}';
  const positions = new TextPositions(text);
  const at = (pointer: string) => {
    const { line, column } = positions.ofPointer(pointer);
    return `${line}:${column}`;
  };

  it('maps offsets to lines and columns, with \\n or \\r\\n line ends', () => {
    assert.deepEqual(positions.ofOffset(0), { line: 1, column: 1 });
    assert.deepEqual(positions.ofOffset(text.indexOf('"list"')), { line: 3, column: 3 });
    assert.deepEqual(positions.ofOffset(text.length), { line: 6, column: 2 });
  });

  it('points at the key of a property and at the value of an array item', () => {
    assert.equal(at(''), '1:1');
    assert.equal(at('/a~1b'), '2:3');
    assert.equal(at('/a~1b/0'), '2:11');
    assert.equal(at('/a~1b/0/1/~0x'), '2:22');
    assert.equal(at('/list/0'), '4:5');
  });

  it('falls back to the nearest existing ancestor for a pointer to something absent', () => {
    assert.equal(at('/list/7'), '3:3');
    assert.equal(at('/missing/deeper'), '1:1');
  });

  it('escapes and splits pointer segments as RFC 6901 says', () => {
    assert.equal(childPointer('/a', 'b/c~d'), '/a/b~1c~0d');
    assert.deepEqual(pointerSegments('/a/b~1c~0d/0'), ['a', 'b/c~d', '0']);
    assert.deepEqual(pointerSegments(''), []);
    assert.throws(() => pointerSegments('a'), /not a JSON Pointer/);
  });
});
