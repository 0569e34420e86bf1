import { describe, expect, it } from 'vitest';
import { createViewEnvironment } from '../../src/http/plugins/views.ts';
import { MAX_MEMOISED_FRAGMENTS, memoisedFragment, withoutIndentation } from '../../src/http/web/fragment-memo.ts';

const env = createViewEnvironment();
const TEMPLATES: Record<string, string> = {
  'box.njk': `{% from "nhsuk/components/input/macro.njk" import input %}{{ input({ label: { text: "Age" }, id: "age", name: "age", value: value, errorMessage: fieldErrors.age if fieldErrors }) }}`,
  'other.njk': '<p>{{ value }}</p>',
};

/** A reply that renders with the real environment and counts each rendering. */
function countingReply() {
  const rendered: string[] = [];
  return {
    rendered,
    renderFragment(template: string, model: Record<string, unknown>) {
      rendered.push(template);
      return env.renderString(TEMPLATES[template]!, model);
    },
  };
}

describe('a form’s fields rendered once per view-model', () => {
  it('renders the same fields for the same values once, and hands back exactly what rendering gives', () => {
    const reply = countingReply();
    const first = memoisedFragment(reply, 'box.njk', { value: '55', marker: 'once' });
    const again = memoisedFragment(reply, 'box.njk', { value: '55', marker: 'once' });
    expect(again).toBe(first);
    expect(first).toBe(env.renderString(TEMPLATES['box.njk']!, { value: '55' }));
    expect(first).toMatch(/name="age"[^>]*value="55"/);
    expect(reply.rendered).toEqual(['box.njk']);
  });

  it('renders afresh when a value, an error beside a field or the template differs', () => {
    const reply = countingReply();
    const base = { value: '60', marker: 'afresh' };
    memoisedFragment(reply, 'box.njk', base);
    expect(memoisedFragment(reply, 'box.njk', { ...base, value: '61' })).toMatch(/value="61"/);
    const withError = memoisedFragment(reply, 'box.njk', { ...base, fieldErrors: { age: { text: 'Enter the age in years' } } });
    expect(withError).toContain('Enter the age in years');
    expect(withError).toContain('nhsuk-input--error');
    expect(memoisedFragment(reply, 'other.njk', base)).toBe('<p>60</p>');
    expect(reply.rendered).toEqual(['box.njk', 'box.njk', 'box.njk', 'other.njk']);
  });

  it('keeps a rendering by the name its caller gives an unchanging model (a stored list), per template', () => {
    const reply = countingReply();
    expect(memoisedFragment(reply, 'other.njk', { value: 'list A' }, 'stored list 1')).toBe('<p>list A</p>');
    expect(memoisedFragment(reply, 'other.njk', { value: 'list A' }, 'stored list 1')).toBe('<p>list A</p>');
    expect(memoisedFragment(reply, 'other.njk', { value: 'list B' }, 'stored list 2')).toBe('<p>list B</p>');
    expect(memoisedFragment(reply, 'box.njk', { value: '70' }, 'stored list 1')).toMatch(/value="70"/);
    expect(reply.rendered).toEqual(['other.njk', 'other.njk', 'box.njk']);
  });

  it('keeps a bounded number of renderings, so a node’s memory stays flat however many versions are viewed', () => {
    const reply = countingReply();
    const model = (n: number) => ({ value: String(n), marker: 'bounded' });
    for (let n = 0; n <= MAX_MEMOISED_FRAGMENTS; n += 1) memoisedFragment(reply, 'other.njk', model(n));
    memoisedFragment(reply, 'other.njk', model(MAX_MEMOISED_FRAGMENTS));
    memoisedFragment(reply, 'other.njk', model(0));
    expect(reply.rendered).toHaveLength(MAX_MEMOISED_FRAGMENTS + 2);
  });
});

describe('indentation left out of a memoised fragment', () => {
  it('is kept so only when its caller asks (attributes holding ids only)', () => {
    const reply = countingReply();
    const kept = memoisedFragment(reply, 'box.njk', { value: '56' }, 'compact box', { withoutIndentation: true });
    expect(kept).toBe(withoutIndentation(env.renderString(TEMPLATES['box.njk']!, { value: '56' })));
    expect(kept).not.toMatch(/\n[ \t]/);
    expect(kept).toMatch(/name="age"[^>]*value="56"/);
  });

  it('cuts each whitespace run holding a line break to the line break, which HTML reads the same', () => {
    expect(withoutIndentation('<div>\n    <label>\n      A  b\n    </label>\n\n  </div>\n')).toBe(
      '<div>\n<label>\nA  b\n</label>\n</div>\n',
    );
    expect(withoutIndentation('<p>one  two</p>')).toBe('<p>one  two</p>');
    expect(withoutIndentation('<p>a\n\u00a0b</p>')).toBe('<p>a\n\u00a0b</p>');
  });

  it('leaves a fragment with preformatted or raw text as it is', () => {
    for (const html of ['<pre>\n  a\n</pre>', '<textarea>\n  typed\n</textarea>', '<SCRIPT>\n  x\n</SCRIPT>', '<style>\n  p {}\n</style>'])
      expect(withoutIndentation(`<div>\n  ${html}\n</div>`)).toBe(`<div>\n  ${html}\n</div>`);
  });
});
