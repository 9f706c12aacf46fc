// A job's synchronization schema and the schema helpers (FACTS.md "Schema editing"). The schema is replaced with PUT,
// never PATCH: Graph answers PATCH with 404 UnknownError, the bug the SDKs have had for years.
import { parseJson, type CallOptions, type GraphClient, type GraphResponse } from './client';
import { GraphRequestError } from './errors';
import { jobPath, synchronizationPath } from './synchronization';
import type {
  AttributeMappingFunctionSchema,
  ExpressionInputObject,
  FilterOperatorSchema,
  ParseExpressionResponse,
  SynchronizationSchema,
} from './schemaTypes';

/** Whose schema: a job's, or a template's (read-only; the helpers work under both). */
export type SchemaOwner =
  { servicePrincipalId: string; jobId: string } | { servicePrincipalId: string; templateId: string };

export const schemaPath = (owner: SchemaOwner) =>
  'jobId' in owner
    ? `${jobPath(owner.servicePrincipalId, owner.jobId)}/schema`
    : `${synchronizationPath(owner.servicePrincipalId)}/templates/${encodeURIComponent(owner.templateId)}/schema`;

/** A schema as read: parsed, and the raw response (its text is what an editor shows and a backup keeps). */
export interface SchemaRead {
  schema: SynchronizationSchema;
  response: GraphResponse;
}

/** A GraphRequestError whose hint speaks about schemas. */
export class SchemaRequestError extends GraphRequestError {
  override readonly hint: string;
  constructor(error: GraphRequestError, hint: string) {
    super({ ...error, graphMessage: error.graphMessage, cause: error.cause });
    this.name = 'SchemaRequestError';
    this.hint = hint;
  }
}

async function withSchemaHints<T>(operation: 'read' | 'write' | 'reset' | 'parse', run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof GraphRequestError) || error.kind !== 'http') throw error;
    const hint = schemaHint(operation, error);
    throw hint ? new SchemaRequestError(error, hint) : error;
  }
}

function schemaHint(operation: 'read' | 'write' | 'reset' | 'parse', error: GraphRequestError): string | undefined {
  if (error.status === 404) {
    return 'The job or template does not exist (deleted, or Graph has not caught up right after creating it). Refresh the job list and retry.';
  }
  if (error.status === 400 && operation === 'write') {
    return 'Graph refused the schema: fix what the message names (the schema findings may point at it) and save again. The job keeps its previous schema.';
  }
  if (error.status === 400 && operation === 'parse') {
    return 'Graph did not accept the request: it needs an "expression" string, and a testInputObject with {"properties": [{"key", "value"}]}.';
  }
  return undefined;
}

const callOf = ({ version, signal }: CallOptions): CallOptions => ({ version, signal });

async function readSchema(client: GraphClient, owner: SchemaOwner, options: CallOptions): Promise<SchemaRead> {
  return withSchemaHints('read', async () => {
    const response = await client.send({ method: 'GET', path: schemaPath(owner), ...callOf(options) });
    return { schema: parseJson<SynchronizationSchema>(response), response };
  });
}

export const getJobSchema = (
  client: GraphClient,
  servicePrincipalId: string,
  jobId: string,
  options: CallOptions = {},
) => readSchema(client, { servicePrincipalId, jobId }, options);

export const getTemplateSchema = (
  client: GraphClient,
  servicePrincipalId: string,
  templateId: string,
  options: CallOptions = {},
) => readSchema(client, { servicePrincipalId, templateId }, options);

/** Replaces the job's schema (PUT, 204). OData annotations such as @odata.context are read-only and left out. */
export function putJobSchema(
  client: GraphClient,
  servicePrincipalId: string,
  jobId: string,
  schema: SynchronizationSchema,
  options: CallOptions = {},
): Promise<GraphResponse> {
  const body = Object.fromEntries(Object.entries(schema).filter(([key]) => !key.startsWith('@odata.')));
  return withSchemaHints('write', () =>
    client.send({ method: 'PUT', path: schemaPath({ servicePrincipalId, jobId }), body, ...callOf(options) }),
  );
}

/** Resets the job's schema to its template's (DELETE, 204). */
export function resetJobSchema(
  client: GraphClient,
  servicePrincipalId: string,
  jobId: string,
  options: CallOptions = {},
): Promise<GraphResponse> {
  return withSchemaHints('reset', () =>
    client.send({ method: 'DELETE', path: schemaPath({ servicePrincipalId, jobId }), ...callOf(options) }),
  );
}

export function listFunctions(
  client: GraphClient,
  owner: SchemaOwner,
  options: CallOptions = {},
): Promise<AttributeMappingFunctionSchema[]> {
  return withSchemaHints(
    'read',
    async () =>
      (
        await client.json<{ value: AttributeMappingFunctionSchema[] }>({
          method: 'GET',
          path: `${schemaPath(owner)}/functions`,
          ...callOf(options),
        })
      ).value,
  );
}

export function listFilterOperators(
  client: GraphClient,
  owner: SchemaOwner,
  options: CallOptions = {},
): Promise<FilterOperatorSchema[]> {
  return withSchemaHints(
    'read',
    async () =>
      (
        await client.json<{ value: FilterOperatorSchema[] }>({
          method: 'GET',
          path: `${schemaPath(owner)}/filterOperators`,
          ...callOf(options),
        })
      ).value,
  );
}

export interface ParseExpressionRequest {
  expression: string;
  testInputObject?: ExpressionInputObject;
  /** attributeDefinition of the target attribute; optional. */
  targetAttributeDefinition?: unknown;
}

/** Parses (and, with a test input, evaluates) an expression on the server: 200 with parseExpressionResponse. */
export function parseExpression(
  client: GraphClient,
  owner: SchemaOwner,
  request: ParseExpressionRequest,
  options: CallOptions = {},
): Promise<ParseExpressionResponse> {
  return withSchemaHints('parse', () =>
    client.json<ParseExpressionResponse>({
      method: 'POST',
      path: `${schemaPath(owner)}/parseExpression`,
      body: request,
      ...callOf(options),
    }),
  );
}
