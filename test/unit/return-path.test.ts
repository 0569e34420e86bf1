import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '../../src/http/web/form.ts';

describe('the page to return to after sign-in', () => {
  it.each([
    ['/organisation', '/organisation'],
    ['/directory?service=adult-hearing&postcode=HX6%203AB', '/directory?service=adult-hearing&postcode=HX6%203AB'],
    ['/referrals/1#history', '/referrals/1#history'],
  ])('keeps the same-site path %s', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    ['//evil.example', 'a protocol-relative address'],
    ['/\t/evil.example', 'a tab that browsers drop, leaving //evil.example'],
    ['/\n/evil.example', 'a line feed that browsers drop'],
    ['/\\evil.example', 'a backslash that browsers read as a slash'],
    ['https://evil.example/', 'an absolute address'],
    ['javascript:alert(1)', 'a script address'],
    ['/.//evil.example', 'a dot segment that resolves to //evil.example'],
    ['/a/..//evil.example', 'a parent segment that resolves to //evil.example'],
    ['/%2e//evil.example', 'an encoded dot segment'],
    ['/./\\evil.example', 'a dot segment and a backslash'],
    ['/..//evil', 'a parent segment above the root'],
    ['organisation', 'a relative path'],
    ['', 'nothing'],
  ])('refuses %j (%s) and returns home', (input) => {
    expect(safeReturnPath(input)).toBe('/');
  });

  it('refuses anything that is not text', () => {
    for (const value of [undefined, null, 42, ['/a'], { path: '/a' }]) expect(safeReturnPath(value)).toBe('/');
  });

  it('percent-encodes characters a Location header cannot carry, so the redirect cannot fail', () => {
    expect(safeReturnPath('/\u{1F4A9}')).toBe('/%F0%9F%92%A9');
    expect(safeReturnPath('/a\r\nSet-Cookie: x=1')).toBe('/aSet-Cookie:%20x=1');
    expect(safeReturnPath('/caf\u00e9?q=\u00e9')).toBe('/caf%C3%A9?q=%C3%A9');
  });

  it('only ever gives a path made of printable ASCII', () => {
    for (const input of ['/\u0000x', '/\ud800', '/\u00ff', '/x?y=\u2028', '/#\u{1F600}'])
      expect(safeReturnPath(input)).toMatch(/^\/[\x21-\x7e]*$/);
  });
});
