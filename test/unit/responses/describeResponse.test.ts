import assert from 'node:assert/strict';
import type { GraphResponse } from '../../../src/graph/client';
import { GraphRequestError } from '../../../src/graph/errors';
import type { GraphExchange } from '../../../src/graph/exchange';
import { describeCreateOutcome, describeJobRead } from '../../../src/responses/describeResponse';
import { readSeed } from '../schema/support';

const target = {
  servicePrincipalId: 'sp-1',
  servicePrincipalName: 'Box',
  templateId: 'BoxOutDelta',
  version: 'v1.0' as const,
  cloud: 'Global',
};
const readTarget = {
  servicePrincipalId: 'sp-1',
  servicePrincipalName: 'Box',
  jobId: 'j',
  version: 'v1.0' as const,
  cloud: 'Sample tenant (emulator)',
};

function exchange(
  status: number | undefined,
  responseText: string | undefined,
  responseHeaders: Record<string, string> = {},
): GraphExchange {
  return {
    method: 'POST',
    url: 'https://graph.microsoft.com/v1.0/servicePrincipals/sp-1/synchronization/jobs',
    apiVersion: 'v1.0',
    requestHeaders: { 'content-type': 'application/json', 'client-request-id': 'c-1' },
    requestBody: '{"templateId":"BoxOutDelta"}',
    status,
    responseHeaders,
    responseText,
    startedAt: '2026-11-23T08:00:00.000Z',
    elapsedMs: 42,
  };
}

describe('describing Graph responses for the response view', () => {
  it('validates a created job and keeps the request ids and a reproducible request', () => {
    const seed = readSeed('004');
    const response: GraphResponse = {
      status: 201,
      text: seed.response.body,
      exchange: exchange(201, seed.response.body, { 'request-id': 'r-1', date: 'Mon, 23 Nov 2026 08:00:00 GMT' }),
    };
    const view = describeCreateOutcome(target, { kind: 'created', job: JSON.parse(seed.response.body), response });
    assert.equal(view.outcome.kind, 'success');
    assert.equal(view.request?.requestId, 'r-1');
    assert.equal(view.request?.clientRequestId, 'c-1');
    assert.equal(view.validation?.schema, 'synchronizationJob (v1.0)');
    const rules = view.validation!.findings.map((finding) => `${finding.severity} ${finding.pointer}`);
    assert.ok(rules.includes('error /status/code'), rules.join('\n'));
    assert.ok(
      view.validation!.findings.some((finding) => finding.pointer === '/templateId' && finding.severity === 'warning'),
      'templateId differs from the one requested',
    );
    assert.ok(view.body.parsed && view.body.text.split('\n').length > 20);
    assert.match(view.snippets!.curl, /curl -X POST/);
    assert.doesNotMatch(JSON.stringify(view), /Bearer ey/);
    assert.equal(view.request?.cloud, 'Global');
    const job = JSON.parse(seed.response.body) as { id: string };
    assert.deepEqual(
      view.job,
      { servicePrincipalId: 'sp-1', servicePrincipalName: 'Box', jobId: job.id, canStart: true },
      'a new job is not active yet: it can be started',
    );
  });

  it('shows a malformed body as text, still validated and with its problem listed', () => {
    const text = '{"id": "job", "templateId": ';
    const view = describeCreateOutcome(target, {
      kind: 'created',
      response: { status: 201, text, exchange: exchange(201, text) },
    });
    assert.equal(view.outcome.kind, 'warning');
    assert.equal(view.body.parsed, false);
    assert.equal(view.body.text, text);
    assert.ok(view.validation!.findings.some((finding) => finding.severity === 'error'));
    assert.equal(view.job, undefined, 'without a readable job there is no job id to act on');
  });

  it("shows a refused create with Graph's code, message, request-id and what to do, without schema findings", () => {
    const body = JSON.stringify({
      error: {
        code: 'Request_BadRequest',
        message: 'Template not found',
        innerError: { 'request-id': 'r-2', date: '2026-11-23T08:00:00' },
      },
    });
    const error = new GraphRequestError({
      kind: 'http',
      status: 400,
      code: 'Request_BadRequest',
      graphMessage: 'Template not found',
      requestId: 'r-2',
      exchange: exchange(400, body),
    });
    const view = describeCreateOutcome(target, { kind: 'notCreated', error });
    assert.equal(view.outcome.kind, 'error');
    assert.equal(view.error?.code, 'Request_BadRequest');
    assert.equal(view.error?.requestId, 'r-2');
    assert.ok(view.error?.hint);
    assert.equal(view.validation, undefined);
    assert.ok(view.body.parsed);
    assert.equal(view.job, undefined);
  });

  it('says a job exists after an ambiguous failure, and says so as a warning', () => {
    const error = new GraphRequestError({ kind: 'timeout', exchange: exchange(undefined, undefined) });
    const view = describeCreateOutcome(target, {
      kind: 'createdDespiteError',
      error,
      job: { id: 'BoxOutDelta.abc.t', templateId: 'BoxOutDelta' } as never,
    });
    assert.equal(view.outcome.kind, 'warning');
    assert.match(view.outcome.summary, /BoxOutDelta\.abc\.t/);
    assert.equal(view.request?.status, undefined);
    assert.equal(view.request?.statusText, 'no response');
    assert.equal(view.job?.jobId, 'BoxOutDelta.abc.t', 'the job from the job list can be acted on');
  });

  it('says a job that is not listed yet may still be created, and to refresh before creating again', () => {
    const error = new GraphRequestError({ kind: 'timeout', exchange: exchange(undefined, undefined) });
    const view = describeCreateOutcome(target, {
      kind: 'notVisibleYet',
      error,
      sentAt: new Date('2026-11-23T08:00:00Z'),
      knownJobIds: [],
    });
    assert.equal(view.outcome.kind, 'warning');
    assert.match(view.outcome.summary, /^Not visible yet: the job may still be created/);
    assert.doesNotMatch(view.outcome.summary, /No job was created/);
    assert.match(view.outcome.hint ?? '', /Refresh .* before creating it again/);
    assert.equal(view.job, undefined, 'no job id to act on yet');
  });

  it('names every new job when several appeared, without claiming one', () => {
    const error = new GraphRequestError({ kind: 'http', status: 503, exchange: exchange(503, '{}') });
    const jobs = [
      { id: 'BoxOutDelta.a.t', templateId: 'BoxOutDelta' },
      { id: 'BoxOutDelta.b.t', templateId: 'BoxOutDelta' },
    ] as never[];
    const view = describeCreateOutcome(target, {
      kind: 'severalNewJobs',
      jobs,
      error,
      sentAt: new Date(),
      knownJobIds: [],
    });
    assert.equal(view.outcome.kind, 'warning');
    assert.match(view.outcome.summary, /2 new jobs .*BoxOutDelta\.a\.t, BoxOutDelta\.b\.t.*someone else's/);
    assert.equal(view.job, undefined);
  });

  it('describes a job read and a failed one; both can be read again', () => {
    const text = readSeed('000').response.body;
    const read = describeJobRead(readTarget, { exchange: { ...exchange(200, text), method: 'GET' } });
    assert.equal(read.outcome.kind, 'success');
    assert.ok(read.validation);
    assert.equal(read.request?.cloud, 'Sample tenant (emulator)');
    assert.deepEqual(read.job, {
      servicePrincipalId: 'sp-1',
      servicePrincipalName: 'Box',
      jobId: 'j',
      canStart: JSON.parse(text).schedule.state !== 'Active',
    });
    const failed = describeJobRead(
      readTarget,
      new GraphRequestError({
        kind: 'http',
        status: 404,
        code: 'Request_ResourceNotFound',
        exchange: exchange(404, '{}'),
      }),
    );
    assert.equal(failed.outcome.kind, 'error');
    assert.match(failed.outcome.hint ?? '', /\w/);
    assert.equal(failed.job?.jobId, 'j');
    assert.equal(failed.job?.canStart, false, 'the state of a job that could not be read is unknown');
  });

  it('offers Start only for a job that is not active', () => {
    const job = JSON.parse(readSeed('000').response.body);
    const readWith = (schedule: object, status: object) =>
      describeJobRead(readTarget, {
        exchange: {
          ...exchange(
            200,
            JSON.stringify({
              ...job,
              schedule: { ...job.schedule, ...schedule },
              status: { ...job.status, ...status },
            }),
          ),
          method: 'GET',
        },
      }).job?.canStart;
    assert.equal(readWith({ state: 'Active' }, {}), false);
    assert.equal(readWith({ state: 'Paused' }, {}), true);
    assert.equal(readWith({ state: 'Disabled' }, {}), true);
    assert.equal(
      readWith({ state: 'Active' }, { code: 'Quarantine' }),
      false,
      'a quarantined job: fix the cause and restart, not Start',
    );
  });

  it("states a quarantined job's health first: since when, why, what to do and the days left", () => {
    const job = JSON.parse(readSeed('000').response.body);
    const quarantined = {
      ...job,
      schedule: { ...job.schedule, state: 'Active' },
      status: {
        ...job.status,
        code: 'Quarantine',
        quarantine: {
          currentBegan: '2026-11-20T06:00:00Z',
          seriesBegan: '2026-11-20T06:00:00Z',
          nextAttempt: '2026-11-20T18:00:00Z',
          reason: 'EncounteredQuarantineException',
          seriesCount: 1,
          error: {
            code: 'SystemForCrossDomainIdentityManagementInvalidCredentials',
            message: 'The token was rejected.',
          },
        },
      },
    };
    const view = describeJobRead(
      { ...readTarget, jobLabel: 'Slack', now: new Date('2026-12-01T06:00:00Z') },
      { exchange: { ...exchange(200, JSON.stringify(quarantined)), method: 'GET' } },
    );
    assert.equal(view.outcome.kind, 'error');
    assert.match(
      view.outcome.summary,
      /^Quarantined since 2026-11-20 \(EncounteredQuarantineException: The token was rejected\.\); Entra disables the job in 17 days \(2026-12-18\)/,
    );
    assert.match(view.outcome.summary, /200 OK: job read\.$/);
    assert.match(view.outcome.hint ?? '', /QuarantineState/);
    assert.match(view.title, /^Job Slack on Box$/);
  });
});
