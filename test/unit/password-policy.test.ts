import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commonPasswordCount,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
} from '../../src/domains/identity/password-policy.rules.ts';

const chloe = { email: 'chloe.commissioner@aqp.example', displayName: 'Chloe Commissioner' };
const COMMON = 'This password is too common. Choose one that is harder to guess, such as three random words';
const PATTERN = 'Password must not be a repeated or sequential pattern, like aaaa or 1234';
const EMAIL = 'Password must not include your email address or the part before the @';
const NAME = 'Password must not include your name';

describe('the password policy (NCSC and NIST SP 800-63B)', () => {
  it('keeps a 12-character minimum and allows long passphrases up to 128 characters', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(MAX_PASSWORD_LENGTH).toBe(128);
    expect(passwordProblem('kettle-otter', chloe)).toBeUndefined();
    expect(passwordProblem('kettle-otte', chloe)).toBe('Password must be 12 characters or more');
    const passphrase = 'the quiet heron watched seven lanterns drift down the canal past the old mill at dusk '.repeat(2).slice(0, 128);
    expect(passwordProblem(passphrase, chloe)).toBeUndefined();
    expect(passwordProblem(`${passphrase}x`, chloe)).toBe('Password must be 128 characters or fewer');
  });

  it('refuses twelve spaces, and any password made only of spaces', () => {
    expect(passwordProblem(' '.repeat(12), chloe)).toBe('Password must include letters, numbers or symbols, not only spaces');
    expect(passwordProblem(' \t  \u00a0'.repeat(4), chloe)).toBe('Password must include letters, numbers or symbols, not only spaces');
  });

  it('asks for a password when none is given', () => {
    expect(passwordProblem('', chloe)).toBe('Enter a password');
  });

  it('refuses password1234 and other common passwords with digits or symbols added, whatever their case', () => {
    for (const password of [
      'password1234',
      'Password1234',
      'PASSWORD2024!',
      'P@ssw0rd2024!',
      'iloveyou1234',
      '2024iloveyou',
      'Liverpool1892!',
      'letmein12345',
    ]) {
      expect(passwordProblem(password, chloe), password).toBe(COMMON);
    }
  });

  it('refuses common passwords of 12 characters or more from the deny-list itself', () => {
    for (const password of ['1qaz2wsx3edc', 'qwerty123456', 'qazwsxedcrfv'])
      expect(passwordProblem(password, chloe), password).toBe(COMMON);
  });

  it('takes its deny-list of common and breached passwords from a maintained package, not a hand-typed list', () => {
    expect(commonPasswordCount()).toBeGreaterThan(10_000);
  });

  it('refuses 123456789012 and other repeated or sequential characters', () => {
    for (const password of [
      '123456789012',
      'aaaaaaaaaaaa',
      'abcdefghijkl',
      'zyxwvutsrqpo',
      '987654321098',
      '121212121212',
      'dragondragon',
      'aaaabbbbcccc',
      'abcabcabcabc',
    ]) {
      expect(passwordProblem(password, chloe), password).toBe(PATTERN);
    }
  });

  it('refuses the user’s own email address, or its part before the @, in any case', () => {
    expect(passwordProblem('chloe.commissioner@aqp.example', chloe)).toBe(EMAIL);
    expect(passwordProblem('CHLOE.COMMISSIONER@AQP.EXAMPLE', chloe)).toBe(EMAIL);
    expect(passwordProblem('my chloe.commissioner 99', chloe)).toBe(EMAIL);
    expect(passwordProblem('Ops@2024-kettle-otter', { email: 'ops@aqp.example', displayName: 'Olu Ogun' })).toBe(EMAIL);
  });

  it('refuses parts of the user’s name of three letters or more, but not shorter ones such as a title', () => {
    const rosa = { email: 'referrer@aqp.example', displayName: 'Dr Rosa Referrer' };
    expect(passwordProblem('rosa loves kettles', rosa)).toBe(NAME);
    expect(passwordProblem('ROSA-kettle-otter', rosa)).toBe(NAME);
    expect(passwordProblem('dr kettle otter lamp', rosa)).toBeUndefined();
    expect(passwordProblem('siân gwyn ar y bryn', { email: 'sg@example.nhs.uk', displayName: 'Siân Jones' })).toBe(NAME);
  });

  it('accepts passphrases of any printable characters, including spaces and other alphabets', () => {
    for (const password of [
      'correct horse battery staple',
      'Zebra kettle 47 lanterns',
      'фиолетовый слон танцует',
      'aqp-demo-password',
      '  lantern   heron  ',
    ]) {
      expect(passwordProblem(password, chloe), password).toBeUndefined();
    }
  });

  it('counts characters rather than code units, so six emoji are too short', () => {
    expect(passwordProblem('🐘🦒🦓🦁🐯🐻', chloe)).toBe('Password must be 12 characters or more');
    expect(passwordProblem('🐘🦒🦓🦁🐯🐻🐼🐨🐵🦊🐺🐗', chloe)).toBeUndefined();
  });

  it('refuses line breaks and other control characters, which cannot be typed back reliably', () => {
    expect(passwordProblem('kettle otter\nlantern', chloe)).toBe('Password must not include line breaks or other control characters');
  });

  it('refuses any password that contains the email address, whatever surrounds it', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]{3,12}$/),
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        (local, before, after) => {
          const problem = passwordProblem(`${before}${local.toUpperCase()}${after}`.padEnd(12, '!'), {
            email: `${local}@example.nhs.uk`,
            displayName: 'Q',
          });
          return problem !== undefined;
        },
      ),
    );
  });
});
