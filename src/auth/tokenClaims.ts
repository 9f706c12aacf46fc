// Access tokens are read only for display and expiry; they are never validated or logged here.

type Claims = Record<string, unknown>;

function claimsOf(accessToken: string): Claims | undefined {
  const payload = accessToken.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    return claims && typeof claims === 'object' ? (claims as Claims) : undefined;
  } catch {
    return undefined;
  }
}

/** The `exp` claim of a JWT access token, in milliseconds; undefined when the token is not a readable JWT. */
export function tokenExpiry(accessToken: string): number | undefined {
  const exp = claimsOf(accessToken)?.exp;
  return typeof exp === 'number' ? exp * 1000 : undefined;
}

/** Who the token speaks for: the user's sign-in name, or the app for app-only tokens. */
export function tokenAccount(accessToken: string): string | undefined {
  const claims = claimsOf(accessToken);
  if (!claims) return undefined;
  for (const name of ['upn', 'preferred_username', 'unique_name', 'app_displayname', 'appid', 'azp']) {
    const value = claims[name];
    if (typeof value === 'string' && value) return name === 'appid' || name === 'azp' ? `app ${value}` : value;
  }
  return undefined;
}
