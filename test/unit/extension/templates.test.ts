import assert from 'node:assert/strict';
import type { SynchronizationTemplate } from '../../../src/graph/types';
import { templateCaveat, templateDescription } from '../../../src/extension/templates';

const template = (extra: Partial<SynchronizationTemplate>): SynchronizationTemplate =>
  ({ id: 'BoxOutDelta', default: true, factoryTag: 'BoxOutDelta', metadata: [], ...extra }) as SynchronizationTemplate;

describe('template descriptions', () => {
  it('do not repeat the id as factory tag, and name a tag that says more', () => {
    assert.equal(templateDescription(template({})), 'default');
    assert.equal(templateDescription(template({ id: 'Slack', factoryTag: 'CustomSCIM' })), 'default · CustomSCIM');
  });

  it('say that the template already has jobs, before a create is tried', () => {
    assert.equal(templateDescription(template({}), 1), 'default · has a job');
    assert.equal(templateDescription(template({ default: false }), 2), 'has 2 jobs');
  });

  it('say when a job needs a provisioning agent, whatever the metadata key casing (v1.0 or beta)', () => {
    for (const key of ['IsSynchronizationAgentRequired', 'isSynchronizationAgentRequired']) {
      const cloudSync = template({ id: 'AD2AADProvisioning', metadata: [{ key, value: 'true' }] });
      assert.match(templateCaveat(cloudSync) ?? '', /provisioning agent/);
      assert.match(templateDescription(cloudSync), /needs an agent/);
    }
    const outbound = template({ metadata: [{ key: 'IsSynchronizationAgentRequired', value: 'false' }] });
    assert.equal(templateCaveat(outbound), undefined);
  });
});
