import { jobLabel } from '../../model/jobLabel';
import { pickServicePrincipal } from '../pickers';
import { safe } from '../plainText';
import type { Services } from '../services';
import type { JobTarget } from './jobTarget';

/**
 * A job chosen from the palette: its service principal (searched on the server), then one of its jobs (read now).
 * Two steps, as in the create flow.
 */
export async function pickJob(services: Services, title: string): Promise<JobTarget | undefined> {
  const { client } = services.connection.requireConnection();
  const servicePrincipal = await pickServicePrincipal(services.ui, client, services.connection.apiVersion, title);
  if (!servicePrincipal) return undefined;
  const jobs = await services.jobs.list(servicePrincipal);
  if (jobs.length === 0) {
    void services.ui.info(safe`${servicePrincipal.displayName} has no provisioning job.`);
    return undefined;
  }
  const job = await services.ui.pick(
    jobs.map((candidate) => ({
      label: jobLabel(candidate, jobs),
      description: candidate.status?.code,
      detail: candidate.id,
      value: candidate,
    })),
    { title, placeHolder: safe`Job of ${servicePrincipal.displayName}`, step: { step: 2, totalSteps: 2 } },
  );
  return (
    job && {
      servicePrincipal: { id: servicePrincipal.id, displayName: servicePrincipal.displayName },
      job: { id: job.id, templateId: job.templateId },
    }
  );
}
