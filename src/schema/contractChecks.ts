// Checks beyond the schema: what the documented contract of createJob/getJob says a response should look like.
// All are warnings (the service, not the caller, decides what comes back), but for a status that is not a success.
import { quote, type UnplacedFinding } from './findings';
import { childPointer } from './jsonPointer';
import type { LocatedJob } from './locatedJobs';
import type { ResponseExpectation } from './types';

function statusFindings({ operation, status }: ResponseExpectation, expected: string): UnplacedFinding[] {
  if (status !== undefined && (status < 200 || status > 299)) {
    const message = `HTTP ${status} is not a success status: its body is Graph's error, not ${expected}`;
    return [{ severity: 'error', pointer: '', rule: 'error-status', message }];
  }
  if (status === undefined || operation === undefined) return [];
  if (operation === 'createJob' && status === 200) {
    const message = 'createJob answered 200 OK; Graph documents 201 Created for a new job (the docs example shows 200)';
    return [{ severity: 'warning', pointer: '', rule: 'status-201', message }];
  }
  const documented = operation === 'createJob' ? 201 : 200;
  if (status === documented) return [];
  const message = `${operation} answered HTTP ${status}; the documented success status is ${documented}`;
  return [{ severity: 'warning', pointer: '', rule: 'unexpected-status', message }];
}

function createdJobFindings(job: Record<string, unknown>, requestedTemplateId: string | undefined): UnplacedFinding[] {
  const findings: UnplacedFinding[] = [];
  if (
    requestedTemplateId !== undefined &&
    typeof job.templateId === 'string' &&
    job.templateId !== requestedTemplateId
  ) {
    const message = `templateId ${quote(job.templateId)} differs from the requested ${quote(requestedTemplateId)}`;
    findings.push({ severity: 'warning', pointer: '/templateId', rule: 'template-id', message });
  }
  const schedule = job.schedule as { state?: unknown } | null | undefined;
  if (typeof schedule?.state === 'string' && schedule.state !== 'Disabled') {
    const message = `a new job's schedule is documented as Disabled until it is started, not ${quote(schedule.state)}`;
    findings.push({ severity: 'warning', pointer: '/schedule/state', rule: 'schedule-disabled', message });
  }
  return findings;
}

function progressFindings({ pointer, job }: LocatedJob): UnplacedFinding[] {
  const progress = (job.status as { progress?: unknown } | null | undefined)?.progress;
  if (!Array.isArray(progress)) return [];
  return progress.flatMap((entry: { completedUnits?: unknown; totalUnits?: unknown } | null, index) => {
    const completed = entry?.completedUnits;
    const total = entry?.totalUnits;
    if (typeof completed !== 'number' || typeof total !== 'number' || completed <= total) return [];
    const entryPointer = childPointer(`${pointer}/status/progress`, index);
    const message = `completedUnits ${completed} is more than totalUnits ${total}`;
    return [
      {
        severity: 'warning' as const,
        pointer: childPointer(entryPointer, 'completedUnits'),
        rule: 'progress-units',
        message,
      },
    ];
  });
}

/**
 * `jobs` holds the synchronizationJob objects of the response (none when it is a template); `expected` names what
 * the body should be, e.g. "a synchronizationJob".
 */
export function contractFindings(
  jobs: LocatedJob[],
  expectation: ResponseExpectation,
  collection: boolean,
  expected: string,
): UnplacedFinding[] {
  const findings = statusFindings(expectation, expected);
  if (expectation.operation === 'createJob' && !collection && jobs.length === 1) {
    findings.push(...createdJobFindings(jobs[0].job, expectation.requestedTemplateId));
  }
  for (const job of jobs) findings.push(...progressFindings(job));
  return findings;
}
