// How start, pause and restart change a job, as far as anyone can observe through Graph.
import { badRequest, parseJsonBody } from './errors';
import type { JobDocument } from './jobFactory';

/** Members of synchronizationJobRestartScope (a flags enum: comma-separated on the wire). */
const restartScopes = ['None', 'ConnectorDataStore', 'Escrows', 'Watermark', 'QuarantineState', 'Full', 'ForceDeletes'];

export function startJob(job: JobDocument): void {
  // Start also lifts a quarantine.
  job.schedule.state = 'Active';
  job.status.code = 'Active';
  job.status.quarantine = null;
}

export function pauseJob(job: JobDocument): void {
  job.schedule.state = 'Paused';
  job.status.code = 'Paused';
}

/** Reads the restart body `{"criteria":{"resetScope":"Watermark, Escrows"}}`; every part is optional. */
export function restartScopesOf(body: string): string[] {
  if (body.trim() === '') return [];
  const criteria = (parseJsonBody(body) as { criteria?: unknown } | null)?.criteria;
  if (criteria === undefined || criteria === null) return [];
  const resetScope = (criteria as { resetScope?: unknown }).resetScope;
  if (resetScope === undefined || resetScope === null) return [];
  if (typeof resetScope !== 'string') throw badRequest("The parameter 'criteria' in the request payload is not a valid synchronizationJobRestartCriteria.");
  const scopes = resetScope.split(',').map((scope) => scope.trim()).filter(Boolean);
  const unknown = scopes.find((scope) => !restartScopes.includes(scope));
  if (unknown !== undefined) throw badRequest(`The value '${unknown}' is not valid for the flags enum microsoft.graph.synchronizationJobRestartScope.`);
  return scopes;
}

export function restartJob(job: JobDocument, scopes: string[]): void {
  const clearsQuarantine = scopes.includes('QuarantineState') || scopes.includes('Full');
  if (clearsQuarantine) job.status.quarantine = null;
  if (scopes.includes('Escrows') || scopes.includes('Full')) job.status.escrowsPruned = true;
  job.schedule.state = 'Active';
  job.status.code = job.status.quarantine ? 'Quarantine' : 'Active';
}
