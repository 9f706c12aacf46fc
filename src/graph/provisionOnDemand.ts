// Provision on demand: one user or group through a job's rule, now. Graph answers a stringKeyStringValuePair whose
// key and value are JSON text (parsed a second time here into typed steps), and allows 5 requests per 10 seconds per
// job, which the limiter says before Graph does (Graph reference: synchronizationJob provisionOnDemand).
import { parseJson, type CallOptions, type GraphClient, type GraphResponse } from './client';
import { synchronizationWritePermissions } from './credentials';
import { jobPath } from './synchronization';

export type OnDemandObjectType = 'User' | 'Group';

export interface OnDemandSubject {
  objectId: string;
  objectTypeName: OnDemandObjectType;
}

export interface ProvisioningStep {
  name: string;
  /** Import, Scoping, Matching, Processing, ReferenceResolution, Export… */
  type: string;
  /** Success, Failure, Skipped, Warning… */
  status: string;
  description: string;
  timestamp?: string;
  /** Values as text (non-string values are shown as JSON). */
  details: Record<string, string>;
}

export interface OnDemandResult {
  /** The overall outcome: statusInfo.status, else the key's result (Success, Failure, Skipped…). */
  status: string;
  action?: string;
  errorCode?: string;
  reason?: string;
  recommendedAction?: string;
  reportableIdentifier?: string;
  startTime?: string;
  endTime?: string;
  steps: ProvisioningStep[];
}

export type ParsedOnDemand =
  | { ok: true; result: OnDemandResult; raw: string }
  /** The answer was not what the reference shows: `problem` says how; `raw` keeps the text as Graph sent it. */
  | { ok: false; problem: string; raw: string };

export interface OnDemandOutcome {
  parsed: ParsedOnDemand;
  response: GraphResponse;
}

/** Graph's documented limit: 5 requests per 10 seconds (per job). */
export const onDemandLimit = { requests: 5, windowMs: 10_000 } as const;

/** Thrown before sending when the limit would be exceeded: nothing was sent. */
export class OnDemandRateLimitError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(
      `Provision on demand allows ${onDemandLimit.requests} requests per ${onDemandLimit.windowMs / 1000} seconds. Try again in ${retryAfterSeconds} s.`,
    );
    this.name = 'OnDemandRateLimitError';
  }
}

/** Remembers recent calls per job; `now` is injectable for tests. */
export class OnDemandRateLimiter {
  private readonly calls = new Map<string, number[]>();
  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds until another call is allowed for this job; 0 when one is allowed now. */
  waitSeconds(jobId: string): number {
    const recent = this.recent(jobId);
    return recent.length < onDemandLimit.requests
      ? 0
      : Math.max(1, Math.ceil((recent[0] + onDemandLimit.windowMs - this.now()) / 1000));
  }

  /** Counts a call, or throws OnDemandRateLimitError without counting it. */
  take(jobId: string): void {
    const wait = this.waitSeconds(jobId);
    if (wait > 0) throw new OnDemandRateLimitError(wait);
    this.calls.set(jobId, [...this.recent(jobId), this.now()]);
  }

  private recent(jobId: string): number[] {
    const now = this.now();
    return (this.calls.get(jobId) ?? []).filter((at) => now - at < onDemandLimit.windowMs);
  }
}

export interface ProvisionOnDemandOptions extends CallOptions {
  /** Shared across calls to say "wait" before Graph answers 429. */
  limiter?: OnDemandRateLimiter;
}

/** POST …/jobs/{id}/provisionOnDemand for subjects through one rule (ruleId from the job schema's synchronizationRules). */
export async function provisionOnDemand(
  client: GraphClient,
  servicePrincipalId: string,
  jobId: string,
  ruleId: string,
  subjects: OnDemandSubject[],
  options: ProvisionOnDemandOptions = {},
): Promise<OnDemandOutcome> {
  // An empty ruleId is refused by Graph (microsoft-graph-docs #10716): say so without a round trip.
  if (ruleId.trim() === '')
    throw new RangeError("A rule id is needed: pick one of the job schema's synchronization rules.");
  if (subjects.length === 0) throw new RangeError('Pick a user or group to provision.');
  options.limiter?.take(`${servicePrincipalId}/${jobId}`);
  const response = await client.send({
    method: 'POST',
    path: `${jobPath(servicePrincipalId, jobId)}/provisionOnDemand`,
    body: { parameters: [{ ruleId, subjects }] },
    permissions: synchronizationWritePermissions,
    version: options.version,
    signal: options.signal,
  });
  const pair = parseJson<{ key?: unknown; value?: unknown }>(response);
  return { parsed: parseOnDemandPair(pair), response };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Reads the pair's JSON texts; the steps may be in `value` (as documented), an array around it, or in `key`. */
export function parseOnDemandPair(pair: { key?: unknown; value?: unknown }): ParsedOnDemand {
  const raw = text(pair.value) ?? text(pair.key) ?? JSON.stringify(pair);
  const decoded = [pair.value, pair.key].map(decode);
  const withSteps = decoded.find((candidate): candidate is Record<string, unknown> =>
    Array.isArray(candidate?.provisioningSteps),
  );
  if (!withSteps) {
    return {
      ok: false,
      problem: 'The answer has no provisioningSteps: its value is not the JSON text the reference documents.',
      raw,
    };
  }
  const summary = decoded.find((candidate) => candidate !== withSteps && typeof candidate?.result === 'string');
  const statusInfo = (withSteps.statusInfo ?? {}) as Record<string, unknown>;
  const result: OnDemandResult = {
    status: text(statusInfo.status) ?? text(summary?.result) ?? 'Unknown',
    action: text(withSteps.action),
    errorCode: text(statusInfo.errorCode),
    reason: text(statusInfo.reason),
    recommendedAction: text(statusInfo.recommendedAction),
    reportableIdentifier: text(withSteps.reportableIdentifier),
    startTime: text(withSteps.startTime),
    endTime: text(withSteps.endTime),
    steps: (withSteps.provisioningSteps as unknown[]).map(stepOf),
  };
  return { ok: true, result, raw };
}

function decode(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = JSON.parse(value) as unknown;
    const first = Array.isArray(parsed) ? parsed[0] : parsed;
    return first && typeof first === 'object' ? (first as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function stepOf(value: unknown): ProvisioningStep {
  const step = (value ?? {}) as Record<string, unknown>;
  const details: Record<string, string> = {};
  if (step.details && typeof step.details === 'object') {
    for (const [key, detail] of Object.entries(step.details))
      details[key] = typeof detail === 'string' ? detail : JSON.stringify(detail);
  }
  return {
    name: text(step.name) ?? '',
    type: text(step.type) ?? text(step.provisioningStepType) ?? '',
    status: text(step.status) ?? '',
    description: text(step.description) ?? '',
    timestamp: text(step.timestamp),
    details,
  };
}
