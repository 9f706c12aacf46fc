// provisionOnDemand's answer for a real run: the documented stringKeyStringValuePair whose key and value are JSON
// text (Graph reference: synchronizationJob provisionOnDemand), its steps the engine's, each export or matching step
// carrying the SCIM request and answer it made (bearer masked) in its details, as SCIMRequest/SCIMResponse (the
// detail names are the emulator's own; the portal shows the request in the step's details).
import { graphTime } from '../clock';
import { stableGuid } from '../ids';
import type { ProvisioningOutcome } from './engine';
import type { EntryStep } from './entryResult';
import type { ScimExchange } from './scimClient';

const capital = (status: string) => `${status[0].toUpperCase()}${status.slice(1)}`;
const json = (body: unknown) => (body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body));

function exchangeDetails(exchanges: ScimExchange[]): Record<string, string> {
  if (exchanges.length === 0) return {};
  return {
    SCIMRequest: exchanges.map((e) => `${e.method} ${e.url}\n${json(e.requestBody)}`.trimEnd()).join('\n\n'),
    SCIMResponse: exchanges.map((e) => `${e.status}\n${json(e.responseBody)}`.trimEnd()).join('\n\n'),
  };
}

const actions: Record<string, string> = { create: 'Create', update: 'Update', disable: 'Disable', delete: 'Delete' };

export function onDemandAnswer(
  outcome: ProvisioningOutcome,
  subject: { kind: 'User' | 'Group'; id: string },
  targetSystem: string,
  now: number,
): { key: string; value: string } {
  const entry = outcome.entries[0];
  const failure = outcome.failure ?? entry?.error;
  const steps = (entry?.steps ?? []).map((step: EntryStep, index) => {
    const exchanges = (entry?.exchanges ?? []).filter((e) =>
      step.type === 'Matching' ? e.method === 'GET' : step.type === 'Export' ? e.method !== 'GET' : false,
    );
    return {
      name: step.name,
      type: step.type,
      status: capital(step.status),
      description: step.description,
      timestamp: graphTime(now - (entry.steps.length - index) * 100),
      details: { ...step.details, ...exchangeDetails(exchanges) },
    };
  });
  if (outcome.failure)
    steps.push({
      name: 'EntryImport',
      type: 'Matching',
      status: 'Failure',
      description: outcome.failure.message,
      timestamp: graphTime(now),
      details: { ErrorCode: outcome.failure.code },
    });
  const result = failure ? 'Failure' : entry?.status === 'skipped' ? 'Skipped' : 'Success';
  const key = { result, details: failure ? { errorCode: failure.code, errorMessage: failure.message } : {} };
  const value = {
    action: (entry && actions[entry.action]) ?? 'Other',
    changeId: stableGuid(`change:${subject.id}:${now}`),
    endTime: graphTime(now),
    modifiedProperties: entry?.modifiedProperties ?? [],
    provisioningSteps: steps,
    reportableIdentifier: entry?.name ?? subject.id,
    startTime: graphTime(now - (steps.length + 1) * 100),
    statusInfo: {
      status: result,
      errorCode: failure?.code ?? null,
      reason: failure?.message ?? null,
      additionalDetails: null,
      errorCategory: null,
      recommendedAction: null,
    },
    sourceIdentity: { id: subject.id, type: subject.kind, displayName: null, details: null },
    sourceSystem: { id: null, name: 'Azure Active Directory', details: null },
    targetIdentity: { id: entry?.targetId ?? null, type: subject.kind, displayName: null, details: null },
    targetSystem: { id: null, name: targetSystem, details: null },
  };
  return { key: JSON.stringify(key), value: JSON.stringify(value) };
}
