import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, sharedPage } from '../../src/http/web/shared-page.ts';

describe('a shared page and the Accept-Encoding that chooses its form', () => {
  it('keeps the page and a gzip form that unzips to it', () => {
    const html = `<main>${'<p>Ripponden Hearing</p>'.repeat(200)}</main>`;
    const page = sharedPage(html);
    expect(page.html).toBe(html);
    expect(gunzipSync(page.gzip).toString('utf8')).toBe(html);
  });

  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', true],
    ['GZIP', true],
    ['*', true],
    ['deflate, *;q=0.5', true],
    [' gzip ; q=0.001', true],
    [undefined, false],
    ['', false],
    ['identity', false],
    ['br, deflate', false],
    ['gzip;q=0', false],
    ['gzip;q=0.000, identity', false],
    ['*;q=0', false],
    ['*, gzip;q=0', false],
    ['x-gzip', true],
    ['compress, identity', false],
  ])('Accept-Encoding %j allows gzip: %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
