import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/domains/identity/password.ts';
import { accessCodeKeyId, hashAccessCode, verifyAccessCode } from '../../src/domains/referrals/access-code-hash.ts';

const KEY = 'a-key-held-in-configuration-never-in-the-database';
const OTHER_KEY = 'another-key-held-in-configuration-for-another-place';
const UBRN = '123456789012';
const CODE = 'ACDEFGHJ';

describe('access codes kept under a key held outside the database (decision 0074)', () => {
  it('verifies a code issued under the keyed scheme and refuses a wrong one', async () => {
    const kept = await hashAccessCode({ current: KEY }, UBRN, CODE);

    expect(await verifyAccessCode({ current: KEY }, kept, UBRN, CODE)).toEqual({ matches: true });
    expect(await verifyAccessCode({ current: KEY }, kept, UBRN, 'ACDEFGHK')).toEqual({ matches: false });
    expect(await verifyAccessCode({ current: KEY }, kept, '123456789013', CODE)).toEqual({ matches: false });
  });

  it('keeps a value that names its scheme and key but holds neither the code nor the key, and differs under another key or reference', async () => {
    const kept = await hashAccessCode({ current: KEY }, UBRN, CODE);

    expect(kept).toMatch(new RegExp(`^\\$hmac-sha256\\$k=${accessCodeKeyId(KEY)}\\$[A-Za-z0-9_-]{43}$`));
    expect(kept).not.toContain(CODE);
    expect(kept).not.toContain(KEY);
    expect(await hashAccessCode({ current: OTHER_KEY }, UBRN, CODE)).not.toBe(kept);
    expect(await hashAccessCode({ current: KEY }, '123456789013', CODE)).not.toBe(kept);
    expect(await verifyAccessCode({ current: OTHER_KEY }, kept, UBRN, CODE)).toEqual({ matches: false });
  });

  it('still verifies a code kept with argon2id before the key, and gives the keyed value to keep instead', async () => {
    const old = await hashPassword(CODE);

    const check = await verifyAccessCode({ current: KEY }, old, UBRN, CODE);

    expect(check.matches).toBe(true);
    expect(check.rehashed).toBe(await hashAccessCode({ current: KEY }, UBRN, CODE));
    expect(await verifyAccessCode({ current: KEY }, old, UBRN, 'ACDEFGHK')).toEqual({ matches: false });
  });

  it('accepts a code kept under the previous key while that key is set, moving it to the current key; without the previous key it fails', async () => {
    const underOldKey = await hashAccessCode({ current: KEY }, UBRN, CODE);

    const rotated = await verifyAccessCode({ current: OTHER_KEY, previous: KEY }, underOldKey, UBRN, CODE);

    expect(rotated).toEqual({ matches: true, rehashed: await hashAccessCode({ current: OTHER_KEY }, UBRN, CODE) });
    expect(await verifyAccessCode({ current: OTHER_KEY }, underOldKey, UBRN, CODE)).toEqual({ matches: false });
  });

  it('refuses a kept value whose MAC was altered or cut short, and a reference with nothing kept', async () => {
    const kept = await hashAccessCode({ current: KEY }, UBRN, CODE);
    const altered = `${kept.slice(0, -2)}${kept.endsWith('AA') ? 'BB' : 'AA'}`;

    expect(await verifyAccessCode({ current: KEY }, altered, UBRN, CODE)).toEqual({ matches: false });
    expect(await verifyAccessCode({ current: KEY }, kept.slice(0, -10), UBRN, CODE)).toEqual({ matches: false });
    expect(await verifyAccessCode({ current: KEY }, undefined, UBRN, CODE)).toEqual({ matches: false });
  });

  it('hashes with argon2id when no key is given (tools and tests that build their own dependencies)', async () => {
    const kept = await hashAccessCode(undefined, UBRN, CODE);

    expect(kept).toMatch(/^\$argon2id\$/);
    expect(await verifyAccessCode(undefined, kept, UBRN, CODE)).toEqual({ matches: true });
  });
});
