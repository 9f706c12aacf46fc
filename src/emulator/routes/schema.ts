// Job and template schemas (FACTS.md "Schema editing"): GET/PUT/DELETE a job's schema (PATCH answered like Graph),
// a template's schema, and the helpers under either: functions, filterOperators, parseExpression.
import type { EmulatorContext, RouteHandler } from '../context';
import { badRequest, GraphErrorReply, notFound, parseJsonBody } from '../errors';
import { noContent, ok, type RoutedCall } from '../call';
import type { ServicePrincipalRecord, TemplateDefinition } from '../model';
import { synchronizationSchema, templateSchemaId } from '../sampleSchema';
import { templateCatalog } from '../sampleTemplates';
import { jobOf } from './jobs';
import { templateOf } from './templates';
import { functionsWire, filterOperatorsWire } from '../../expressions';
import { parseExpressionAnswer } from './parseExpression';

const metadata = (call: RoutedCall) => `${call.origin}/${call.version}/$metadata`;

function jobTemplate(
  context: EmulatorContext,
  call: RoutedCall,
): { sp: ServicePrincipalRecord; jobId: string; template: TemplateDefinition } {
  const { sp, job } = jobOf(context, call);
  const template = templateCatalog.get(job.templateId);
  if (!template) throw notFound(`${job.id}/schema`);
  return { sp, jobId: job.id, template };
}

/** A job's schema: what PUT stored, else its template's (the job was created from it). */
function currentJobSchema(
  context: EmulatorContext,
  call: RoutedCall,
): { sp: ServicePrincipalRecord; jobId: string; schema: unknown } {
  const { sp, jobId, template } = jobTemplate(context, call);
  const stored = context.store.jobSchema(jobId);
  return {
    sp,
    jobId,
    schema: stored === undefined ? synchronizationSchema(jobId, template, sp.displayName) : structuredClone(stored),
  };
}

export const getJobSchema: RouteHandler = (context, call) => {
  const { sp, jobId, schema } = currentJobSchema(context, call);
  const entity = `${metadata(call)}#servicePrincipals('${sp.id}')/synchronization/jobs('${jobId}')/schema/$entity`;
  return ok({ '@odata.context': entity, ...(schema as object) });
};

/** PUT replaces the whole schema: 204 No Content. */
export const putJobSchema: RouteHandler = (context, call) => {
  const { jobId } = jobTemplate(context, call);
  const body = parseJsonBody(call.body);
  // Graph's answer to a body that is not a schema object is not documented: 400 is a guess.
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('The request body must be a synchronizationSchema object.');
  const { '@odata.context': _ignored, ...schema } = body as Record<string, unknown>;
  for (const collection of ['directories', 'synchronizationRules']) {
    if (schema[collection] !== undefined && !Array.isArray(schema[collection]))
      throw badRequest(`The property '${collection}' must be an array.`);
  }
  context.store.setJobSchema(jobId, { ...schema, id: jobId });
  return noContent();
};

/** DELETE resets the schema to the template's. The reference page says "201 No Content"; its example is 204. */
export const deleteJobSchema: RouteHandler = (context, call) => {
  const { jobId } = jobTemplate(context, call);
  context.store.setJobSchema(jobId, undefined);
  return noContent();
};

/**
 * PATCH is what the Graph SDKs send (the long-running bug threads in FACTS.md): 404 UnknownError whose message is
 * the synchronization service's own JSON error. Its exact wording and back-end URL are a guess in ASP.NET Web API's
 * "No HTTP resource was found" shape, which the threads quote.
 */
export const patchJobSchema: RouteHandler = (context, call) => {
  const { sp, jobId } = jobTemplate(context, call);
  const message = JSON.stringify({
    Message: `No HTTP resource was found that matches the request URI 'https://api.syncfabric.windowsazure.com/api/servicePrincipals/${sp.id}/synchronization/jobs/${jobId}/schema?api-version=2.0'.`,
    MessageDetail: "No action was found on the controller 'Schema' that matches the request.",
  });
  throw new GraphErrorReply(404, 'UnknownError', message);
};

export const getTemplateSchema: RouteHandler = (context, call) => {
  const { sp, template } = templateOf(context, call);
  const entity = `${metadata(call)}#servicePrincipals('${sp.id}')/synchronization/templates('${template.id}')/schema/$entity`;
  return ok({
    '@odata.context': entity,
    ...synchronizationSchema(templateSchemaId(template.id), template, sp.displayName),
  });
};

/** The helpers answer the same under a job's schema and a template's; the owner must exist. */
function checkOwner(context: EmulatorContext, call: RoutedCall): void {
  if (call.params.job !== undefined) jobTemplate(context, call);
  else templateOf(context, call);
}

export const listSchemaFunctions: RouteHandler = (context, call) => {
  checkOwner(context, call);
  return ok({
    '@odata.context': `${metadata(call)}#Collection(microsoft.graph.attributeMappingFunctionSchema)`,
    value: functionsWire(),
  });
};

export const listFilterOperators: RouteHandler = (context, call) => {
  checkOwner(context, call);
  return ok({
    '@odata.context': `${metadata(call)}#Collection(microsoft.graph.filterOperatorSchema)`,
    value: filterOperatorsWire(),
  });
};

export const parseExpression: RouteHandler = (context, call) => {
  checkOwner(context, call);
  const body = parseJsonBody(call.body) as { expression?: unknown; testInputObject?: unknown } | null;
  // Graph's answer without an expression is not documented: 400 is a guess.
  if (typeof body?.expression !== 'string')
    throw badRequest("The property 'expression' is required: the expression to parse, as a string.");
  return ok({
    '@odata.context': `${metadata(call)}#microsoft.graph.parseExpressionResponse`,
    ...parseExpressionAnswer(body.expression, body.testInputObject),
  });
};
