// Graph's error envelope and the headers every Graph response carries.

/** Thrown by route handlers; becomes `{"error":{…}}` with this status. */
export class GraphErrorReply extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** OData's `error.target`: the part of the request the error is about (e.g. the credential that failed). */
    readonly target?: string,
  ) {
    super(message);
  }
}

export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

export function errorEnvelope(
  code: string,
  message: string,
  ids: RequestIds,
  extra: { status?: number; target?: string } = {},
): unknown {
  const innerError: Record<string, string> = {
    date: new Date().toISOString().replace(/\.\d+Z$/, ''),
    'request-id': ids.requestId,
    'client-request-id': ids.clientRequestId,
  };
  // Captured 429 bodies also carry the status in innerError as code and status (FACTS.md).
  if (extra.status === 429) Object.assign(innerError, { code: '429', status: '429' });
  return { error: { code, message, ...(extra.target === undefined ? {} : { target: extra.target }), innerError } };
}

/** What the synchronization service answers for a job or template that does not exist: 404 UnknownError (FACTS.md). */
export const synchronizationNotFound = (what: string) =>
  new GraphErrorReply(
    404,
    'UnknownError',
    JSON.stringify({ Message: `The ${what} was not found.`, Code: 'ObjectNotFound' }),
  );

// What Graph's gateway adds; clients and support tickets key on request-id.
const diagnostic = JSON.stringify({
  ServerInfo: {
    DataCenter: 'Local Emulator',
    Slice: 'E',
    Ring: '0',
    ScaleUnit: '000',
    RoleInstance: 'EMULATOR',
    ADSiteName: 'LOC',
  },
});

export function graphHeaders(ids: RequestIds): Record<string, string> {
  return {
    'request-id': ids.requestId,
    'client-request-id': ids.clientRequestId,
    'x-ms-ags-diagnostic': diagnostic,
    'Strict-Transport-Security': 'max-age=31536000',
    'Cache-Control': 'no-cache',
  };
}

export const notFound = (id: string) =>
  new GraphErrorReply(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );

export const badRequest = (message: string, code = 'BadRequest') => new GraphErrorReply(400, code, message);

const unreadablePayload =
  'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.';

/** A request body as JSON, or Graph's 400 for a payload it cannot read. */
export function parseJsonBody(body: string, message = unreadablePayload): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw badRequest(message);
  }
}
