/** A `trim` filter for Nunjucks that removes the same characters as its own in linear time. */
import nunjucks from 'nunjucks';

/**
 * Nunjucks' own `trim` runs `/^\s*|\s*$/g`, which retries at every whitespace run and was the single most costly step of large
 * pages (every NHS design system macro trims its nested HTML). `String.prototype.trim` removes exactly `\s`; a safe string stays safe.
 */
export function trimFilter(value: unknown): unknown {
  const trimmed = String(value ?? '').trim();
  return value instanceof nunjucks.runtime.SafeString ? new nunjucks.runtime.SafeString(trimmed) : trimmed;
}
