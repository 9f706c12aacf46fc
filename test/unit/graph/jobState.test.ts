import assert from 'node:assert/strict';
import { canPause, canStart, describeInterval, jobState, quarantineDeadline } from '../../../src/graph/jobState';
import type { SynchronizationJob } from '../../../src/graph/types';

const job = (schedule: string, status: string) =>
  ({ schedule: { state: schedule }, status: { code: status } }) as unknown as SynchronizationJob;

describe('job state', () => {
  it('shows a new job as Disabled although its status code says Paused', () => {
    assert.equal(jobState(job('Disabled', 'Paused')), 'Disabled');
  });

  it('puts quarantine above the schedule', () => {
    assert.equal(jobState(job('Active', 'Quarantine')), 'Quarantine');
  });

  it('follows the schedule otherwise', () => {
    assert.equal(jobState(job('Active', 'Active')), 'Active');
    assert.equal(jobState(job('Paused', 'Paused')), 'Paused');
    assert.equal(jobState(job('String', 'String')), 'Disabled');
  });

  it('offers Start unless active and Pause while running or quarantined', () => {
    assert.deepEqual(
      (['Active', 'Paused', 'Disabled', 'Quarantine'] as const).map((s) => [canStart(s), canPause(s)]),
      [
        [false, true],
        [true, false],
        [true, false],
        [true, true],
      ],
    );
  });

  it('says intervals in words', () => {
    assert.equal(describeInterval('PT40M'), '40 minutes');
    assert.equal(describeInterval('PT1M'), '1 minute');
    assert.equal(describeInterval('P1DT2H'), '1 day 2 hours');
    assert.equal(describeInterval('PT31.7644748S'), '31.7644748 seconds');
    assert.equal(describeInterval('P10675199DT2H48M5.4775807S'), 'never');
    assert.equal(describeInterval('garbage'), 'garbage');
  });

  it('says when a quarantined job will be disabled: 4 weeks after the series began', () => {
    const quarantine = { seriesBegan: '2026-01-01T06:00:00.1230000Z', nextAttempt: '2026-01-01T12:00:00.1230000Z' };
    const deadline = quarantineDeadline(quarantine, new Date('2026-01-03T06:00:00Z'))!;
    assert.equal(deadline.disabledAt.toISOString(), '2026-01-29T06:00:00.123Z');
    assert.equal(deadline.daysLeft, 26);
    assert.equal(quarantineDeadline(quarantine, new Date('2026-03-01T00:00:00Z'))!.daysLeft, 0);
    assert.equal(
      quarantineDeadline({ seriesBegan: '0001-01-01T00:00:00Z', nextAttempt: '' }),
      undefined,
      'a time that never happened',
    );
  });
});
