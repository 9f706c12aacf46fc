// The validator runs on every response the extension shows: compile once, then stay well under a millisecond.
import assert from 'node:assert/strict';
import { validateResponse } from '../../../src/schema';
import { readSeed } from './support';

const job = JSON.stringify({
  id: 'scim.b126ececd749434c915e443764450031.8f782d8a-3e2c-4a5b-9a1c-2f0e5a7b6c4d',
  templateId: 'scim',
  schedule: { expiration: null, interval: 'PT40M', state: 'Disabled' },
  status: {
    code: 'Paused',
    countSuccessiveCompleteFailures: 0,
    escrowsPruned: false,
    lastExecution: null,
    lastSuccessfulExecution: null,
    lastSuccessfulExecutionWithExports: null,
    progress: [],
    quarantine: null,
    steadyStateFirstAchievedTime: '0001-01-01T00:00:00Z',
    steadyStateLastAchievedTime: '0001-01-01T00:00:00Z',
    synchronizedEntryCountByType: [],
    troubleshootingUrl: null,
  },
  synchronizationJobSettings: [{ name: 'AzureIngestionAttributeOptimization', value: 'False' }],
});

function meanMilliseconds(text: string, runs: number): number {
  let total = 0;
  for (let i = 0; i < runs; i++) {
    total += validateResponse({
      text,
      type: 'synchronizationJob',
      version: 'beta',
      expectation: { operation: 'getJob', status: 200 },
    }).timing.validateMs;
  }
  return total / runs;
}

describe('validator performance', () => {
  it('compiles a version and type once, then reuses it', () => {
    const first = validateResponse({ text: '{}', type: 'synchronizationTemplate', version: 'beta', collection: true });
    const second = validateResponse({ text: '{}', type: 'synchronizationTemplate', version: 'beta', collection: true });
    // Another test file may have compiled it already; either way the second call must not compile again.
    assert.ok(first.timing.compileMs === undefined || first.timing.compileMs > 0);
    assert.equal(second.timing.compileMs, undefined);
  });

  it('validates a typical job response in well under a millisecond after warm-up', () => {
    meanMilliseconds(job, 200);
    const mean = meanMilliseconds(job, 2000);
    assert.ok(mean < 0.5, `mean ${mean.toFixed(3)} ms`);
  });

  it('validates the largest seed (20 findings to place) in under 2 ms', () => {
    const text = readSeed('004').response.body;
    meanMilliseconds(text, 100);
    const mean = meanMilliseconds(text, 500);
    assert.ok(mean < 2, `mean ${mean.toFixed(3)} ms`);
  });
});
