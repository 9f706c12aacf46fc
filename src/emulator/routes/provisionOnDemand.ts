// POST …/jobs/{id}/provisionOnDemand: validates the parameters, applies the documented rate limit (5 requests per
// 10 seconds, Graph reference page), and answers the steps for the first subject (onDemandSteps.ts).
import type { RouteHandler } from '../context';
import { credentialProblem } from '../credentialCheck';
import { badRequest, GraphErrorReply, parseJsonBody, synchronizationNotFound } from '../errors';
import { ok } from '../call';
import { onDemandResult, type OnDemandSubject } from '../onDemandSteps';
import { onDemandGroupMemberLimit, sampleGroups, sampleUsers } from '../sampleDirectory';
import { synchronizationSchema, templateSchemaId } from '../sampleSchema';
import { templateCatalog } from '../sampleTemplates';
import { servicePrincipalOf } from './templates';
import { engineTarget, provisionJob } from '../provisioning/cycleRunner';
import { onDemandAnswer } from '../provisioning/onDemandAnswer';

export const onDemandLimit = { requests: 5, windowMs: 10_000 } as const;

interface Parameter {
  ruleId?: unknown;
  subjects?: unknown;
}

function subjectOf(value: unknown): OnDemandSubject {
  const { objectId, objectTypeName } = (value ?? {}) as { objectId?: unknown; objectTypeName?: unknown };
  if (typeof objectId !== 'string' || objectId === '') throw badRequest("Each subject needs an 'objectId'.");
  // What Graph answers for an unknown object is not documented: 400 is a guess.
  if (objectTypeName === 'User') {
    const user = sampleUsers.find((candidate) => candidate.id === objectId);
    if (!user) throw badRequest(`The User '${objectId}' was not found in the directory.`);
    return { kind: 'User', user };
  }
  if (objectTypeName === 'Group') {
    const group = sampleGroups.find((candidate) => candidate.id === objectId);
    if (!group) throw badRequest(`The Group '${objectId}' was not found in the directory.`);
    if (group.members.length > onDemandGroupMemberLimit) {
      throw badRequest(
        `The Group '${group.displayName}' has ${group.members.length} members; on-demand provisioning takes groups of at most ${onDemandGroupMemberLimit}.`,
      );
    }
    return { kind: 'Group', group };
  }
  throw badRequest(`The objectTypeName '${String(objectTypeName)}' is not supported: use User or Group.`);
}

export const provisionOnDemand: RouteHandler = async (context, call) => {
  const { store, clock } = context;
  const sp = servicePrincipalOf(context, call);
  const job = store.job(sp.id, call.params.job);
  if (!job) throw synchronizationNotFound(`synchronization job '${call.params.job}'`);
  const key = `${sp.id}/${job.id}`;
  const now = clock.now();
  const recent = (store.onDemand.calls.get(key) ?? []).filter((at) => now - at < onDemandLimit.windowMs);
  if (recent.length >= onDemandLimit.requests) {
    const retryAfter = Math.max(1, Math.ceil((recent[0] + onDemandLimit.windowMs - now) / 1000));
    throw new GraphErrorReply(429, 'TooManyRequests', 'Please retry again later.', {
      'Retry-After': String(retryAfter),
    });
  }
  store.onDemand.calls.set(key, [...recent, now]);

  const parameters = (parseJsonBody(call.body) as { parameters?: unknown } | null)?.parameters;
  if (!Array.isArray(parameters) || parameters.length === 0)
    throw badRequest('The parameter \'parameters\' needs at least one {"ruleId","subjects"} entry.');
  const template = templateCatalog.get(job.templateId);
  // Rule ids come from the schema's synchronizationRules (FACTS.md, "Provision on demand").
  const ruleIds = template
    ? synchronizationSchema(templateSchemaId(template.id), template, sp.displayName).synchronizationRules.map(
        (rule) => rule.id,
      )
    : [];
  const subjects: OnDemandSubject[] = [];
  for (const parameter of parameters as Parameter[]) {
    // An empty ruleId is rejected (microsoft-graph-docs #10716).
    if (typeof parameter?.ruleId !== 'string' || parameter.ruleId === '')
      throw badRequest(
        "The parameter 'ruleId' is required: use the id of one of the job schema's synchronizationRules.",
      );
    if (!ruleIds.includes(parameter.ruleId))
      throw badRequest(`The rule '${parameter.ruleId}' is not a synchronization rule of this job.`);
    if (!Array.isArray(parameter.subjects) || parameter.subjects.length === 0)
      throw badRequest('The parameter \'subjects\' needs at least one {"objectId","objectTypeName"}.');
    subjects.push(...parameter.subjects.map(subjectOf));
  }
  const subject = subjects[0];
  const entityContext = `${call.origin}/${call.version}/$metadata#microsoft.graph.stringKeyStringValuePair`;
  const target = engineTarget(store.secretsOf(sp.id));
  if (target) {
    // A real SCIM endpoint: the engine provisions this one subject and the answer shows its requests.
    const id = subject.kind === 'User' ? subject.user.id : subject.group.id;
    const { outcome } = await provisionJob(store, clock, sp.id, job, target, id);
    const answer = onDemandAnswer(outcome, { kind: subject.kind, id }, job.templateId, clock.now());
    return ok({ '@odata.context': entityContext, ...answer });
  }
  const objectKey = `${key}/${subject.kind === 'User' ? subject.user.id : subject.group.id}`;
  const credentials = credentialProblem(store.secretsOf(sp.id), store.scimServerBaseAddress);
  const result = onDemandResult({
    subject,
    targetSystem: job.templateId,
    now,
    credentials,
    alreadyProvisioned: store.onDemand.provisioned.has(objectKey),
  });
  if (!credentials) store.onDemand.provisioned.add(objectKey);
  return ok({ '@odata.context': entityContext, ...result });
};
