// The Entra endpoints @azure/identity needs: OpenID discovery, the token endpoint (client credentials, and the device
// code grant) and the device authorization endpoint.
// Errors use Entra's OAuth shape (error, error_description with an AADSTS code), not Graph's envelope.
import type { RouteHandler } from '../context';
import { ok, type EmulatorCall, type EmulatorResponse } from '../call';
import { graphResource, type TokenIssuer } from '../tokens';

function entraError(
  status: number,
  error: string,
  code: number,
  description: string,
  call: EmulatorCall,
): EmulatorResponse {
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
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
  entraError(
    400,
    'invalid_request',
    90002,
    `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    call,
  );

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
  if (deviceCodeGrants.has(form.get('grant_type') ?? '')) return redeemDeviceCode(form, call, tokens);
  if (form.get('grant_type') !== 'client_credentials') {
    return entraError(
      400,
      'unsupported_grant_type',
      70003,
      'The app requested an unsupported grant type: only client_credentials and device_code are supported here.',
      call,
    );
  }
  const clientId = form.get('client_id') ?? '';
  const app = apps.get(clientId);
  if (!app) {
    return entraError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${store.tenantId}'.`,
      call,
    );
  }
  if (form.get('client_secret') !== app.clientSecret) {
    return entraError(
      401,
      'invalid_client',
      7000215,
      "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '" +
        clientId +
        "'.",
      call,
    );
  }
  const scopes = (form.get('scope') ?? '').split(/\s+/).filter((scope) => scope && !oidcScopes.has(scope));
  const allowed = [`${graphResource}/.default`, `${call.origin}/.default`];
  if (scopes.length !== 1 || !allowed.includes(scopes[0])) {
    return entraError(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope '${scopes.join(' ')}' is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`,
      call,
    );
  }
  const issued = tokens.issue(app.clientId, app.displayName);
  return ok({
    token_type: 'Bearer',
    expires_in: issued.expiresIn,
    ext_expires_in: issued.expiresIn,
    access_token: issued.accessToken,
  });
};

// The device authorization grant, shapes from Microsoft identity platform docs, "OAuth 2.0 device authorization grant
// flow" (learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code): POST /{tenant}/oauth2/v2.0/devicecode
// with client_id and scope answers device_code, user_code, verification_uri, expires_in, interval, message; the client
// then polls the token endpoint with grant_type=urn:ietf:params:oauth:grant-type:device_code.
// Guess, for a local emulator: the user signs in and consents at once (no authorization_pending), every public client
// is known, and consent is dynamic: the token's scp holds the Graph scopes the client asked for, as Entra grants them
// after the user's (or an admin's) consent. The device code carries what was asked for, so no state is kept.
// MSAL sends the short form `device_code` (msal-common's GrantType.DEVICE_CODE_GRANT), which Entra accepts too.
const deviceCodeGrants = new Set(['urn:ietf:params:oauth:grant-type:device_code', 'device_code']);
const publicClientNames: Record<string, string> = {
  // FACTS.md, "Sign-in without an app registration".
  '14d82eec-204b-4c2f-b7e8-296a70dab67e': 'Microsoft Graph Command Line Tools',
};

interface DeviceAuthorization {
  clientId: string;
  scope: string;
}

export const deviceCode: RouteHandler = ({ store }, call) => {
  const tenant = call.params.tenant;
  if (tenant.toLowerCase() !== store.tenantId && tenant !== 'organizations' && tenant !== 'common')
    return unknownTenant(call, tenant);
  const form = new URLSearchParams(call.body);
  const clientId = form.get('client_id') ?? '';
  if (!clientId)
    return entraError(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'client_id'.",
      call,
    );
  const authorization: DeviceAuthorization = { clientId, scope: form.get('scope') ?? '' };
  const userCode = call.ids.requestId.replace(/-/g, '').slice(0, 9).toUpperCase();
  const verificationUri = 'https://microsoft.com/devicelogin';
  return ok({
    user_code: userCode,
    device_code: `${Buffer.from(JSON.stringify(authorization)).toString('base64url')}.${call.ids.requestId}`,
    verification_uri: verificationUri,
    expires_in: 900,
    interval: 5,
    message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${userCode} to authenticate.`,
  });
};

function redeemDeviceCode(form: URLSearchParams, call: EmulatorCall, tokens: TokenIssuer): EmulatorResponse {
  let authorization: DeviceAuthorization;
  try {
    authorization = JSON.parse(
      Buffer.from((form.get('device_code') ?? '').split('.')[0], 'base64url').toString('utf8'),
    );
  } catch {
    return entraError(400, 'invalid_grant', 70000, 'Provided grant is invalid or malformed.', call);
  }
  if (authorization.clientId !== form.get('client_id'))
    return entraError(400, 'invalid_grant', 70000, 'Provided grant is invalid or malformed.', call);
  const requested = authorization.scope.split(/\s+/).filter(Boolean);
  const graphScopes = requested.filter((scope) => !oidcScopes.has(scope));
  // Entra names delegated permissions in scp without the resource, space-separated.
  const scp = graphScopes.map((scope) => scope.replace(`${graphResource}/`, '')).join(' ');
  const issued = tokens.issue(
    authorization.clientId,
    publicClientNames[authorization.clientId] ?? authorization.clientId,
    scp,
  );
  return ok({
    token_type: 'Bearer',
    scope: [...graphScopes, ...requested.filter((scope) => oidcScopes.has(scope) && scope !== 'offline_access')].join(
      ' ',
    ),
    expires_in: issued.expiresIn,
    ext_expires_in: issued.expiresIn,
    access_token: issued.accessToken,
  });
}
