import type { ServicePrincipal } from '../../graph/types';
import { safe } from '../plainText';

/** Whose provisioning logs to show: a service principal's, or one of its jobs'. */
export interface LogsTarget {
  servicePrincipal: Pick<ServicePrincipal, 'id' | 'displayName'>;
  jobId?: string;
}

export function describeLogsTarget(target: LogsTarget): string {
  return target.jobId
    ? safe`Provisioning logs: ${target.jobId.split('.')[0]} job of ${target.servicePrincipal.displayName}`
    : safe`Provisioning logs: ${target.servicePrincipal.displayName}`;
}
