// The tenant's mutable state: service principals (fixed for the emulator's lifetime) and jobs (restored by reset).
import { generateServicePrincipals } from './generator';
import { seededJob, type JobDocument } from './jobFactory';
import type { ServicePrincipalRecord, TemplateDefinition } from './model';
import { sampleServicePrincipals, seedJobs, seedSecrets } from './sampleTenant';
import { templateCatalog } from './sampleTemplates';

export class TenantStore {
  /** Sorted as Graph lists them here: by display name (case-insensitive), then id. */
  readonly servicePrincipals: readonly ServicePrincipalRecord[];
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

  constructor(
    readonly tenantId: string,
    /** The tenant's size: the sample service principals, topped up with generated ones. */
    servicePrincipalCount: number,
  ) {
    const all = [...sampleServicePrincipals, ...generateServicePrincipals(Math.max(0, servicePrincipalCount - sampleServicePrincipals.length))];
    const keyed = all.map((sp) => ({ sp, key: sp.displayName.toLowerCase() }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.sp.id < b.sp.id ? -1 : a.sp.id > b.sp.id ? 1 : 0));
    this.servicePrincipals = keyed.map(({ sp }) => sp);
    for (const sp of this.servicePrincipals) {
      this.byId.set(sp.id.toLowerCase(), sp);
      this.byApplication.set(sp.applicationObjectId.toLowerCase(), sp);
    }
    this.reset();
  }

  reset(): void {
    this.jobs = new Map();
    this.created = new Map();
    this.schemas = new Map();
    for (const seed of seedJobs) this.jobsOf(seed.servicePrincipalId).push(seededJob(seed));
    this.secrets = new Map(seedSecrets.map(({ servicePrincipalId, secrets }) => [servicePrincipalId, new Map(Object.entries(secrets))]));
    this.onDemand.calls.clear();
    this.onDemand.provisioned.clear();
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
    return this.byId.get(id.toLowerCase());
  }

  servicePrincipalOfApplication(applicationObjectId: string): ServicePrincipalRecord | undefined {
    return this.byApplication.get(applicationObjectId.toLowerCase());
  }

  templatesOf(sp: ServicePrincipalRecord): TemplateDefinition[] {
    return sp.templateIds.map((id) => templateCatalog.get(id)).filter((t): t is TemplateDefinition => t !== undefined);
  }

  /** The live list of a service principal's jobs (mutable). */
  jobsOf(servicePrincipalId: string): JobDocument[] {
    let jobs = this.jobs.get(servicePrincipalId);
    if (!jobs) this.jobs.set(servicePrincipalId, (jobs = []));
    return jobs;
  }

  job(servicePrincipalId: string, jobId: string): JobDocument | undefined {
    return this.jobs.get(servicePrincipalId)?.find((job) => job.id === jobId);
  }

  addJob(servicePrincipalId: string, job: JobDocument): void {
    this.jobsOf(servicePrincipalId).push(job);
    this.created.set(job.id, Date.now());
  }

  deleteJob(servicePrincipalId: string, jobId: string): void {
    const jobs = this.jobsOf(servicePrincipalId);
    this.jobs.set(servicePrincipalId, jobs.filter((job) => job.id !== jobId));
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
