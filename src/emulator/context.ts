// What every route handler can reach.
import type { EmulatorClock } from './clock';
import type { EmulatorResponse, RoutedCall } from './call';
import type { FaultStore } from './faults';
import type { JobCycles } from './jobCycles';
import type { RequestLog } from './requestLog';
import type { TenantStore } from './tenantStore';
import type { TokenIssuer } from './tokens';
import type { SampleAppCredentials } from './types';

export interface EmulatorContext {
  store: TenantStore;
  tokens: TokenIssuer;
  faults: FaultStore;
  log: RequestLog;
  clock: EmulatorClock;
  cycles: JobCycles;
  /**
   * Apps that may get tokens, by client id; `synchronization` false: the 401 UnknownError quirk; `provisioningLogs`:
   * granted AuditLog.Read.All (or ProvisioningLog.Read.All).
   */
  apps: ReadonlyMap<
    string,
    SampleAppCredentials & { displayName: string; synchronization: boolean; provisioningLogs: boolean }
  >;
}

export type RouteHandler = (context: EmulatorContext, call: RoutedCall) => EmulatorResponse | Promise<EmulatorResponse>;
