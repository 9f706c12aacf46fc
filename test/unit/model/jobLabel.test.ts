import assert from 'node:assert/strict';
import { jobLabel } from '../../../src/model/jobLabel';

const standard = 'BoxOutDelta.5f1a0c372b8e4d699c417e3b2a6d8f10.da800d90-1dde-4fc7-aeae-91c4e5a1b2c3';

describe('jobLabel', () => {
  it('names a job by its template when no sibling shares it', () => {
    const other = { id: 'SfOutDelta.x.y', templateId: 'SfOutDelta' };
    assert.equal(jobLabel({ id: standard, templateId: 'BoxOutDelta' }, [other]), 'BoxOutDelta');
  });

  it('adds the shortest distinguishing end of the id when two jobs come from one template', () => {
    const first = { id: standard, templateId: 'BoxOutDelta' };
    const second = { id: `${standard}.3f2a1b0c`, templateId: 'BoxOutDelta' };
    const jobs = [first, second];
    assert.equal(jobLabel(first, jobs), 'BoxOutDelta …a1b2c3');
    assert.equal(jobLabel(second, jobs), 'BoxOutDelta …2a1b0c');
  });

  it('takes more of the id while the ends collide, and the id when nothing else tells them apart', () => {
    const a = { id: 'T.aaaa-111111', templateId: 'T' };
    const b = { id: 'T.bbbb-111111', templateId: 'T' };
    assert.equal(jobLabel(a, [a, b]), 'T …aaa-111111');
    const c = { id: `c${'x'.repeat(20)}`, templateId: 'T' };
    const d = { id: `d${'x'.repeat(20)}`, templateId: 'T' };
    assert.equal(jobLabel(c, [c, d]), c.id);
  });

  it('falls back to the id when the template is unknown', () => {
    assert.equal(jobLabel({ id: 'job-1' }), 'job-1');
  });
});
