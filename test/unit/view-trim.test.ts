import fc from 'fast-check';
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { createViewEnvironment } from '../../src/http/plugins/views.ts';

const env = createViewEnvironment();
const plain = new nunjucks.Environment(null, { autoescape: true });
const render = (environment: nunjucks.Environment, template: string, context: object) => environment.renderString(template, context);

describe('the templates’ trim filter', () => {
  it('strips exactly what Nunjucks’ own trim strips, escaped or marked safe', () => {
    const whitespace = fc.constantFrom(' ', '\n', '\t', '\r', '\u00a0', '\u2028', '\ufeff', '\u3000');
    const text = fc.array(fc.oneof(whitespace, fc.constantFrom('a', '<b>', '&', ' x ')), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (value) => {
        for (const template of [
          '[{{ value | trim }}]',
          '[{{ value | safe | trim }}]',
          '{% set v %}{{ value }}{% endset %}[{{ v | trim }}]',
        ])
          expect(render(env, template, { value })).toBe(render(plain, template, { value }));
      }),
    );
  });

  it('keeps the words around a long run of spaces (Nunjucks’ own regular expression takes seconds over 20,000 of them)', () => {
    const value = `a${' '.repeat(20_000)}b`;
    expect(render(env, '[{{ value | trim }}]', { value: ` ${value} ` })).toBe(`[${value}]`);
  });
});
