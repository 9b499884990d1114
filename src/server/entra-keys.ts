import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

/**
 * The tenant's token-signing keys, from its JWKS, with jose's remote key set as its authors intend: the set is
 * cached for `cacheMaxAgeMs` and fetched again once it is older (a known key is always served), and a token
 * naming a key id the set lacks triggers a fetch only when the last one is older than `unknownKidCooldownMs`,
 * whatever the key id: a flood of tokens with made-up key ids costs at most one fetch per cooldown, overall.
 * Entra ID publishes a new signing key in its key set well before it signs with it, so the periodic refresh
 * knows a rotated key before its first token; should one come earlier, it works after the cooldown.
 */
export interface EntraKeyOptions {
  jwksUri: string;
  cacheMaxAgeMs?: number;
  unknownKidCooldownMs?: number;
}

export const DEFAULT_JWKS_CACHE_MS = 10 * 60_000;
export const DEFAULT_UNKNOWN_KID_COOLDOWN_MS = 30_000;

export function entraSigningKeys(options: EntraKeyOptions): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(options.jwksUri), {
    cacheMaxAge: options.cacheMaxAgeMs ?? DEFAULT_JWKS_CACHE_MS,
    cooldownDuration: options.unknownKidCooldownMs ?? DEFAULT_UNKNOWN_KID_COOLDOWN_MS,
  });
}
