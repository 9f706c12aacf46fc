// GET /auditLogs/provisioning: the tenant's provisioning log entries, newest first, filtered and paged.
// Filters: the properties the reference page says support $filter (jobId, servicePrincipal/id,
// provisioningStatusInfo/status, provisioningAction, activityDateTime, cycleId, changeId, id). Paging: absolute
// @odata.nextLink with an opaque $skiptoken, as for every Graph list. Default and largest page size are guesses.
import type { EmulatorContext, RouteHandler } from '../context';
import { badRequest } from '../errors';
import { ok } from '../call';
import type { JobDocument } from '../jobFactory';
import { clauses } from '../odataQuery';
import { logEntriesForCycle, type ProvisioningLogEntry } from '../provisioningLogs';

const defaultTop = 100;
const maxTop = 1000;

type Read = (entry: ProvisioningLogEntry) => string;
const fields: Record<string, Read> = {
  id: (e) => e.id,
  jobid: (e) => e.jobId,
  cycleid: (e) => e.cycleId,
  changeid: (e) => e.changeId,
  'serviceprincipal/id': (e) => e.servicePrincipal.id,
  'serviceprincipal/displayname': (e) => e.servicePrincipal.displayName,
  'provisioningstatusinfo/status': (e) => e.provisioningStatusInfo.status,
  provisioningaction: (e) => e.provisioningAction,
  activitydatetime: (e) => e.activityDateTime,
};

const clausePattern = /^([\w/]+)\s+(eq|ne|ge|gt|le|lt)\s+('(?:[^']|'')*'|\S+)$/i;

function matcher(filter: string | null): (entry: ProvisioningLogEntry) => boolean {
  if (filter === null || filter.trim() === '') return () => true;
  const tests = clauses(filter).map((text) => {
    // `(a eq 'x' or a eq 'y')`: any of the comparisons.
    if (text.startsWith('(') && text.endsWith(')')) {
      const any = clauses(text.slice(1, -1), 'or').map(comparison);
      return (entry: ProvisioningLogEntry) => any.some((test) => test(entry));
    }
    return comparison(text);
  });
  return (entry) => tests.every((test) => test(entry));
}

function comparison(text: string): (entry: ProvisioningLogEntry) => boolean {
  const parsed = clausePattern.exec(text);
  const read = parsed && fields[parsed[1].toLowerCase()];
  if (!parsed || !read)
    throw badRequest(`Invalid filter clause: '${text}' is not supported on provisioningObjectSummary.`);
  const [, name, operator, literal] = parsed;
  if (name.toLowerCase() === 'activitydatetime') {
    const at = Date.parse(literal.replace(/^'|'$/g, ''));
    if (Number.isNaN(at)) throw badRequest(`Invalid DateTimeOffset literal '${literal}'.`);
    const compare = {
      eq: (t: number) => t === at,
      ne: (t: number) => t !== at,
      ge: (t: number) => t >= at,
      gt: (t: number) => t > at,
      le: (t: number) => t <= at,
      lt: (t: number) => t < at,
    };
    const test = compare[operator.toLowerCase() as keyof typeof compare];
    return (entry: ProvisioningLogEntry) => test(Date.parse(entry.activityDateTime));
  }
  if (!literal.startsWith("'"))
    throw badRequest(`Invalid filter clause: '${text}': compare ${name} with a quoted string.`);
  if (!/^(eq|ne)$/i.test(operator)) throw badRequest(`Invalid filter clause: '${text}': ${name} supports eq and ne.`);
  const wanted = literal.slice(1, -1).replace(/''/g, "'").toLowerCase();
  const negated = operator.toLowerCase() === 'ne';
  return (entry: ProvisioningLogEntry) => (read(entry).toLowerCase() === wanted) !== negated;
}

function executionsOf(job: JobDocument) {
  const runs = [job.status.lastExecution, job.status.lastSuccessfulExecution].filter((run) => run !== null);
  return runs.filter((run, i) => runs.findIndex((other) => other.timeBegan === run.timeBegan) === i);
}

/** Every entry the tenant's jobs have written so far, newest first: each job's last runs, a running one's so far, and
 * seeded ones. */
export function tenantLogEntries({ store }: EmulatorContext): ProvisioningLogEntry[] {
  const entries: ProvisioningLogEntry[] = [...store.seededLogs];
  for (const sp of store.servicePrincipals) {
    for (const job of store.jobsOf(sp.id)) {
      const cycle = {
        tenantId: store.tenantId,
        servicePrincipal: { id: sp.id, displayName: sp.displayName },
        jobId: job.id,
      };
      const real = store.provisioning.get(job.id);
      // A real cycle ran (the provisioning engine): its own entries.
      if (real)
        entries.push(
          ...logEntriesForCycle({
            ...cycle,
            cycleId: real.cycleId,
            began: real.began,
            result: job.status.lastExecution?.state ?? 'Succeeded',
            changes: real.outcome.entries.length,
            entries: real.outcome.entries,
          }),
        );
      else
        for (const run of executionsOf(job))
          entries.push(
            ...logEntriesForCycle({
              ...cycle,
              cycleId: `${job.id}:${run.timeBegan}`,
              began: Date.parse(run.timeBegan),
              ended: Date.parse(run.timeEnded),
              result: run.state,
              changes: run.state === 'Failed' ? 3 : Math.min(6, Math.max(2, run.countExported)),
              error: run.error,
            }),
          );
      const running = store.running.get(job.id);
      // The cycle running now: the entries of the objects it has processed so far.
      if (running)
        entries.push(
          ...logEntriesForCycle({
            ...cycle,
            cycleId: running.cycleId,
            began: running.began,
            result: 'Succeeded',
            changes: running.entries.length,
            entries: running.entries,
          }),
        );
    }
  }
  return entries.sort((a, b) =>
    a.activityDateTime < b.activityDateTime ? 1 : a.activityDateTime > b.activityDateTime ? -1 : a.id < b.id ? -1 : 1,
  );
}

interface LogPageState {
  filter: string | null;
  top: number;
  offset: number;
}

function pageState(query: URLSearchParams): LogPageState {
  const token = query.get('$skiptoken');
  if (token !== null) {
    try {
      const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as LogPageState;
      if (Number.isInteger(state.offset) && Number.isInteger(state.top)) return state;
    } catch {
      // reported below
    }
    throw badRequest(`Invalid $skiptoken value '${token}'.`);
  }
  const topText = query.get('$top');
  const top = topText === null ? defaultTop : Number(topText);
  if (!Number.isInteger(top) || top < 1 || top > maxTop)
    throw badRequest(`Invalid $top value '${topText}': between 1 and ${maxTop}.`);
  return { filter: query.get('$filter'), top, offset: 0 };
}

export const listProvisioningLogs: RouteHandler = (context, call) => {
  const state = pageState(call.query);
  const matching = tenantLogEntries(context).filter(matcher(state.filter));
  const page = matching.slice(state.offset, state.offset + state.top);
  const body: Record<string, unknown> = {
    '@odata.context': `${call.origin}/${call.version}/$metadata#auditLogs/provisioning`,
  };
  const next = state.offset + page.length;
  if (next < matching.length) {
    body['@odata.nextLink'] =
      `${call.origin}/${call.version}/auditLogs/provisioning?$skiptoken=${Buffer.from(JSON.stringify({ ...state, offset: next })).toString('base64url')}`;
  }
  body.value = page;
  return ok(body);
};
