// Access tokens: unsigned JWTs (so clients can read `exp`) with a random signature part, valid only if this
// emulator issued them. Nothing here is a security boundary; it reproduces Graph's answers to bad tokens.
import { randomBytes } from 'node:crypto';
import { GraphErrorReply } from './errors';

interface Issued {
  appId: string;
  expiresAt: number;
  serial: number;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export const graphResource = 'https://graph.microsoft.com';

export class TokenIssuer {
  private readonly issued = new Map<string, Issued>();
  private serial = 0;
  /** Tokens with a serial up to this one were expired by a fault. */
  private expiredThrough = 0;

  constructor(
    private readonly tenantId: string,
    private readonly lifetimeSeconds: number,
  ) {}

  /** An app-only token, or with `delegatedScopes` a user's token for a public client (scp: the consented scopes). */
  issue(appId: string, appDisplayName: string, delegatedScopes?: string): { accessToken: string; expiresIn: number } {
    const now = Math.floor(Date.now() / 1000);
    const exp = now + this.lifetimeSeconds;
    const claims = {
      aud: graphResource,
      iss: `https://sts.windows.net/${this.tenantId}/`,
      iat: now,
      nbf: now,
      exp,
      app_displayname: appDisplayName,
      appid: appId,
      ...(delegatedScopes ? { idtyp: 'user', scp: delegatedScopes } : { idtyp: 'app' }),
      tid: this.tenantId,
      uti: randomBytes(12).toString('base64url'),
      ver: '1.0',
    };
    const accessToken = `${base64url({ typ: 'JWT', alg: 'none' })}.${base64url(claims)}.${randomBytes(32).toString('base64url')}`;
    this.issued.set(accessToken, { appId, expiresAt: exp * 1000, serial: ++this.serial });
    return { accessToken, expiresIn: this.lifetimeSeconds };
  }

  /** Every token issued so far counts as expired from now on. */
  expireAll(): void {
    this.expiredThrough = this.serial;
  }

  /** The app a request's Authorization header speaks for, or the 401 Graph would send. */
  authenticate(authorization: string | undefined): string {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw unauthenticated('Access token is empty.');
    const issued = this.issued.get(token);
    if (!issued) throw unauthenticated('Invalid JWT token. The token is malformed or was not issued for this tenant.');
    if (issued.serial <= this.expiredThrough || issued.expiresAt <= Date.now())
      throw unauthenticated('Lifetime validation failed, the token is expired.');
    return issued.appId;
  }
}

const unauthenticated = (message: string) =>
  new GraphErrorReply(401, 'InvalidAuthenticationToken', message, {
    'WWW-Authenticate':
      'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
  });
