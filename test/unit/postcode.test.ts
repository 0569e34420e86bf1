import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePostcode, parsePostcodeQuery, pseudoPostcodeOf } from '../../src/lib/postcode.ts';

const AREA_FIRST = 'ABCDEFGHIJKLMNOPRSTUWYZ'.split('');
const AREA_SECOND = 'ABCDEFGHKLMNOPQRSTUVWXY'.split('');
const FORMAT_A9A_THIRD = 'ABCDEFGHJKPSTUW'.split('');
const FORMAT_AA9A_FOURTH = 'ABEHMNPRVWXY'.split('');
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'.split('');
const digit = fc.integer({ min: 0, max: 9 }).map(String);
const letter = (letters: string[]) => fc.constantFrom(...letters);

/** Every real postcode format: A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA. */
const outward = fc.oneof(
  fc.tuple(letter(AREA_FIRST), digit).map((p) => p.join('')),
  fc.tuple(letter(AREA_FIRST), digit, digit).map((p) => p.join('')),
  fc.tuple(letter(AREA_FIRST), letter(AREA_SECOND), digit).map((p) => p.join('')),
  fc.tuple(letter(AREA_FIRST), letter(AREA_SECOND), digit, digit).map((p) => p.join('')),
  fc.tuple(letter(AREA_FIRST), digit, letter(FORMAT_A9A_THIRD)).map((p) => p.join('')),
  fc.tuple(letter(AREA_FIRST), letter(AREA_SECOND), digit, letter(FORMAT_AA9A_FOURTH)).map((p) => p.join('')),
);
const inward = fc.tuple(digit, letter(INWARD_LETTERS), letter(INWARD_LETTERS)).map((p) => p.join(''));
const spacing = fc.constantFrom('', ' ', '  ', '\t');

/** Writes a postcode as a person might: any case, spaces anywhere. */
function scramble(text: string, flags: boolean[], spaces: string[]): string {
  return [...text].map((c, i) => (flags[i] ? c.toLowerCase() : c) + (spaces[i] ?? '')).join('');
}

describe('postcodes', () => {
  it('normalises LS1 4AP written any way to the standard form', () => {
    for (const typed of ['LS1 4AP', 'ls14ap', 'LS1  4AP', ' ls1 4ap ', 'Ls14Ap']) expect(normalisePostcode(typed)).toBe('LS1 4AP');
  });

  it('accepts every real format in any case and spacing, always giving OUTWARD INWARD', () => {
    fc.assert(
      fc.property(
        outward,
        inward,
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        fc.array(spacing, { minLength: 8, maxLength: 8 }),
        (out, inn, flags, spaces) => {
          const standard = `${out} ${inn}`;
          expect(normalisePostcode(scramble(out + inn, flags, spaces))).toBe(standard);
        },
      ),
    );
  });

  it('is idempotent: normalising a normalised postcode changes nothing', () => {
    fc.assert(
      fc.property(outward, inward, (out, inn) => {
        expect(normalisePostcode(normalisePostcode(`${out}${inn}`)!)).toBe(`${out} ${inn}`);
      }),
    );
  });

  it.each(['', 'LS1', 'LS1 4A', '1LS 4AP', 'LS1 4CI', 'QS1 4AP', 'LS1 4APX', 'ABC123', 'LS14 AP1'])(
    'refuses %j as a full postcode',
    (typed) => {
      expect(normalisePostcode(typed)).toBeUndefined();
    },
  );

  it('never accepts text with characters other than letters, digits and spaces', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = normalisePostcode(text);
        if (result) expect(result).toMatch(/^[A-Z0-9]{2,4} [0-9][A-Z]{2}$/);
      }),
    );
  });

  it('reads a district on its own for public searches, and explains a wrong entry', () => {
    expect(parsePostcodeQuery('ls1')).toEqual({ kind: 'district', district: 'LS1' });
    expect(parsePostcodeQuery('sw1a')).toEqual({ kind: 'district', district: 'SW1A' });
    expect(parsePostcodeQuery('hx1 1pw')).toEqual({ kind: 'postcode', postcode: 'HX1 1PW', district: 'HX1', sector: 'HX1 1' });
    expect(parsePostcodeQuery('')).toEqual({ kind: 'invalid', message: 'Enter a postcode' });
    expect(parsePostcodeQuery('hello')).toMatchObject({ kind: 'invalid' });
  });

  it.each([
    ['zz99 3vz', 'ZZ99 3VZ', 'no-fixed-abode'],
    ['ZZ993WZ', 'ZZ99 3WZ', 'address-not-known'],
    [' zz99  3cz ', 'ZZ99 3CZ', 'england-not-specified'],
    ['ZZ99 3GZ', 'ZZ99 3GZ', 'wales-not-specified'],
    ['ZZ99 1WZ', 'ZZ99 1WZ', 'scotland-not-specified'],
    ['ZZ99 2WZ', 'ZZ99 2WZ', 'northern-ireland-not-specified'],
    ['ZZ99 6CZ', 'ZZ99 6CZ', 'overseas'],
  ])('reads the NHS pseudo-postcode %j as %s (%s), which is no place', (typed, standard, meaning) => {
    expect(pseudoPostcodeOf(typed)).toMatchObject({ postcode: standard, meaning });
    expect(normalisePostcode(typed)).toBeUndefined();
  });

  it.each(['ZZ99 3V', 'ZZ99 3VA', 'ZZ98 3VZ', 'ZZ99 33Z', 'LS1 4AP', ''])('does not take %j for a pseudo-postcode', (typed) => {
    expect(pseudoPostcodeOf(typed)).toBeUndefined();
  });

  it('tells someone searching with a pseudo-postcode that it is not a place, naming what it means', () => {
    const answer = parsePostcodeQuery('ZZ99 3VZ');
    expect(answer).toMatchObject({ kind: 'invalid', message: expect.stringContaining('no fixed abode') });
  });
});
