// Admin credentials of a service principal: PUT/GET …/synchronization/secrets and validateCredentials in both forms
// (on a job, and on …/jobs before a job exists). Shapes: Graph reference (synchronization-serviceprincipal-put-synchronization,
// synchronizationjob-validatecredentials) and FACTS.md "Credentials and settings".
import type { EmulatorContext, RouteHandler } from '../context';
import { badRequest, GraphErrorReply, parseJsonBody, synchronizationNotFound } from '../errors';
import { noContent, ok, type RoutedCall } from '../call';
import { credentialProblem } from '../credentialCheck';
import { servicePrincipalOf } from './templates';

interface KeyValue {
  key: string;
  value: string;
}

/** `[{key, value}]` with string keys and values, or Graph's 400 naming the parameter. */
function keyValues(value: unknown, parameter: string): KeyValue[] {
  const valid =
    Array.isArray(value) &&
    value.every(
      (entry) =>
        entry &&
        typeof entry === 'object' &&
        typeof entry.key === 'string' &&
        entry.key !== '' &&
        typeof entry.value === 'string',
    );
  if (!valid)
    throw badRequest(`The parameter '${parameter}' must be a collection of {"key","value"} pairs with string values.`);
  return value as KeyValue[];
}

const secretsContext = (call: RoutedCall, spId: string) =>
  `${call.origin}/${call.version}/$metadata#servicePrincipals('${spId}')/synchronization/secrets`;

export const putSecrets: RouteHandler = (context, call) => {
  const { store } = context;
  const sp = servicePrincipalOf(context, call);
  const body = call.body.trim() === '' ? null : (parseJsonBody(call.body) as { value?: unknown } | null);
  // SDKs have sent this with an empty payload (FACTS.md); Graph's answer to it is not documented: 400 is a guess.
  if (!body || body.value === undefined || (Array.isArray(body.value) && body.value.length === 0)) {
    throw badRequest('Empty Payload: the request needs {"value":[{"key":"BaseAddress","value":"…"}, …]}.');
  }
  store.saveSecrets(sp.id, keyValues(body.value, 'value'));
  return noContent();
};

export const getSecrets: RouteHandler = (context, call) => {
  const { store } = context;
  const sp = servicePrincipalOf(context, call);
  // Saved values never come back: Graph masks each as "*" (FACTS.md).
  const value = [...store.secretsOf(sp.id).keys()].map((key) => ({ key, value: '*' }));
  return ok({ '@odata.context': secretsContext(call, sp.id), value });
};

/** The body of validateCredentials: `{"useSavedCredentials":bool,"credentials":[{key,value}],"templateId"?}`. */
function validationRequest(body: string): { useSaved: boolean; credentials: KeyValue[]; templateId?: string } {
  const parsed = (body.trim() === '' ? {} : parseJsonBody(body)) as Record<string, unknown> | null;
  if (!parsed || typeof parsed !== 'object') throw badRequest('The request body must be a JSON object.');
  const useSaved = parsed.useSavedCredentials === true;
  const credentials =
    parsed.credentials === undefined || parsed.credentials === null ? [] : keyValues(parsed.credentials, 'credentials');
  if (!useSaved && credentials.length === 0)
    throw badRequest("Give 'credentials', or set 'useSavedCredentials' to true.");
  const templateId = typeof parsed.templateId === 'string' ? parsed.templateId : undefined;
  return { useSaved, credentials, templateId };
}

function validate(context: EmulatorContext, spId: string, request: ReturnType<typeof validationRequest>) {
  const values = request.useSaved
    ? context.store.secretsOf(spId)
    : new Map(request.credentials.map(({ key, value }) => [key, value]));
  const problem = credentialProblem(values, context.store.scimServerBaseAddress);
  // Which credential failed is in the message and in OData's error.target (the shape is a guess).
  if (problem) throw new GraphErrorReply(400, 'CredentialValidationFailed', problem.message, {}, problem.key);
  return noContent();
}

export const validateJobCredentials: RouteHandler = (context, call) => {
  const sp = servicePrincipalOf(context, call);
  if (!context.store.job(sp.id, call.params.job))
    throw synchronizationNotFound(`synchronization job '${call.params.job}'`);
  return validate(context, sp.id, validationRequest(call.body));
};

export const validateCredentials: RouteHandler = (context, call) => {
  const sp = servicePrincipalOf(context, call);
  const request = validationRequest(call.body);
  // Before a job exists the template says which app the credentials are for (Graph reference: validateCredentials).
  if (!request.templateId) throw badRequest("The parameter 'templateId' is required when no job is given.");
  if (!context.store.templatesOf(sp).some((template) => template.id === request.templateId)) {
    throw badRequest(`The synchronization template '${request.templateId}' was not found for this service principal.`);
  }
  return validate(context, sp.id, request);
};
