import assert from 'node:assert/strict';
import { sampleServicePrincipals } from '../../../src/emulator/sampleTenant';
import { validateResponse } from '../../../src/schema';
import { raw, sampleTenantFixture } from './support';

describe('emulator: synchronization templates and jobs', function () {
  this.timeout(20_000);
  const sample = sampleTenantFixture();
  const call = (method: string, path: string, body?: unknown) =>
    raw(sample.emulator, `/v1.0/servicePrincipals/${sample.box}/synchronization${path}`, {
      method,
      token: sample.token,
      body,
    });
  const spNamed = async (name: string) =>
    (
      await raw(sample.emulator, `/v1.0/servicePrincipals?$filter=${encodeURIComponent(`displayName eq '${name}'`)}`, {
        token: sample.token,
      })
    ).json.value[0];
  const jobsOf = async (id: string) =>
    (await raw(sample.emulator, `/v1.0/servicePrincipals/${id}/synchronization/jobs`, { token: sample.token })).json
      .value;

  for (const version of ['v1.0', 'beta'] as const) {
    it(`creates a job that validates against the ${version} synchronizationJob schema without findings`, async () => {
      const created = await raw(sample.emulator, `/${version}/servicePrincipals/${sample.box}/synchronization/jobs`, {
        method: 'POST',
        token: sample.token,
        body: { templateId: 'BoxOutDelta' },
      });
      assert.equal(created.status, 201);
      const result = validateResponse({
        text: created.text,
        type: 'synchronizationJob',
        version,
        expectation: { operation: 'createJob', status: 201, requestedTemplateId: 'BoxOutDelta' },
      });
      assert.deepEqual(result.findings, []);
      // Captured job ids: {templateId}.{tenant id without dashes}.{appId}.
      const box = sampleServicePrincipals.find((sp) => sp.id === sample.box)!;
      assert.equal(created.json.id, `BoxOutDelta.${sample.emulator.tenantId.replace(/-/g, '')}.${box.appId}`);
      assert.equal(
        created.headers.location,
        `${sample.emulator.url}/${version}/servicePrincipals/${sample.box}/synchronization/jobs/${created.json.id}`,
      );
      assert.deepEqual(
        [created.json.schedule.state, created.json.schedule.interval, created.json.status.code],
        ['Disabled', 'PT40M', 'Paused'],
      );
    });
  }

  it('lists templates with their schema inline unless $select leaves it out; templates validate', async () => {
    const full = await call('GET', '/templates');
    assert.ok(full.json.value[0].schema.synchronizationRules.length > 0);
    // Real templates carry AzureIngestionAttributeOptimization, outside the enum: the one (expected) warning.
    const unexpected = (text: string, version: 'v1.0' | 'beta') =>
      validateResponse({ text, type: 'synchronizationTemplate', version, collection: true }).findings.filter(
        (f) => !f.message.startsWith('"AzureIngestionAttributeOptimization"'),
      );
    assert.deepEqual(unexpected(full.text, 'v1.0'), []);
    const beta = await raw(sample.emulator, `/beta/servicePrincipals/${sample.box}/synchronization/templates`, {
      token: sample.token,
    });
    assert.deepEqual(unexpected(beta.text, 'beta'), [], 'beta spells metadata keys its way');
    const box = sampleServicePrincipals.find((sp) => sp.id === sample.box)!;
    assert.equal(
      full.json.value[0].applicationId,
      box.applicationTemplateId,
      'the gallery application template id, not the appId',
    );
    const fields = full.json.value[0].metadata.find((entry: { key: string }) => entry.key === 'ConfigurationFields');
    assert.deepEqual(
      JSON.parse(fields.value).map((field: { name: string }) => field.name),
      ['BaseAddress', 'SecretToken'],
    );
    assert.ok(beta.json.value[0].metadata.some((entry: { key: string }) => entry.key === 'configurationFields'));
    const selected = await call('GET', '/templates?$select=id,default');
    assert.deepEqual(selected.json.value, [{ id: 'BoxOutDelta', default: true }]);
  });

  it("gets a template, its schema, a job's schema, and an application's templates", async () => {
    const template = await call('GET', '/templates/BoxOutDelta');
    assert.equal(template.json.id, 'BoxOutDelta');
    assert.equal((await call('GET', '/templates/Nope')).status, 404);
    const schema = await call('GET', '/templates/BoxOutDelta/schema');
    assert.equal(schema.json.id, `BoxOutDelta.${'0'.repeat(32)}`);
    const job = (await call('POST', '/jobs', { templateId: 'BoxOutDelta' })).json;
    assert.equal((await call('GET', `/jobs/${job.id}/schema`)).json.id, job.id);
    // Graph does not show an application's object id on its service principal: the sample data knows it.
    const application = sampleServicePrincipals.find((sp) => sp.id === sample.box)!.applicationObjectId;
    const viaApplication = await raw(
      sample.emulator,
      `/v1.0/applications/${application}/synchronization/templates?$select=id`,
      { token: sample.token },
    );
    assert.deepEqual(viaApplication.json.value, [{ id: 'BoxOutDelta' }]);
  });

  it('refuses bad create requests with Graph error envelopes', async () => {
    const cases: [unknown, number, RegExp][] = [
      ['{not json', 400, /JSON/],
      [{}, 400, /templateId/],
      [{ templateId: 'NotATemplate' }, 400, /NotATemplate/],
    ];
    for (const [body, status, message] of cases) {
      const refused = await call('POST', '/jobs', body);
      assert.equal(refused.status, status, JSON.stringify(body));
      assert.match(refused.json.error.message, message);
      assert.ok(refused.json.error.innerError['request-id']);
    }
    const unknownSp = await raw(
      sample.emulator,
      '/v1.0/servicePrincipals/00000000-0000-0000-0000-00000000000f/synchronization/jobs',
      { method: 'POST', token: sample.token, body: { templateId: 'scim' } },
    );
    assert.equal(unknownSp.status, 404);
    assert.deepEqual(await jobsOf(sample.box), []);
  });

  it('creates AD2AADPasswordHash jobs (documented), and refuses a create on the restricted sample app with 403', async () => {
    const cloudSync = await spNamed('corp.contoso.com (Microsoft Entra Cloud Sync)');
    const path = `/v1.0/servicePrincipals/${cloudSync.id}/synchronization`;
    const templates = (
      await raw(sample.emulator, `${path}/templates?$select=id`, { token: sample.token })
    ).json.value.map((t: { id: string }) => t.id);
    assert.deepEqual(templates, ['AD2AADProvisioning', 'AD2AADPasswordHash']);
    const passwordHash = await raw(sample.emulator, `${path}/jobs`, {
      method: 'POST',
      token: sample.token,
      body: { templateId: 'AD2AADPasswordHash' },
    });
    assert.equal(passwordHash.status, 201);
    const restricted = await spNamed('Restricted SCIM app (insufficient privileges)');
    const refused = await raw(sample.emulator, `/v1.0/servicePrincipals/${restricted.id}/synchronization/jobs`, {
      method: 'POST',
      token: sample.token,
      body: { templateId: 'scim' },
    });
    assert.equal(refused.status, 403);
    assert.equal(refused.json.error.code, 'Authorization_RequestDenied');
    assert.equal(refused.json.error.message, 'Insufficient privileges to complete the operation.');
    assert.deepEqual(await jobsOf(restricted.id), []);
  });

  it('walks the job state machine: start, pause, restart (with reset scopes), delete', async () => {
    const job = (await call('POST', '/jobs', { templateId: 'BoxOutDelta' })).json;
    const state = async () => {
      const current = (await call('GET', `/jobs/${job.id}`)).json;
      return `${current.schedule.state}/${current.status.code}`;
    };
    // No cycle runs in between: the fixture's clock is manual. A job that never ran reports NotRun after a start.
    assert.equal((await call('POST', `/jobs/${job.id}/start`)).status, 204);
    assert.equal(await state(), 'Active/NotRun');
    assert.equal((await call('POST', `/jobs/${job.id}/pause`)).status, 204);
    assert.equal(await state(), 'Paused/Paused');
    assert.equal(
      (
        await call('POST', `/jobs/${job.id}/restart`, {
          criteria: { resetScope: 'Watermark, Escrows, QuarantineState' },
        })
      ).status,
      204,
    );
    assert.equal(await state(), 'Active/NotRun');
    await call('POST', `/jobs/${job.id}/pause`);
    assert.equal((await call('POST', `/jobs/${job.id}/restart`)).status, 204, 'criteria are optional');
    assert.equal(await state(), 'Active/NotRun');
    assert.equal((await call('DELETE', `/jobs/${job.id}`)).status, 204);
    const missing = await call('GET', `/jobs/${job.id}`);
    assert.deepEqual(
      [missing.status, missing.json.error.code],
      [404, 'UnknownError'],
      "the synchronization service's answer for a missing job",
    );
    assert.equal((await call('POST', `/jobs/${job.id}/start`)).status, 404);
  });

  it('refuses restart scopes that are not synchronizationJobRestartScope flags, and bodies that are not JSON', async () => {
    const job = (await call('POST', '/jobs', { templateId: 'BoxOutDelta' })).json;
    const refused = await call('POST', `/jobs/${job.id}/restart`, {
      criteria: { resetScope: 'Watermark, Everything' },
    });
    assert.equal(refused.status, 400);
    assert.match(refused.json.error.message, /Everything/);
    assert.equal((await call('POST', `/jobs/${job.id}/restart`, '{oops')).status, 400);
    assert.equal(
      (await call('GET', `/jobs/${job.id}`)).json.schedule.state,
      'Disabled',
      'a refused restart changes nothing',
    );
  });

  it('starts with seeded jobs (Active, Paused, Quarantine) that validate, and reset restores them', async () => {
    const states: Record<string, string> = {};
    for (const name of ['Salesforce', 'ServiceNow', 'Slack']) {
      const sp = await spNamed(name);
      const response = await raw(sample.emulator, `/v1.0/servicePrincipals/${sp.id}/synchronization/jobs`, {
        token: sample.token,
      });
      assert.deepEqual(
        validateResponse({ text: response.text, type: 'synchronizationJob', version: 'v1.0', collection: true })
          .findings,
        [],
        name,
      );
      states[name] = response.json.value[0].status.code;
    }
    assert.deepEqual(states, { Salesforce: 'Active', ServiceNow: 'Paused', Slack: 'Quarantine' });
    const slack = await spNamed('Slack');
    const [quarantined] = await jobsOf(slack.id);
    assert.ok(quarantined.status.quarantine.reason);
    await raw(sample.emulator, `/v1.0/servicePrincipals/${slack.id}/synchronization/jobs/${quarantined.id}/start`, {
      method: 'POST',
      token: sample.token,
    });
    assert.equal((await jobsOf(slack.id))[0].status.quarantine, null, 'start lifts the quarantine');
    await call('POST', '/jobs', { templateId: 'BoxOutDelta' });
    sample.emulator.reset();
    assert.equal((await jobsOf(slack.id))[0].status.code, 'Quarantine');
    assert.deepEqual(await jobsOf(sample.box), []);
  });

  it('has the sample tenant the extension relies on: Box first among gallery apps named Box, a hostile name with a template', async () => {
    const boxes = await raw(
      sample.emulator,
      `/v1.0/servicePrincipals?$filter=${encodeURIComponent("startswith(displayName,'Box') and applicationTemplateId ne null")}&$count=true`,
      {
        token: sample.token,
        headers: { ConsistencyLevel: 'eventual' },
      },
    );
    assert.equal(boxes.json.value[0].displayName, 'Box');
    const hostile = await spNamed('<img src=x onerror=alert(1)>');
    assert.ok(hostile.applicationTemplateId);
    const templates = (
      await raw(sample.emulator, `/v1.0/servicePrincipals/${hostile.id}/synchronization/templates?$select=id`, {
        token: sample.token,
      })
    ).json.value;
    assert.deepEqual(templates, [{ id: 'scim' }]);
    const application = await raw(
      sample.emulator,
      `/v1.0/applications/00000000-0000-0000-0000-000000000000/synchronization/templates`,
      { token: sample.token },
    );
    assert.equal(application.status, 404);
  });
});
