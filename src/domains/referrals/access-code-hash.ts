/** How a patient's access code is kept (decision 0074): an HMAC-SHA-256 under a key held outside the database, so a leaked table cannot be searched for codes; argon2id hashes from before still verify. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { hashPassword, verifyPassword } from '../identity/password.ts';

/** The deployment's access-code keys (configuration, never the database): new codes are kept under `current`; codes kept under `previous` still verify while it is set, so a key can be rotated. */
export interface AccessCodeKeys {
  current: string;
  previous?: string;
}

/** What checking a typed code found: whether it matches, and the value to keep instead when it matched under an older scheme or key. */
export interface AccessCodeCheck {
  matches: boolean;
  rehashed?: string;
}

/** Stored keyed values read `$hmac-sha256$k=<key id>$<mac>`; argon2id's own read `$argon2id$...`, so each row says how it was made. */
const KEYED_PREFIX = '$hmac-sha256$';

/** A short public name for a key, stored with each value so rows under a key about to be retired can be counted; it reveals nothing of the key. */
export function accessCodeKeyId(key: string): string {
  return createHmac('sha256', key).update('aqp access-code key id').digest('base64url').slice(0, 8);
}

/** The code is bound to its reference, so equal codes on two referrals are kept as different values. */
function macOf(key: string, ubrn: string, code: string): Buffer {
  return createHmac('sha256', key).update(`aqp access code\u0000${ubrn}\u0000${code}`).digest();
}

/** The value to keep for a new referral's normalised code: keyed when the deployment has a key, else argon2id (tools and tests that build their own dependencies). */
export async function hashAccessCode(keys: AccessCodeKeys | undefined, ubrn: string, code: string): Promise<string> {
  if (!keys) return hashPassword(code);
  return `${KEYED_PREFIX}k=${accessCodeKeyId(keys.current)}$${macOf(keys.current, ubrn, code).toString('base64url')}`;
}

function keyedMatches(keys: AccessCodeKeys | undefined, stored: string, ubrn: string, code: string): { matches: boolean; key?: string } {
  const [keyPart, macPart] = stored.slice(KEYED_PREFIX.length).split('$');
  const key = [keys?.current, keys?.previous].find((candidate) => candidate && keyPart === `k=${accessCodeKeyId(candidate)}`);
  if (!key || !macPart) return { matches: false };
  const expected = macOf(key, ubrn, code);
  const given = Buffer.from(macPart, 'base64url');
  return { matches: given.length === expected.length && timingSafeEqual(given, expected), key };
}

/**
 * Checks a typed, normalised code against what is kept (nothing, for a reference that does not exist). Every path spends one
 * argon2id verification, so the time taken tells no one whether a reference exists or which scheme keeps its code.
 */
export async function verifyAccessCode(
  keys: AccessCodeKeys | undefined,
  stored: string | undefined,
  ubrn: string,
  code: string,
): Promise<AccessCodeCheck> {
  if (!stored?.startsWith(KEYED_PREFIX)) {
    const matches = await verifyPassword(stored, code);
    return matches && keys ? { matches, rehashed: await hashAccessCode(keys, ubrn, code) } : { matches };
  }
  await verifyPassword(undefined, code);
  const keyed = keyedMatches(keys, stored, ubrn, code);
  if (!keyed.matches || keyed.key === keys?.current) return { matches: keyed.matches };
  return { matches: true, rehashed: await hashAccessCode(keys, ubrn, code) };
}
