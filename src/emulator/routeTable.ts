// Which route a method and path name. Graph routes live under /v1.0 and /beta; the token endpoints under /{tenant}.
import type { RouteName } from './types';

type Pattern = readonly [method: string, segments: readonly string[], route: RouteName];

const sp = ['servicePrincipals', ':servicePrincipal'];
const jobs = [...sp, 'synchronization', 'jobs'];
const templates = [...sp, 'synchronization', 'templates'];

const graphPatterns: readonly Pattern[] = [
  ['GET', ['servicePrincipals'], 'listServicePrincipals'],
  // Before `sp`, which would take '$count' for an id.
  ['GET', ['servicePrincipals', '$count'], 'countServicePrincipals'],
  ['GET', sp, 'getServicePrincipal'],
  ['GET', templates, 'listTemplates'],
  ['GET', [...templates, ':template'], 'getTemplate'],
  ['GET', [...templates, ':template', 'schema'], 'getTemplateSchema'],
  ['GET', ['applications', ':application', 'synchronization', 'templates'], 'listApplicationTemplates'],
  ['GET', jobs, 'listJobs'],
  ['POST', jobs, 'createJob'],
  ['GET', [...jobs, ':job'], 'getJob'],
  ['DELETE', [...jobs, ':job'], 'deleteJob'],
  ['POST', [...jobs, ':job', 'start'], 'startJob'],
  ['POST', [...jobs, ':job', 'pause'], 'pauseJob'],
  ['POST', [...jobs, ':job', 'restart'], 'restartJob'],
  ['GET', [...jobs, ':job', 'schema'], 'getJobSchema'],
  ['PUT', [...jobs, ':job', 'schema'], 'putJobSchema'],
  ['DELETE', [...jobs, ':job', 'schema'], 'deleteJobSchema'],
  ['PATCH', [...jobs, ':job', 'schema'], 'patchJobSchema'],
  ['GET', [...jobs, ':job', 'schema', 'functions'], 'listSchemaFunctions'],
  ['GET', [...templates, ':template', 'schema', 'functions'], 'listSchemaFunctions'],
  ['GET', [...jobs, ':job', 'schema', 'filterOperators'], 'listFilterOperators'],
  ['GET', [...templates, ':template', 'schema', 'filterOperators'], 'listFilterOperators'],
  ['POST', [...jobs, ':job', 'schema', 'parseExpression'], 'parseExpression'],
  ['POST', [...templates, ':template', 'schema', 'parseExpression'], 'parseExpression'],
  ['PUT', [...sp, 'synchronization', 'secrets'], 'putSecrets'],
  ['GET', [...sp, 'synchronization', 'secrets'], 'getSecrets'],
  ['POST', [...jobs, 'validateCredentials'], 'validateCredentials'],
  ['POST', [...jobs, ':job', 'validateCredentials'], 'validateJobCredentials'],
  ['POST', [...jobs, ':job', 'provisionOnDemand'], 'provisionOnDemand'],
  ['GET', ['users'], 'listUsers'],
  ['GET', ['groups'], 'listGroups'],
  ['GET', ['auditLogs', 'provisioning'], 'listProvisioningLogs'],
  ['POST', ['$batch'], 'batch'],
];

const tokenPatterns: readonly Pattern[] = [
  ['GET', [':tenant', 'v2.0', '.well-known', 'openid-configuration'], 'openidConfiguration'],
  ['POST', [':tenant', 'oauth2', 'v2.0', 'token'], 'token'],
  ['POST', [':tenant', 'oauth2', 'v2.0', 'devicecode'], 'deviceCode'],
];

export interface ResolvedRoute {
  route: RouteName;
  version?: 'v1.0' | 'beta';
  params: Record<string, string>;
  /** For 'notFound': the error Graph answers with. */
  notFound?: { status: number; code: string; message: string };
}

function matches(pattern: readonly string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(':')) params[pattern[i].slice(1)] = segments[i];
    else if (pattern[i].toLowerCase() !== segments[i].toLowerCase()) return undefined;
  }
  return params;
}

/** How many leading segments some pattern accepts: the next one is the segment Graph names as not found. */
function knownPrefix(segments: string[]): number {
  let best = 0;
  for (const [, pattern] of graphPatterns) {
    let n = 0;
    while (
      n < pattern.length &&
      n < segments.length &&
      (pattern[n].startsWith(':') || pattern[n].toLowerCase() === segments[n].toLowerCase())
    )
      n++;
    best = Math.max(best, n);
  }
  return best;
}

export function resolveRoute(method: string, path: string): ResolvedRoute {
  let segments: string[];
  try {
    segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return {
      route: 'notFound',
      params: {},
      notFound: { status: 400, code: 'BadRequest', message: 'Invalid request URL.' },
    };
  }
  const [first, ...rest] = segments;
  const version = first === 'v1.0' || first === 'beta' ? first : undefined;
  const patterns = version ? graphPatterns : tokenPatterns;
  const candidates = version ? rest : segments;
  let methodMismatch = false;
  for (const [patternMethod, pattern, route] of patterns) {
    const params = matches(pattern, candidates);
    if (!params) continue;
    if (patternMethod === method) return { route, version, params };
    methodMismatch = true;
  }
  if (!version)
    return {
      route: 'notFound',
      params: {},
      notFound: { status: 400, code: 'BadRequest', message: `Invalid version: ${first ?? ''}` },
    };
  if (methodMismatch) {
    return {
      route: 'notFound',
      version,
      params: {},
      notFound: {
        status: 404,
        code: 'NotFound',
        message: `No HTTP resource was found that matches the request URI '${path}'.`,
      },
    };
  }
  const unknown = rest[knownPrefix(rest)] ?? rest.at(-1) ?? '';
  return {
    route: 'notFound',
    version,
    params: {},
    notFound: { status: 400, code: 'BadRequest', message: `Resource not found for the segment '${unknown}'.` },
  };
}
