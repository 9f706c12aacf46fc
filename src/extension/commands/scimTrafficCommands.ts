import { pickJob } from '../jobs/jobPicker';
import type { JobTarget } from '../jobs/jobTarget';
import type { Services } from '../services';
import type { TrafficViewState } from '../../webview/scimTraffic/protocol';

/** Show SCIM Traffic: for a job's tree node (or the job view's target), or a job picked from the palette. */
export async function showScimTrafficCommand(
  services: Services,
  node?: Partial<JobTarget>,
): Promise<TrafficViewState | undefined> {
  const target =
    node?.servicePrincipal && node.job
      ? {
          servicePrincipal: { id: node.servicePrincipal.id, displayName: node.servicePrincipal.displayName },
          job: { id: node.job.id, templateId: node.job.templateId },
        }
      : await pickJob(services, 'Show SCIM Traffic');
  return target && services.scimTraffic.show(target);
}
