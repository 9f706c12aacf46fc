// The control API under /_emulator (no token): health, faults, request log, reset, deleting a service principal. Not logged, so that reading
// the request log does not change it.
import { validateFaultRule } from './faults';
import { ok, type EmulatorResponse } from './call';
import type { EmulatorHealth, RequestFilter, RequestStage, RunningEmulator } from './types';

export const adminPrefix = '/_emulator/';

export type AdminTarget = Pick<
  RunningEmulator,
  | 'faults'
  | 'requests'
  | 'reset'
  | 'tenantId'
  | 'clock'
  | 'cycles'
  | 'deleteServicePrincipal'
  | 'scim'
  | 'directory'
  | 'scimTraffic'
  | 'grantProvisioningLogs'
  | 'seedProvisioningLogs'
> & {
  servicePrincipalCount: number;
  version: string;
};

const problem = (status: number, message: string): EmulatorResponse =>
  ok({ error: { code: status === 404 ? 'NotFound' : 'BadRequest', message } }, status);

export function handleAdmin(
  target: AdminTarget,
  method: string,
  path: string,
  body: string,
): EmulatorResponse | Promise<EmulatorResponse> {
  const resource = path.slice(adminPrefix.length).replace(/\/$/, '');
  const key = `${method} ${resource}`;
  switch (key) {
    case 'GET health': {
      const health: EmulatorHealth = {
        status: 'ok',
        tenantId: target.tenantId,
        servicePrincipals: target.servicePrincipalCount,
        version: target.version,
        scimBaseAddress: target.scim?.baseAddress,
      };
      return ok(health);
    }
    case 'GET faults':
      return ok({ value: target.faults.list() });
    case 'POST faults': {
      try {
        const rule = validateFaultRule(JSON.parse(body));
        target.faults.add(rule);
        return ok(rule, 201);
      } catch (error) {
        return problem(400, `Not a fault rule: ${(error as Error).message}`);
      }
    }
    case 'DELETE faults':
      target.faults.clear();
      return { status: 204 };
    case 'GET requests':
      return ok({ value: target.requests.entries() });
    case 'POST requests/wait':
      return waitForRequest(target, body);
    case 'DELETE requests':
      target.requests.clear();
      return { status: 204 };
    case 'GET clock':
      return ok(clockState(target));
    case 'POST clock/advance': {
      // {"seconds": n}: runs the cycles and quarantine retries that fall due, as time passing would.
      const seconds = (() => {
        try {
          return (JSON.parse(body || '{}') as { seconds?: unknown }).seconds;
        } catch {
          return undefined;
        }
      })();
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0)
        return problem(400, 'Give {"seconds": n} with n ≥ 0.');
      const cyclesRun = target.clock.advance(seconds * 1000);
      return ok({ ...clockState(target), timersRun: cyclesRun });
    }
    case 'GET cycles':
      return ok({ value: target.cycles.completed() });
    case 'POST reset':
      target.reset();
      return { status: 204 };
    case 'PUT grants/provisioningLogs': {
      // {"granted": false, "clientId"?: "…"}: an administrator revokes (or grants) AuditLog.Read.All.
      const { granted, clientId } = jsonBody<{ granted?: unknown; clientId?: unknown }>(body);
      if (typeof granted !== 'boolean' || (clientId !== undefined && typeof clientId !== 'string'))
        return problem(400, 'Give {"granted": true|false} and optionally "clientId".');
      return target.grantProvisioningLogs(granted, clientId) ? { status: 204 } : problem(404, `No app '${clientId}'.`);
    }
    case 'POST provisioningLogs/seed': {
      // {"jobId": "…", "count": n}: n more log entries for that job, one large cycle's worth.
      const { jobId, count } = jsonBody<{ jobId?: unknown; count?: unknown }>(body);
      if (typeof jobId !== 'string' || typeof count !== 'number')
        return problem(400, 'Give {"jobId": "…", "count": n}.');
      try {
        return target.seedProvisioningLogs(jobId, count) ? { status: 204 } : problem(404, `No job '${jobId}'.`);
      } catch (error) {
        return problem(400, (error as Error).message);
      }
    }
    case 'GET scim/Users':
    case 'GET scim/Groups':
      // The sample SCIM server's data, to see what the jobs provisioned.
      if (!target.scim)
        return problem(404, 'The sample SCIM server is not running: start the emulator with --scim-server.');
      return ok({ value: resource === 'scim/Users' ? target.scim.users() : target.scim.groups() });
    case 'POST scim/faults':
      if (!target.scim) return problem(404, 'The sample SCIM server is not running.');
      target.scim.faults.add(JSON.parse(body || '{}') as never);
      return { status: 204 };
    default: {
      const traffic = method === 'GET' && /^scimTraffic\/([^/]+)$/.exec(resource);
      if (traffic) {
        const record = target.scimTraffic(decodeURIComponent(traffic[1]));
        return record
          ? ok(record)
          : problem(404, `No provisioning cycle of job '${traffic[1]}' has run against a SCIM endpoint.`);
      }
      const user = method === 'PATCH' && /^users\/([^/]+)$/.exec(resource);
      if (user)
        return target.directory.updateUser(decodeURIComponent(user[1]), JSON.parse(body || '{}') as never)
          ? { status: 204 }
          : problem(404, `No user '${user[1]}'.`);
      const deleted = method === 'DELETE' && /^servicePrincipals\/([^/]+)$/.exec(resource);
      if (deleted)
        return target.deleteServicePrincipal(decodeURIComponent(deleted[1]))
          ? { status: 204 }
          : problem(404, `No service principal '${deleted[1]}'.`);
      return problem(404, `No emulator control resource '${method} ${path}'. Try GET /_emulator/health.`);
    }
  }
}

/** Long poll: answers with the entry once a matching request has been received (or applied); the caller bounds the wait. */
async function waitForRequest(target: AdminTarget, body: string): Promise<EmulatorResponse> {
  let wait: { filter?: RequestFilter; stage?: RequestStage };
  try {
    wait = JSON.parse(body) as typeof wait;
  } catch {
    return problem(400, 'Expected {"filter": {"route": ...}, "stage": "received" | "applied"}.');
  }
  if (
    !wait ||
    typeof wait.filter !== 'object' ||
    (wait.stage !== undefined && wait.stage !== 'received' && wait.stage !== 'applied')
  ) {
    return problem(400, 'Expected {"filter": {"route": ...}, "stage": "received" | "applied"}.');
  }
  return ok(await target.requests.waitFor(wait.filter, wait.stage));
}

/** The body's JSON object, or an empty one when it is not JSON (the caller then names what it expected). */
function jsonBody<T extends object>(body: string): Partial<T> {
  try {
    const value = JSON.parse(body || '{}') as unknown;
    return value && typeof value === 'object' ? (value as T) : {};
  } catch {
    return {};
  }
}

function clockState(target: AdminTarget) {
  return {
    mode: target.clock.mode,
    now: new Date(target.clock.now()).toISOString(),
    cycleSeconds: target.clock.cycleSeconds,
  };
}
