// The control API under /_emulator (no token): health, faults, request log, reset, deleting a service principal. Not logged, so that reading
// the request log does not change it.
import { validateFaultRule } from './faults';
import { ok, type EmulatorResponse } from './exchange';
import type { EmulatorHealth, RunningEmulator } from './types';

export const adminPrefix = '/_emulator/';

export type AdminTarget = Pick<RunningEmulator, 'faults' | 'requests' | 'reset' | 'tenantId' | 'deleteServicePrincipal'> & { servicePrincipalCount: number; version: string };

const problem = (status: number, message: string): EmulatorResponse => ok({ error: { code: status === 404 ? 'NotFound' : 'BadRequest', message } }, status);

export function handleAdmin(target: AdminTarget, method: string, path: string, body: string): EmulatorResponse {
  const resource = path.slice(adminPrefix.length).replace(/\/$/, '');
  const key = `${method} ${resource}`;
  switch (key) {
    case 'GET health': {
      const health: EmulatorHealth = { status: 'ok', tenantId: target.tenantId, servicePrincipals: target.servicePrincipalCount, version: target.version };
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
    case 'DELETE requests':
      target.requests.clear();
      return { status: 204 };
    case 'POST reset':
      target.reset();
      return { status: 204 };
    default: {
      const deleted = method === 'DELETE' && /^servicePrincipals\/([^/]+)$/.exec(resource);
      if (deleted) return target.deleteServicePrincipal(decodeURIComponent(deleted[1])) ? { status: 204 } : problem(404, `No service principal '${deleted[1]}'.`);
      return problem(404, `No emulator control resource '${method} ${path}'. Try GET /_emulator/health.`);
    }
  }
}
