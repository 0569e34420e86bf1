import { describe, expect, it } from 'vitest';
import { firstUnstorablePath, isStorableText } from '../../src/http/plugins/storable-text.ts';

describe('text PostgreSQL can store', () => {
  it('accepts ordinary text, accents and whole emoji', () => {
    for (const text of ['', 'Hebden Bridge', 'Zoë Brontë', 'I feel \u{1F600}', 'tab\tand\nnewline'])
      expect(isStorableText(text)).toBe(true);
  });

  it('refuses a NUL and either half of a surrogate pair on its own', () => {
    for (const text of ['a\u0000b', '\ud800', 'x\udc00', '\ud83d end', '\ude00\ud83d']) expect(isStorableText(text)).toBe(false);
  });

  it('names the first field that cannot be stored, however deep, and skips uploaded bytes', () => {
    expect(firstUnstorablePath({ patient: { names: ['Sam', 'Al\u0000'] } })).toBe('patient.names.1');
    expect(firstUnstorablePath({ '\u0000': 1 })).toBe('(name)');
    expect(firstUnstorablePath('\ud800')).toBe('');
    expect(
      firstUnstorablePath({ document: { fileName: 'a.pdf', content: Buffer.from([0, 0xd8]) }, n: 3, yes: true, none: null }),
    ).toBeUndefined();
  });
});
