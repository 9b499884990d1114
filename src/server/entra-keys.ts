import { createRemoteJWKSet, errors, type JWTVerifyGetKey } from 'jose';

/**
 * The tenant's token-signing keys, from its JWKS, with jose's remote key set: the set is cached for
 * `cacheMaxAgeMs` and fetched again, whatever else happens, once it is older (so a known key is always served,
 * never refused for lack of a fetch budget). A token naming a key id the set lacks may trigger one fetch per
 * key id per `unknownKidCooldownMs`: a rotated key works at its first token, and a flood of tokens with random
 * key ids costs at most one fetch per id without ever delaying the keys real users hold.
 */
export interface EntraKeyOptions {
  jwksUri: string;
  cacheMaxAgeMs?: number;
  unknownKidCooldownMs?: number;
  /** most key ids remembered as recently fetched for (oldest forgotten first) */
  maxRememberedKids?: number;
  now?: () => number;
}

export function entraSigningKeys(options: EntraKeyOptions): JWTVerifyGetKey {
  const now = options.now ?? (() => Date.now());
  const cooldown = options.unknownKidCooldownMs ?? 60_000;
  const maxKids = options.maxRememberedKids ?? 10_000;
  // jose's own cooldown is global; it is switched off here (Infinity) in favour of the per-kid one below.
  const remote = createRemoteJWKSet(new URL(options.jwksUri), { cacheMaxAge: options.cacheMaxAgeMs ?? 10 * 60_000, cooldownDuration: Infinity });
  const fetchedFor = new Map<string, number>();

  const mayFetchFor = (kid: string): boolean => {
    const last = fetchedFor.get(kid);
    if (last !== undefined && now() - last < cooldown) return false;
    fetchedFor.delete(kid);
    fetchedFor.set(kid, now());
    if (fetchedFor.size > maxKids) fetchedFor.delete(fetchedFor.keys().next().value!);
    return true;
  };

  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || !header.kid || !mayFetchFor(header.kid)) throw error;
      await remote.reload();
      return remote(header, token);
    }
  };
}
