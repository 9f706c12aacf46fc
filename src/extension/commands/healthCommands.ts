import type { ServicePrincipal } from '../../graph/types';
import type { HealthNode } from '../health/healthItems';
import type { ScanMode, ScanOutcome } from '../health/healthView';
import type { LogsTarget } from '../logs/logsTarget';
import type { Services } from '../services';
import type { JobNode, ServicePrincipalNode } from '../tree/nodes';

// The Provisioning Health view's commands, and Show Provisioning Logs (from that view or the service principals tree).

/** A repeat scan reuses what the last one read where it may; 'full' (Scan All) reads everything again. */
export function scanTenantCommand(services: Services, mode: ScanMode = 'repeat'): Promise<ScanOutcome> {
  return services.health.scan(mode);
}

/** Opens a scanned job. For now the response view; the lead may point this command at the job view. */
export async function openScannedJobCommand(services: Services, node: HealthNode): Promise<void> {
  if (node?.kind !== 'health.job') return;
  await services.jobViews.open({ servicePrincipal: node.row.servicePrincipal, job: node.row.job });
}

type LogsSource = HealthNode | JobNode | ServicePrincipalNode | LogsTarget;

export async function showProvisioningLogsCommand(services: Services, source: LogsSource): Promise<void> {
  const target = logsTargetOf(source);
  // VS Code passes no row when the tree was redrawn while its context menu was open.
  if (!target) throw new Error('The row changed while its menu was open: choose Show Provisioning Logs again.');
  await services.logs.show(target);
}

function logsTargetOf(source: LogsSource | undefined): LogsTarget | undefined {
  const of = (sp: Pick<ServicePrincipal, 'id' | 'displayName'>, jobId?: string) => ({
    servicePrincipal: { id: sp.id, displayName: sp.displayName },
    jobId,
  });
  if (!source) return undefined;
  if (!('kind' in source)) return source;
  switch (source.kind) {
    case 'health.job':
      return of(source.row.servicePrincipal, source.row.job.id);
    case 'health.servicePrincipal':
      return of(source.group.servicePrincipal);
    case 'job':
      return of(source.servicePrincipal, source.job.id);
    case 'servicePrincipal':
      return of(source.servicePrincipal);
    default:
      return undefined;
  }
}
