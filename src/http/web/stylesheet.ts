/** Serves nhsuk-frontend's CSS without its @font-face rules: the Frutiger files live on assets.nhs.uk, licensed for nhs.uk only, and fetching them would send every user's address to a third party. Pages fall back to Arial as the design system intends. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { NHSUK_DIST } from '../plugins/views.ts';

/** Removes every @font-face block from compiled CSS. */
export function withoutFontFaces(css: string): string {
  return css.replace(/@font-face\{[^}]*\}/g, '');
}

export function registerStylesheet(app: FastifyInstance): void {
  const css = withoutFontFaces(readFileSync(path.join(NHSUK_DIST, 'nhsuk', 'nhsuk-frontend.min.css'), 'utf8')).replace(
    /\/\*# sourceMappingURL=[^*]*\*\//,
    '',
  );
  const etag = `"${createHash('sha256').update(css).digest('base64url').slice(0, 16)}"`;
  app.get('/nhsuk/nhsuk-frontend.min.css', async (request, reply) => {
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').header('etag', etag).send(css);
  });
}
