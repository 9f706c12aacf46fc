// The tenant's mutable state: service principals and jobs (both restored by reset).
import { generatedJob, generateServicePrincipals } from './generator';
import { seededJob, type JobDocument } from './jobFactory';
import type { ServicePrincipalRecord, TemplateDefinition } from './model';
import type { ProvisioningRecord, RunningCycle } from './provisioning/records';
import type { ProvisioningLogEntry } from './provisioningLogs';
import { sampleGroups, sampleUsers, type DirectoryGroup, type DirectoryUser } from './sampleDirectory';
import { sampleServicePrincipals, seedJobs, seedSecrets, workingScimCredentials } from './sampleTenant';
import { templateCatalog } from './sampleTemplates';

export class TenantStore {
  /** Sorted as Graph lists them here: by display name (case-insensitive), then id. Deleted ones stay listed here. */
  private readonly all: readonly ServicePrincipalRecord[];
  private present: Set<ServicePrincipalRecord>;
  private readonly byId = new Map<string, ServicePrincipalRecord>();
  private readonly byApplication = new Map<string, ServicePrincipalRecord>();
  private jobs = new Map<string, JobDocument[]>();
  /** When each job was created through the API (not seeded ones): for replication-lag faults. */
  private created = new Map<string, number>();
  /** Job schemas that differ from their template's (PUT); a job without one has its template's (see routes/schema.ts). */
  private schemas = new Map<string, unknown>();
  /** Saved synchronization secrets by service principal id (PUT …/synchronization/secrets). */
  private secrets = new Map<string, Map<string, string>>();
  /** Per job: when provisionOnDemand was called (emulator clock), for its rate limit; and who it provisioned. */
  readonly onDemand = { calls: new Map<string, number[]>(), provisioned: new Set<string>() };
  /** The sample SCIM server's BaseAddress while it runs: the seeded working jobs save it as their credential. */
  scimServerBaseAddress?: string;
  /** The directory's users and groups now (tests change users; reset restores the sample directory). */
  directory: { users: DirectoryUser[]; groups: DirectoryGroup[] } = { users: [], groups: [] };
  /** Per job id: its last real provisioning cycle (entries and SCIM traffic). */
  readonly provisioning = new Map<string, ProvisioningRecord>();
  /** Per job id: its real cycle while it runs (its log entries appear as each object is processed). */
  readonly running = new Map<string, RunningCycle>();
  /** Log entries added through the control API (seedProvisioningLogs), besides those the jobs' runs write. */
  readonly seededLogs: ProvisioningLogEntry[] = [];

  /** Generated service principals by id, with their 1-based index: their jobs are made on first use. */
  private readonly generated = new Map<string, { sp: ServicePrincipalRecord; index: number }>();
  /** The tenant's "now" at the last reset: generated jobs are dated from it. */
  private now = 0;

  constructor(
    readonly tenantId: string,
    /** The tenant's size: the sample service principals, topped up with generated ones. */
    servicePrincipalCount: number,
    /** Picks the generated service principals' job states. */
    private readonly seed = 1,
  ) {
    const generated = generateServicePrincipals(
      Math.max(0, servicePrincipalCount - sampleServicePrincipals.length),
      seed,
    );
    generated.forEach((sp, i) => this.generated.set(sp.id, { sp, index: i + 1 }));
    const all = [...sampleServicePrincipals, ...generated];
    const keyed = all.map((sp) => ({ sp, key: sp.displayName.toLowerCase() }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.sp.id < b.sp.id ? -1 : a.sp.id > b.sp.id ? 1 : 0));
    this.all = keyed.map(({ sp }) => sp);
    this.present = new Set(this.all);
    for (const sp of this.all) {
      this.byId.set(sp.id.toLowerCase(), sp);
      this.byApplication.set(sp.applicationObjectId.toLowerCase(), sp);
    }
    this.reset();
  }

  /** Restores every service principal and the jobs the tenant starts with; generated jobs are dated from `now`. */
  reset(now = Date.now()): void {
    this.jobs = new Map();
    this.created = new Map();
    this.schemas = new Map();
    this.present = new Set(this.all);
    for (const seed of seedJobs) this.jobsOf(seed.servicePrincipalId).push(seededJob(seed));
    const working = workingScimCredentials(this.scimServerBaseAddress);
    this.secrets = new Map(
      seedSecrets.map(({ servicePrincipalId, secrets }) => [
        servicePrincipalId,
        new Map(Object.entries({ ...secrets, BaseAddress: working.BaseAddress })),
      ]),
    );
    this.directory = {
      users: sampleUsers.map((user) => ({ ...user })),
      groups: sampleGroups.map((group) => ({ ...group })),
    };
    this.provisioning.clear();
    this.running.clear();
    this.seededLogs.length = 0;
    this.onDemand.calls.clear();
    this.onDemand.provisioned.clear();
    this.now = now;
  }

  /** The service principals that exist, in Graph's listing order. */
  get servicePrincipals(): readonly ServicePrincipalRecord[] {
    return this.present.size === this.all.length ? this.all : this.all.filter((sp) => this.present.has(sp));
  }

  /** Every job with its service principal's id. */
  *allJobs(): Generator<[servicePrincipalId: string, job: JobDocument]> {
    for (const [servicePrincipalId, jobs] of this.jobs) for (const job of jobs) yield [servicePrincipalId, job];
  }

  secretsOf(servicePrincipalId: string): ReadonlyMap<string, string> {
    return this.secrets.get(servicePrincipalId) ?? new Map();
  }

  /** Replaces the saved value of each given key; keys not given keep theirs (guess: the portal sends them all). */
  saveSecrets(servicePrincipalId: string, entries: { key: string; value: string }[]): void {
    const saved = new Map(this.secretsOf(servicePrincipalId));
    for (const { key, value } of entries) saved.set(key, value);
    this.secrets.set(servicePrincipalId, saved);
  }

  servicePrincipal(id: string): ServicePrincipalRecord | undefined {
    const sp = this.byId.get(id.toLowerCase());
    return sp && this.present.has(sp) ? sp : undefined;
  }

  /** Deletes a service principal and its jobs (until reset), as an admin deleting an enterprise app would. */
  deleteServicePrincipal(id: string): boolean {
    const sp = this.servicePrincipal(id);
    if (!sp) return false;
    this.present.delete(sp);
    this.jobs.set(sp.id, []);
    return true;
  }

  servicePrincipalOfApplication(applicationObjectId: string): ServicePrincipalRecord | undefined {
    const sp = this.byApplication.get(applicationObjectId.toLowerCase());
    return sp && this.present.has(sp) ? sp : undefined;
  }

  templatesOf(sp: ServicePrincipalRecord): TemplateDefinition[] {
    return sp.templateIds.map((id) => templateCatalog.get(id)).filter((t): t is TemplateDefinition => t !== undefined);
  }

  /** The live list of a service principal's jobs (mutable). */
  jobsOf(servicePrincipalId: string): JobDocument[] {
    let jobs = this.jobs.get(servicePrincipalId);
    if (!jobs) {
      const generated = this.generated.get(servicePrincipalId);
      const job = generated && generatedJob(generated.sp, generated.index, this.seed, this.tenantId, this.now);
      this.jobs.set(servicePrincipalId, (jobs = job ? [job] : []));
    }
    return jobs;
  }

  job(servicePrincipalId: string, jobId: string): JobDocument | undefined {
    return this.jobsOf(servicePrincipalId).find((job) => job.id === jobId);
  }

  addJob(servicePrincipalId: string, job: JobDocument): void {
    this.jobsOf(servicePrincipalId).push(job);
    this.created.set(job.id, Date.now());
  }

  deleteJob(servicePrincipalId: string, jobId: string): void {
    const jobs = this.jobsOf(servicePrincipalId);
    this.jobs.set(
      servicePrincipalId,
      jobs.filter((job) => job.id !== jobId),
    );
    this.schemas.delete(jobId);
  }

  /** The schema stored for a job by PUT; undefined while it is still its template's. */
  jobSchema(jobId: string): unknown {
    return this.schemas.get(jobId);
  }

  /** Stores a job's schema (PUT), or forgets it so the job has its template's again (DELETE …/schema). */
  setJobSchema(jobId: string, schema: unknown | undefined): void {
    if (schema === undefined) this.schemas.delete(jobId);
    else this.schemas.set(jobId, schema);
  }

  /** Milliseconds since the job was created through the API; undefined for seeded or unknown jobs. */
  ageOf(jobId: string): number | undefined {
    const at = this.created.get(jobId);
    return at === undefined ? undefined : Date.now() - at;
  }
}
