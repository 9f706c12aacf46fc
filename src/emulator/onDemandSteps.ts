// What provisionOnDemand answers: the documented stringKeyStringValuePair whose key and value are JSON text
// (Graph reference: synchronizationJob provisionOnDemand, response example; Learn: provision on demand). Step names,
// types and statuses follow that example; descriptions for the cases it does not show are guesses.
import { graphTime } from './clock';
import type { CredentialProblem } from './credentialCheck';
import { stableGuid } from './ids';
import type { DirectoryGroup, DirectoryUser } from './sampleDirectory';

export type OnDemandSubject = { kind: 'User'; user: DirectoryUser } | { kind: 'Group'; group: DirectoryGroup };

export interface OnDemandRun {
  subject: OnDemandSubject;
  /** The target system's name (the example shows the template id, e.g. customappsso). */
  targetSystem: string;
  now: number;
  credentials: CredentialProblem | undefined;
  /** Provisioned before by this job: the export is skipped as redundant. */
  alreadyProvisioned: boolean;
}

type StepStatus = 'Success' | 'Failure' | 'Skipped';

const step = (
  name: string,
  type: string,
  status: StepStatus,
  description: string,
  at: number,
  details: Record<string, string>,
) => ({
  name,
  type,
  status,
  description,
  timestamp: graphTime(at),
  details,
});

function identityOf(subject: OnDemandSubject) {
  if (subject.kind === 'User') {
    const { user } = subject;
    const attributes = {
      objectId: user.id,
      accountEnabled: user.accountEnabled ? 'True' : 'False',
      displayName: user.displayName,
      userPrincipalName: user.userPrincipalName,
      IsSoftDeleted: 'False',
    };
    return { id: user.id, name: user.userPrincipalName, attributes };
  }
  const { group } = subject;
  const attributes = {
    objectId: group.id,
    displayName: group.displayName,
    mailNickname: group.mailNickname,
    members: String(group.members.length),
  };
  return { id: group.id, name: group.displayName, attributes };
}

export function onDemandResult(run: OnDemandRun): { key: string; value: string } {
  const { subject, targetSystem, now } = run;
  const identity = identityOf(subject);
  const targetId = stableGuid(`target:${targetSystem}:${identity.id}`);
  const steps = [
    step(
      'EntryImport',
      'Import',
      'Success',
      `Retrieved ${subject.kind} '${identity.name}' from Azure Active Directory`,
      now - 300,
      identity.attributes,
    ),
    step(
      'EntrySynchronizationScoping',
      'Scoping',
      'Success',
      `Determine if ${subject.kind} in scope by evaluating against each scoping filter`,
      now - 200,
      {
        IsActive: 'True',
        Assigned: 'True',
        IsEffectivelyEntitledForProvisioning: 'True',
        ScopeEvaluationResult: '{}',
      },
    ),
  ];
  let result: StepStatus;
  let errorCode: string | null = null;
  let reason: string | null = null;
  if (run.credentials) {
    result = 'Failure';
    errorCode = 'SystemForCrossDomainIdentityManagementInvalidCredentials';
    reason = run.credentials.message;
    steps.push(
      step(
        'EntryImport',
        'Matching',
        'Failure',
        `Could not look up ${subject.kind} '${identity.name}' in ${targetSystem}: ${reason}`,
        now - 100,
        { ErrorCode: errorCode, Credential: run.credentials.key },
      ),
    );
  } else if (run.alreadyProvisioned) {
    result = 'Skipped';
    steps.push(
      step('EntryImport', 'Matching', 'Success', `Retrieved '${identity.name}' from ${targetSystem}`, now - 100, {
        id: targetId,
      }),
    );
    steps.push(
      step(
        'EntrySynchronizationSkip',
        'Export',
        'Skipped',
        `The state of the ${subject.kind.toLowerCase()} in both the source and target systems already match. No change to the ${subject.kind} '${identity.name}' currently needs to be made.`,
        now,
        { SkipReason: 'RedundantExport' },
      ),
    );
  } else {
    result = 'Success';
    steps.push(
      step(
        'EntryImport',
        'Matching',
        'Success',
        `No ${subject.kind} matching '${identity.name}' was found in ${targetSystem}: it will be created`,
        now - 100,
        {},
      ),
    );
    steps.push(
      step(
        'EntryExportAdd',
        'Export',
        'Success',
        `${subject.kind} '${identity.name}' was created in ${targetSystem}`,
        now,
        { id: targetId },
      ),
    );
  }
  const key = {
    result,
    details:
      result === 'Skipped'
        ? {
            errorCode: 'RedundantExport',
            errorMessage: 'The state of the user in both the source and target systems already match.',
          }
        : errorCode
          ? { errorCode, errorMessage: reason }
          : {},
  };
  const value = {
    action: result === 'Success' ? 'Create' : 'Other',
    changeId: stableGuid(`change:${identity.id}:${now}`),
    endTime: graphTime(now),
    modifiedProperties: Object.entries(identity.attributes).map(([displayName, newValue]) => ({
      displayName,
      oldValue: null,
      newValue,
    })),
    provisioningSteps: steps,
    reportableIdentifier: identity.name,
    startTime: graphTime(now - 300),
    statusInfo: {
      status: result,
      errorCode,
      reason,
      additionalDetails: null,
      errorCategory: null,
      recommendedAction: run.credentials ? 'Fix the admin credentials (Test Connection), then retry.' : null,
    },
    sourceIdentity: { id: identity.id, type: subject.kind, displayName: null, details: null },
    sourceSystem: { id: null, name: 'Azure Active Directory', details: null },
    targetIdentity: { id: run.credentials ? null : targetId, type: subject.kind, displayName: null, details: null },
    targetSystem: { id: null, name: targetSystem, details: null },
  };
  return { key: JSON.stringify(key), value: JSON.stringify(value) };
}
