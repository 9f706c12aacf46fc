import assert from 'node:assert/strict';
import type { ScanProgress } from '../../../src/health/scan';
import { describeReuse, forgetServicePrincipal, memoryFromJson, memoryToJson } from '../../../src/health/scanMemory';

const progress = (jobListsReused: number): ScanProgress => ({
  servicePrincipalsListed: 20,
  jobListsRead: 20 - jobListsReused,
  jobListsReused,
  jobsFound: 3,
  pages: 1,
  batches: 1,
});

describe('scan memory', () => {
  const memory = { at: Date.parse('2026-01-01T10:00:00Z'), withoutJobs: new Set(['a', 'b']) };

  it('says how many empty job lists were reused, and how old they are', () => {
    const at = (time: string) => new Date(`2026-01-01T${time}Z`);
    assert.equal(describeReuse(progress(0), memory, at('10:03:00')), undefined);
    assert.equal(
      describeReuse(progress(12), memory, at('10:03:10')),
      '12 service principals without jobs not asked again (their empty job lists were read 3 min ago)',
    );
    assert.equal(
      describeReuse(progress(1), memory, at('10:00:20')),
      '1 service principal without jobs not asked again (their empty job lists were read less than a minute ago)',
    );
  });

  it('forgets a service principal that has jobs now, leaving the memory it came from as it was', () => {
    const after = forgetServicePrincipal(memory, 'a');
    assert.deepEqual([...after.withoutJobs], ['b']);
    assert.equal(after.at, memory.at);
    assert.deepEqual([...memory.withoutJobs], ['a', 'b']);
    assert.equal(forgetServicePrincipal(memory, 'c'), memory);
  });

  it("is kept as JSON for one tenant; another tenant's, or anything else, is not read back", () => {
    const text = memoryToJson(memory, 'tenant-a');
    assert.deepEqual(memoryFromJson(text, 'tenant-a'), memory);
    assert.equal(memoryFromJson(text, 'tenant-b'), undefined);
    for (const bad of ['', 'not json', '[]', '{"tenant":"tenant-a","at":"x","withoutJobs":[]}'])
      assert.equal(memoryFromJson(bad, 'tenant-a'), undefined, bad);
    assert.equal(
      memoryFromJson('{"tenant":"tenant-a","at":"2026-01-01T10:00:00Z","withoutJobs":[1]}', 'tenant-a'),
      undefined,
    );
  });
});
