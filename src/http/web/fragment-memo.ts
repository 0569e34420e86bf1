/**
 * Parts of pages rendered once per view-model and reused: long forms' fields, a stored choice list's radios. The NHS design
 * system's Nunjucks macros cost about 0.1 ms a field, so a form of sixty fields filled from a versioned record (a pack version,
 * a protocol version) or a list of thirty providers was most of its page's server time, although the same model always gives
 * the same HTML.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { RecentMap } from '../../lib/recent-map.ts';

/** Renderings kept on a node: each is at most ~80 KB of HTML, so about 16 MB. */
export const MAX_MEMOISED_FRAGMENTS = 200;

const rendered = new RecentMap<string, string>(MAX_MEMOISED_FRAGMENTS);

/**
 * The template rendered with the model, once per template and model: the key is a hash of the model's JSON, so a new version,
 * a typed value or an error beside a field is a different model and renders afresh, on every node, with nothing to invalidate.
 * The model must be plain data (no functions or per-request tokens): the CSRF token stays in the page around the fragment.
 * A caller whose model is fixed by a name (a stored choice list never changes) passes it as `identity`, and nothing is hashed;
 * one whose attributes hold only its own values (ids, not typed text) may ask for it `withoutIndentation`.
 */
export function memoisedFragment(
  reply: Pick<FastifyReply, 'renderFragment'>,
  template: string,
  model: Record<string, unknown>,
  identity?: string,
  options: { withoutIndentation?: boolean } = {},
): string {
  const key =
    identity === undefined
      ? createHash('sha256').update(template).update('\0').update(JSON.stringify(model)).digest('base64')
      : `${template}\0${identity}`;
  const kept = rendered.get(key);
  if (kept !== undefined) return kept;
  const made = reply.renderFragment(template, model);
  const html = options.withoutIndentation ? withoutIndentation(made) : made;
  rendered.set(key, html);
  return html;
}

/**
 * The HTML with each run of spaces, tabs and line breaks that holds a line break cut to the line break, which HTML reads the same
 * in text; only for fragments whose attribute values hold no typed text (a line break in an input's value would be cut too), and
 * a fragment with preformatted or raw text (pre, textarea, script, style) is left as it is.
 */
export function withoutIndentation(html: string): string {
  return /<(?:pre|textarea|script|style)\b/i.test(html) ? html : html.replace(/[ \t]*\n[ \t\r\n]*/g, '\n');
}
