import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

/**
 * A stand-in for the tenant's Entra ID in tests: a JWKS served on loopback from a generated RSA key pair,
 * tokens signed with it carrying the claims Entra ID puts in an SSO token for our API, and the settings
 * that start the server in tenant mode (AUTH_MODE=entra) against that JWKS.
 */
export const TENANT_ID = '11111111-2222-3333-4444-555555555555';
export const CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
export const APP_ID_URI = `api://localhost/${CLIENT_ID}`;
export const ISSUER = `https://login.microsoftonline.com/${TENANT_ID}/v2.0`;
export const KID = 'test-key-1';

export interface TokenOptions {
  key?: KeyObject;
  kid?: string;
  expiresIn?: number;
  algorithm?: jwt.Algorithm;
}

export interface LocalEntra {
  /** the key pair whose public half the JWKS publishes */
  signing: { publicKey: KeyObject; privateKey: KeyObject };
  /** a key pair the JWKS does not know */
  impostor: { publicKey: KeyObject; privateKey: KeyObject };
  jwksUri: string;
  /** how many times the JWKS was fetched */
  readonly jwksRequests: number;
  /** publishes a new signing key (as Entra ID does when it rotates keys) under `kid`; returns its private half */
  publishKey(kid: string): KeyObject;
  /** environment for startTestServer: tenant mode against this JWKS */
  env: Record<string, string>;
  /** a token as Entra ID issues it for our API (v2, audience the Application ID URI, role Register.Editor), claims overridable */
  token(claims?: Record<string, unknown>, options?: TokenOptions): string;
  close(): Promise<void>;
}

export async function startLocalEntra(): Promise<LocalEntra> {
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const impostor = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const published = [{ ...signing.publicKey.export({ format: 'jwk' }), kid: KID, use: 'sig', alg: 'RS256' }];
  let jwksRequests = 0;
  const server: Server = createServer((_req, res) => {
    jwksRequests++;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const jwksUri = `http://127.0.0.1:${port}/discovery/v2.0/keys`;

  function token(claims: Record<string, unknown> = {}, options: TokenOptions = {}): string {
    const now = Math.floor(Date.now() / 1000);
    return jwt.sign(
      {
        aud: APP_ID_URI,
        iss: ISSUER,
        tid: TENANT_ID,
        oid: '0b6c5e4e-0000-4000-8000-00000000a11c',
        name: 'Alice Dubois',
        preferred_username: 'alice.dubois@molenbeek.example',
        scp: 'access_as_user',
        // an ordinary colleague: the app role an admin assigns to most users (tests override it per role)
        roles: ['Register.Editor'],
        iat: now,
        nbf: now,
        exp: now + (options.expiresIn ?? 3600),
        ...claims,
      },
      options.key ?? signing.privateKey,
      { algorithm: options.algorithm ?? 'RS256', keyid: options.kid ?? KID },
    );
  }

  return {
    signing,
    impostor,
    jwksUri,
    get jwksRequests() {
      return jwksRequests;
    },
    publishKey(kid) {
      const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
      published.push({ ...pair.publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' });
      return pair.privateKey;
    },
    env: { AUTH_MODE: 'entra', TENANT_ID, CLIENT_ID, APPLICATION_ID_URI: APP_ID_URI, ENTRA_JWKS_URI: jwksUri },
    token,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
