// What stays true however large or repeated the work is; the validator's speed is measured by `npm run bench`.
import assert from 'node:assert/strict';
import { validateResponse } from '../../../src/schema';

describe('validator performance', () => {
  it('compiles a version and type once, then reuses it', () => {
    const first = validateResponse({ text: '{}', type: 'synchronizationTemplate', version: 'beta', collection: true });
    const second = validateResponse({ text: '{}', type: 'synchronizationTemplate', version: 'beta', collection: true });
    // Another test file may have compiled it already; either way the second call must not compile again.
    assert.ok(first.timing.compileMs === undefined || first.timing.compileMs > 0);
    assert.equal(second.timing.compileMs, undefined);
  });
});
