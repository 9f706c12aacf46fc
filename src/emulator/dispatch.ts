// The path of every Graph and token request, over the socket or inside a $batch: route, log, faults, auth, handler.
import type { EmulatorContext, RouteHandler } from './context';
import { errorEnvelope, GraphErrorReply, notFound } from './errors';
import type { EmulatorCall, EmulatorResponse, RoutedCall } from './call';
import { faultFailure, outcomeKinds, spoilJson } from './faultEffects';
import { resolveRoute, type ResolvedRoute } from './routeTable';
import { handleBatch } from './routes/batch';
import {
  deleteJobSchema,
  getJobSchema,
  getTemplateSchema,
  listFilterOperators,
  listSchemaFunctions,
  parseExpression,
  patchJobSchema,
  putJobSchema,
} from './routes/schema';
import { createJob, deleteJob, getJob, listJobs, pauseJob, restartJob, startJob } from './routes/jobs';
import { getSecrets, putSecrets, validateCredentials, validateJobCredentials } from './routes/credentials';
import { listGroups, listUsers } from './routes/directory';
import { provisionOnDemand } from './routes/provisionOnDemand';
import { countServicePrincipals, getServicePrincipal, listServicePrincipals } from './routes/servicePrincipals';
import { getTemplate, listApplicationTemplates, listTemplates } from './routes/templates';
import { listProvisioningLogs } from './routes/provisioningLogs';
import { deviceCode, openidConfiguration, token } from './routes/token';
import { synchronizationRouteNames, type FaultRule, type RouteName } from './types';

const handlers: Partial<Record<RouteName, RouteHandler>> = {
  openidConfiguration,
  token,
  deviceCode,
  listServicePrincipals,
  getServicePrincipal,
  listTemplates,
  getTemplate,
  getTemplateSchema,
  listApplicationTemplates,
  listJobs,
  createJob,
  getJob,
  deleteJob,
  startJob,
  pauseJob,
  restartJob,
  getJobSchema,
  putJobSchema,
  deleteJobSchema,
  patchJobSchema,
  listSchemaFunctions,
  listFilterOperators,
  parseExpression,
  putSecrets,
  getSecrets,
  validateCredentials,
  validateJobCredentials,
  provisionOnDemand,
  listUsers,
  listGroups,
  countServicePrincipals,
  listProvisioningLogs,
};

const anonymousRoutes = new Set<RouteName>(['openidConfiguration', 'token', 'deviceCode']);
const synchronizationRoutes = new Set<RouteName>(synchronizationRouteNames);

// Unref'd: a long latency fault must not keep a test process (or the CLI) alive after close().
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

export function errorResponse(call: EmulatorCall, error: GraphErrorReply): EmulatorResponse {
  return {
    status: error.status,
    headers: { ...error.headers },
    body: errorEnvelope(error.code, error.message, call.ids, { status: error.status, target: error.target }),
  };
}

/** Answers one request and records it in the request log (with its status once known). */
export async function processCall(context: EmulatorContext, call: EmulatorCall): Promise<EmulatorResponse> {
  const resolved = resolveRoute(call.method, call.path);
  const entry = context.log.record({
    method: call.method,
    route: resolved.route,
    path: call.path,
    query: call.rawQuery,
    inBatch: call.inBatch,
    at: new Date().toISOString(),
    clientRequestId: call.headers['client-request-id'],
    requestId: call.ids.requestId,
    acceptLanguage: call.headers['accept-language'],
  });
  const response = await withFaults(context, call, resolved, () => context.log.markApplied(entry));
  if (!response.transport) entry.status = response.status;
  return response;
}

async function withFaults(
  context: EmulatorContext,
  call: EmulatorCall,
  resolved: ResolvedRoute,
  applied: () => void,
): Promise<EmulatorResponse> {
  const { faults, tokens } = context;
  for (const rule of faults.matching(resolved.route, ['latency', 'expireTokens'])) {
    faults.use(rule);
    if (rule.kind === 'latency') await delay(rule.latencyMs ?? 0);
    else tokens.expireAll();
  }
  const [outcome] = faults.matching(resolved.route, outcomeKinds);
  if (outcome) faults.use(outcome);
  if (outcome && outcome.kind !== 'malformedJson' && (outcome.when ?? 'before') === 'before')
    return failure(call, outcome);
  const response = await answer(context, call, resolved);
  applied();
  if (!outcome) return response;
  if (outcome.kind === 'malformedJson')
    return response.status >= 200 && response.status < 300 ? spoilJson(response) : response;
  return failure(call, outcome);
}

function failure(call: EmulatorCall, rule: FaultRule): EmulatorResponse {
  const failed = faultFailure(rule)!;
  return failed instanceof GraphErrorReply ? errorResponse(call, failed) : failed;
}

async function answer(
  context: EmulatorContext,
  call: EmulatorCall,
  resolved: ResolvedRoute,
): Promise<EmulatorResponse> {
  try {
    if (resolved.notFound)
      throw new GraphErrorReply(resolved.notFound.status, resolved.notFound.code, resolved.notFound.message);
    const appId = anonymousRoutes.has(resolved.route) ? '' : context.tokens.authenticate(call.headers.authorization);
    // Graph's quirk: a token without synchronization permissions gets 401 UnknownError with an empty message.
    if (synchronizationRoutes.has(resolved.route) && !context.apps.get(appId)?.synchronization)
      throw new GraphErrorReply(401, 'UnknownError', '');
    // Provisioning logs need AuditLog.Read.All or ProvisioningLog.Read.All (FACTS.md). The answer without them is a
    // guess: the 403 Authorization_RequestDenied directory reads give for missing permissions.
    if (resolved.route === 'listProvisioningLogs' && !context.apps.get(appId)?.provisioningLogs) {
      throw new GraphErrorReply(
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
      );
    }
    const routed: RoutedCall = {
      ...call,
      route: resolved.route,
      version: resolved.version ?? 'v1.0',
      params: resolved.params,
      query: new URLSearchParams(call.rawQuery),
      appId,
    };
    if (resolved.route === 'batch') {
      if (call.inBatch)
        throw new GraphErrorReply(400, 'BadRequest', 'A $batch request cannot contain another $batch request.');
      return await handleBatch(routed, (inner) => processCall(context, inner));
    }
    replicationLag(context, routed);
    return await handlers[resolved.route]!(context, routed);
  } catch (error) {
    if (error instanceof GraphErrorReply) return errorResponse(call, error);
    throw error;
  }
}

/** notFoundAfterCreate: a job created moments ago is not visible yet, as right after a create in real Graph. */
function replicationLag({ faults, store }: EmulatorContext, call: RoutedCall): void {
  const jobId = call.params.job;
  if (jobId === undefined) return;
  const age = store.ageOf(jobId);
  if (age === undefined) return;
  const rule = faults
    .matching(call.route, ['notFoundAfterCreate'])
    .find((candidate) => age < (candidate.durationMs ?? 5000));
  if (!rule) return;
  faults.use(rule);
  throw notFound(jobId);
}
