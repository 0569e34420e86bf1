/** Generated bad form posts (fast-check) for the pages: every field of the page's form given hostile text, blanks or repeats. */
import fc from 'fast-check';

/** The field names of the forms on a page, without the CSRF token. */
export function formFieldsIn(html: string): string[] {
  return [
    ...new Set(
      [...html.matchAll(/<(?:input|select|textarea)\b[^>]*\sname="([^"]+)"/g)].map((match) => match[1]!).filter((name) => name !== '_csrf'),
    ),
  ];
}

/** A percent-escape no UTF-8 decoder accepts: the bytes of a lone surrogate. */
const LONE_SURROGATE_BYTES = '%ED%A0%80';

const fieldValue = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'before\u0000after',
    'x'.repeat(100_000),
    '\u202e\u200b',
    '<script>alert(1)</script>',
    '31',
    '-1',
    '99999999999999999999',
    '2026-02-30',
    'not-a-uuid',
  ),
  fc.constant(LONE_SURROGATE_BYTES),
  fc.string({ maxLength: 30 }),
);

/** Pairs for one post: each known field (and a stray one) once or repeated, with a bad value. */
export function badForm(fields: string[]): fc.Arbitrary<[string, string][]> {
  const names = [...fields, 'unexpected'];
  return fc
    .tuple(
      ...names.map((name) =>
        fc.array(fieldValue, { minLength: 0, maxLength: 2 }).map((values) => values.map((value): [string, string] => [name, value])),
      ),
    )
    .map((groups) => groups.flat());
}

/** Encodes pairs as a browser would, except that the lone-surrogate bytes are sent as they are. */
export function encodeForm(pairs: [string, string][]): string {
  return pairs
    .map(([name, value]) => `${encodeURIComponent(name)}=${value === LONE_SURROGATE_BYTES ? value : encodeURIComponent(value)}`)
    .join('&');
}
