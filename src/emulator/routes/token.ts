// The Entra endpoints @azure/identity needs for client credentials: OpenID discovery and the token endpoint.
// Errors use Entra's OAuth shape (error, error_description with an AADSTS code), not Graph's envelope.
import type { RouteHandler } from '../context';
import { ok, type EmulatorCall, type EmulatorResponse } from '../exchange';
import { graphResource } from '../tokens';

function entraError(status: number, error: string, code: number, description: string, call: EmulatorCall): EmulatorResponse {
  const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return ok(
    {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${call.ids.requestId} Correlation ID: ${call.ids.clientRequestId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: call.ids.requestId,
      correlation_id: call.ids.clientRequestId,
      error_uri: `${call.origin}/error?code=${code}`,
    },
    status,
  );
}

const unknownTenant = (call: EmulatorCall, tenant: string) =>
  entraError(400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`, call);

export const openidConfiguration: RouteHandler = ({ store }, call) => {
  const tenant = call.params.tenant;
  if (tenant.toLowerCase() !== store.tenantId) return unknownTenant(call, tenant);
  const base = `${call.origin}/${store.tenantId}`;
  return ok({
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${call.origin}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'tid', 'ver'],
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
  });
};

const oidcScopes = new Set(['openid', 'profile', 'offline_access']);

export const token: RouteHandler = ({ store, apps, tokens }, call) => {
  const tenant = call.params.tenant;
  if (tenant.toLowerCase() !== store.tenantId) return unknownTenant(call, tenant);
  const form = new URLSearchParams(call.body);
  if (form.get('grant_type') !== 'client_credentials') {
    return entraError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type: only client_credentials is supported here.', call);
  }
  const clientId = form.get('client_id') ?? '';
  const app = apps.get(clientId);
  if (!app) {
    return entraError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${store.tenantId}'.`, call);
  }
  if (form.get('client_secret') !== app.clientSecret) {
    return entraError(401, 'invalid_client', 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '" + clientId + "'.", call);
  }
  const scopes = (form.get('scope') ?? '').split(/\s+/).filter((scope) => scope && !oidcScopes.has(scope));
  const allowed = [`${graphResource}/.default`, `${call.origin}/.default`];
  if (scopes.length !== 1 || !allowed.includes(scopes[0])) {
    return entraError(400, 'invalid_scope', 1002012, `The provided value for scope '${scopes.join(' ')}' is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`, call);
  }
  const issued = tokens.issue(app.clientId, app.displayName);
  return ok({ token_type: 'Bearer', expires_in: issued.expiresIn, ext_expires_in: issued.expiresIn, access_token: issued.accessToken });
};
