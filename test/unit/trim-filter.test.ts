import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { trimFilter } from '../../src/http/plugins/trim-filter.ts';

const nunjucksTrim = (value: string) => new nunjucks.Environment().renderString('{{ v | trim }}', { v: value });
const oursTrim = (value: string) => {
  const env = new nunjucks.Environment();
  env.addFilter('trim', trimFilter);
  return env.renderString('{{ v | trim }}', { v: value });
};

describe('the trim filter pages use', () => {
  it('removes exactly what Nunjucks’ own trim removes, including non-breaking and line-separator spaces', () => {
    for (const value of ['', '   ', ' a ', '\n\t<p>x</p>\n  ', '\u00a0a b\u2028', '\ufeff x \u3000', 'a\n\n  b', '  <b>&</b>  '])
      expect(oursTrim(value)).toBe(nunjucksTrim(value));
  });

  it('keeps HTML marked safe as safe, and escapes what was not', () => {
    const env = new nunjucks.Environment(null, { autoescape: true });
    env.addFilter('trim', trimFilter);
    expect(env.renderString('{{ v | safe | trim }}', { v: '  <b>bold</b> ' })).toBe('<b>bold</b>');
    expect(env.renderString('{{ v | trim }}', { v: '  <b>bold</b> ' })).toBe('&lt;b&gt;bold&lt;/b&gt;');
  });

  it('trims a page-sized string of many whitespace runs like any other', () => {
    const long = `${'x '.padEnd(20, ' ')}`.repeat(20_000);
    expect(trimFilter(`  ${long}  `)).toBe(long.trim());
  });
});
