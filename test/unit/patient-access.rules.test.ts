import { describe, expect, it } from 'vitest';
import {
  GUESSES_PER_ADDRESS,
  GUESSES_PER_REFERENCE,
  guessingAddressOf,
  guessLimitReached,
} from '../../src/domains/referrals/patient-access.rules.ts';

describe('limits on guessing a referral’s access code', () => {
  it('lets an address guess until it has made five wrong guesses, and everyone until the reference has had 1,000', () => {
    expect(guessLimitReached({ forReference: 999, fromAddress: 4 })).toBeNull();
    expect(guessLimitReached({ forReference: 10, fromAddress: 5 })).toBe('address');
    expect(guessLimitReached({ forReference: 1000, fromAddress: 0 })).toBe('reference');
    expect(guessLimitReached({ forReference: 1000, fromAddress: 5 })).toBe('reference');
  });

  it('sets the ceiling per reference above what one address can reach in 24 hours, so one address cannot lock a patient out', () => {
    expect(GUESSES_PER_ADDRESS * ((24 * 60) / 15)).toBeLessThan(GUESSES_PER_REFERENCE);
  });

  it('counts an IPv4 address as it is, also when written IPv4-mapped', () => {
    expect(guessingAddressOf('203.0.113.7')).toBe('203.0.113.7');
    expect(guessingAddressOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts every IPv6 address of one /64 network as one address, however it is written', () => {
    expect(guessingAddressOf('2001:db8:0:12::1')).toBe('2001:db8:0:12::/64');
    expect(guessingAddressOf('2001:0DB8:0000:0012:abcd:1234:5678:9abc')).toBe('2001:db8:0:12::/64');
    expect(guessingAddressOf('2001:db8::7')).toBe('2001:db8:0:0::/64');
    expect(guessingAddressOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(guessingAddressOf('2001:db8:0:13::1')).not.toBe(guessingAddressOf('2001:db8:0:12::1'));
  });

  it('puts guesses whose address is not known together', () => {
    expect(guessingAddressOf(null)).toBe('unknown');
  });
});
