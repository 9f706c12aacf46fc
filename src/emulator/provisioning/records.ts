// What the emulator keeps of a job's last real provisioning cycle: its entries (for the provisioning logs) and its
// SCIM traffic (for the user to read what Entra would have sent, bearer masked), served by the control API.
import type { ProvisioningOutcome } from './engine';
import type { EntryResult } from './entryResult';

export interface ProvisioningRecord {
  servicePrincipalId: string;
  jobId: string;
  cycleId: string;
  /** Emulator time, ms since the epoch. */
  began: number;
  ended: number;
  outcome: ProvisioningOutcome;
}

/** A cycle still running: the entries processed so far (the objects its outcome will hold), for the provisioning logs. */
export interface RunningCycle {
  servicePrincipalId: string;
  jobId: string;
  cycleId: string;
  began: number;
  entries: EntryResult[];
}

/** The traffic record as the control API lists it. */
export const trafficOf = (record: ProvisioningRecord) => ({
  servicePrincipalId: record.servicePrincipalId,
  jobId: record.jobId,
  cycleId: record.cycleId,
  began: new Date(record.began).toISOString(),
  ended: new Date(record.ended).toISOString(),
  failure: record.outcome.failure ?? null,
  value: record.outcome.traffic,
});
