// Provision on Demand…: one user or group through one rule of the job's schema, now. The rate limit (5 requests per
// 10 s per job) is said before Graph would answer 429.
import { searchGroups, searchUsers } from '../../graph/directoryObjects';
import {
  OnDemandRateLimiter,
  provisionOnDemand,
  type OnDemandObjectType,
  type ParsedOnDemand,
} from '../../graph/provisionOnDemand';
import { getJobSchema } from '../../graph/schema';
import type { SynchronizationRule } from '../../graph/schemaTypes';
import type { ConnectionManager } from '../connection';
import { describedAs } from '../failures';
import { safe } from '../plainText';
import { searchPick } from '../searchPick';
import type { Ui } from '../ui';
import { describeJob, type JobTarget } from './jobTarget';

export interface OnDemandRun {
  /** "User Adele Vance (adele@contoso.example)" */
  subject: string;
  parsed: ParsedOnDemand;
}

/** A rule says whether on-demand runs through it in its metadata (the key is the emulator's guess, FACTS.md). */
export function supportsOnDemand(rule: SynchronizationRule): boolean {
  const flag = rule.metadata?.find((entry) => entry.key === 'IsOnDemandProvisioningSupported');
  return flag?.value?.toLowerCase() !== 'false';
}

export class OnDemandOperation {
  private readonly limiter = new OnDemandRateLimiter();

  constructor(
    private readonly connection: ConnectionManager,
    private readonly ui: Ui,
  ) {}

  /** Asks for the subject and the rule, then sends the request: undefined when the user cancelled. */
  async provision(target: JobTarget): Promise<OnDemandRun | undefined> {
    const what = describeJob(target);
    const wait = this.limiter.waitSeconds(`${target.servicePrincipal.id}/${target.job.id}`);
    if (wait > 0)
      throw new Error(`Provision on demand allows 5 requests per 10 seconds for a job: wait ${wait} s and try again.`);
    const { client } = this.connection.requireConnection();
    const version = this.connection.apiVersion;
    const type = await this.ui.pick<OnDemandObjectType>(
      [
        { label: 'User', icon: 'person', value: 'User' },
        { label: 'Group', icon: 'organization', value: 'Group' },
      ],
      { title: `Provision on demand with the ${what}`, placeHolder: 'Provision a user or a group?' },
    );
    if (!type) return undefined;
    const kind = type.toLowerCase();
    const subject = await searchPick(this.ui, {
      title: `Provision on demand with the ${what}`,
      placeholder: `Type the start of the ${kind}'s display name`,
      search: (text, signal) => (type === 'User' ? searchUsers : searchGroups)(client, text, { version, signal }),
      label: (item) => item.displayName,
      description: (item) => item.detail ?? undefined,
      nothingFound: (text) => `No ${kind} matches "${text}"`,
    });
    if (!subject) return undefined;
    const { schema } = await describedAs(`Could not read the schema of the ${what}`, () =>
      this.ui.progress(`Reading the schema of the ${what}…`, (signal) =>
        getJobSchema(client, target.servicePrincipal.id, target.job.id, { version, signal }),
      ),
    );
    const rules = schema.synchronizationRules.filter(supportsOnDemand);
    if (rules.length === 0)
      throw new Error(
        `None of the ${schema.synchronizationRules.length} rule(s) of this job's schema supports provisioning on demand (its metadata says IsOnDemandProvisioningSupported false): inbound jobs such as API-driven provisioning have no source to read one object from.`,
      );
    const rule =
      rules.length === 1
        ? rules[0]
        : await this.ui.pick(
            rules.map((candidate) => ({ label: candidate.name, description: candidate.id, value: candidate })),
            { title: 'Provision through which rule?' },
          );
    if (!rule) return undefined;
    const outcome = await describedAs(`Could not provision on demand with the ${what}`, () =>
      this.ui.progress(safe`Provisioning ${subject.displayName} on demand…`, (signal) =>
        provisionOnDemand(
          client,
          target.servicePrincipal.id,
          target.job.id,
          rule.id,
          [{ objectId: subject.id, objectTypeName: type }],
          { version, signal, limiter: this.limiter },
        ),
      ),
    );
    const detail = subject.detail ? ` (${subject.detail})` : '';
    return { subject: `${type} ${subject.displayName}${detail}`, parsed: outcome.parsed };
  }
}
