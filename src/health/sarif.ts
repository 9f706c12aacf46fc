// A scan as SARIF 2.1.0 (OASIS), for CI and VS Code's SARIF viewer: one rule per health flag, one result per finding.
// Location: the job's Graph URL as the artifact (a job has no file; its URL names it uniquely and opens the JSON with a
// token) plus a logical location `servicePrincipals/{id}/synchronization/jobs/{jobId}` the viewer lists by name.
import type { HealthFlag, Severity } from './jobHealth';
import type { ScanProblem, ScanRow } from './scan';

export const sarifSchema = 'https://json.schemastore.org/sarif-2.1.0.json';

interface RuleText {
  name: string;
  level: Exclude<Severity, 'ok'>;
  description: string;
}

/** Rule ids are the flags, stable across versions: CI baselines key on them. */
export const healthRules: Readonly<Record<HealthFlag, RuleText>> = {
  quarantine: {
    name: 'JobInQuarantine',
    level: 'error',
    description: 'The provisioning job is in quarantine; Entra disables it after 4 weeks.',
  },
  failing: {
    name: 'JobFailing',
    level: 'error',
    description: 'The provisioning job fails: successive complete failures, a failed last run or pruned escrows.',
  },
  entryErrors: {
    name: 'JobEntryErrors',
    level: 'warning',
    description: 'The last run failed for some users or groups.',
  },
  stale: {
    name: 'JobStale',
    level: 'warning',
    description: 'The running job has not reached steady state for too long.',
  },
  disabled: { name: 'JobDisabled', level: 'warning', description: 'The job is disabled and no longer provisions.' },
  legacyTemplate: {
    name: 'LegacyTemplate',
    level: 'note',
    description: 'The job uses the legacy customappsso template.',
  },
  neverStarted: { name: 'JobNeverStarted', level: 'note', description: 'The job was created but never started.' },
  paused: { name: 'JobPaused', level: 'note', description: 'The job is paused.' },
};

export interface SarifOptions {
  toolVersion: string;
  /** Graph root with version, e.g. https://graph.microsoft.com/v1.0 (the job URLs start with it). */
  graphRoot: string;
  /** For each row, where a person fixes it (the Entra admin center's provisioning page). */
  portalUrl?: (row: ScanRow) => string;
}

const jobPath = (row: ScanRow) => `servicePrincipals/${row.servicePrincipal.id}/synchronization/jobs/${row.job.id}`;

export function scanToSarif(rows: readonly ScanRow[], problems: readonly ScanProblem[], options: SarifOptions): object {
  const ruleIds = Object.keys(healthRules) as HealthFlag[];
  const results = rows.flatMap((row) =>
    row.health.findings.map((finding) => ({
      ruleId: finding.flag,
      ruleIndex: ruleIds.indexOf(finding.flag),
      level: finding.severity,
      message: {
        text: `${row.servicePrincipal.displayName} (${row.job.templateId}): ${finding.message} ${finding.action}`,
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: {
              uri: `${options.graphRoot}/${jobPath(row).split('/').map(encodeURIComponent).join('/')}`,
            },
          },
          logicalLocations: [{ name: row.job.id, fullyQualifiedName: jobPath(row), kind: 'resource' }],
        },
      ],
      partialFingerprints: { 'job/v1': `${row.servicePrincipal.id}/${row.job.id}/${finding.flag}` },
      properties: {
        servicePrincipalId: row.servicePrincipal.id,
        appId: row.servicePrincipal.appId,
        jobId: row.job.id,
        templateId: row.job.templateId,
        ...(row.health.quarantine && finding.flag === 'quarantine' ? { quarantine: row.health.quarantine } : {}),
        ...(options.portalUrl ? { portalUrl: options.portalUrl(row) } : {}),
      },
    })),
  );
  return {
    $schema: sarifSchema,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'graph-sync',
            fullName: 'Graph Sync Explorer tenant scan',
            version: options.toolVersion,
            rules: ruleIds.map((id) => ({
              id,
              name: healthRules[id].name,
              shortDescription: { text: healthRules[id].description },
              defaultConfiguration: { level: healthRules[id].level },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            // Service principals that could not be read: the scan went on without them.
            toolExecutionNotifications: problems.map((problem) => ({
              level: problem.kind === 'deleted' ? 'note' : 'warning',
              message: {
                text: `${problem.servicePrincipal.displayName} (${problem.servicePrincipal.id}): ${problem.kind === 'deleted' ? 'deleted during the scan' : problem.error.message}`,
              },
            })),
          },
        ],
        results,
      },
    ],
  };
}
