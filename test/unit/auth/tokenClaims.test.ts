import assert from 'node:assert/strict';
import { tokenAccount, tokenExpiry } from '../../../src/auth/tokenClaims';

const jwt = (payload: object) =>
  ['{"alg":"none"}', JSON.stringify(payload), ''].map((part) => Buffer.from(part).toString('base64url')).join('.');

describe('token claims', () => {
  it('reads exp only from well-formed JWTs', () => {
    assert.equal(tokenExpiry(jwt({ exp: 10 })), 10_000);
    assert.equal(tokenExpiry('opaque-token'), undefined);
    assert.equal(tokenExpiry('a.%%%.c'), undefined);
  });

  it('names the user of a delegated token and the app of an app-only token', () => {
    assert.equal(tokenAccount(jwt({ upn: 'alice@contoso.com', appid: 'x' })), 'alice@contoso.com');
    assert.equal(tokenAccount(jwt({ preferred_username: 'bob@fabrikam.com' })), 'bob@fabrikam.com');
    assert.equal(tokenAccount(jwt({ app_displayname: 'Provisioning bot', appid: 'x' })), 'Provisioning bot');
    assert.equal(tokenAccount(jwt({ appid: '1234' })), 'app 1234');
    assert.equal(tokenAccount('not-a-jwt'), undefined);
  });
});
