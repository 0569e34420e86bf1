/** Refuses, at the edge, text that PostgreSQL cannot store (a NUL, or half of a UTF-16 surrogate pair), naming the field, before any of it reaches the database. */
import type { FastifyInstance } from 'fastify';
import { validationFailed } from '../../lib/errors.ts';

/** A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when PostgreSQL can store the text: no NUL (text and jsonb refuse it) and well-formed UTF-16 (UTF-8 has no lone surrogates). */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** The dotted path of the first string (or object key) in a parsed value that cannot be stored, or undefined when all can. */
export function firstUnstorablePath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : path;
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const name = isStorableText(key) ? key : '(name)';
    const itemPath = path ? `${path}.${name}` : name;
    if (!isStorableText(key)) return itemPath;
    const found = firstUnstorablePath(item, itemPath);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Checks the path parameters, query and body of every request after authentication and the role check, but before validation or any handler runs. */
export function registerStorableText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const field = firstUnstorablePath(part);
      if (field === undefined) continue;
      const name = field || 'body';
      throw validationFailed(
        [
          {
            field: name,
            message: `${name} contains a character this service cannot store (a null character or half of an emoji). Remove it and try again.`,
          },
        ],
        `${name} contains a character this service cannot store (a null character or half of an emoji). Remove it and try again.`,
      );
    }
  });
}
