/** Nunjucks with the NHS design system's macros and layout; every page gets the shared layout context. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import { navigationFor } from '../web/navigation.ts';
import { formatDate, formatDateTime } from '../web/format.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const VIEWS_DIR = path.resolve(here, '../../views');
export const PUBLIC_DIR = path.resolve(here, '../../public');
export const NHSUK_DIST = path.resolve(here, '../../../node_modules/nhsuk-frontend/dist');

/** Builds the Nunjucks environment once: our views first, then nhsuk-frontend's templates. */
export function createViewEnvironment(): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([VIEWS_DIR, NHSUK_DIST]), { autoescape: true, throwOnUndefined: false });
  env.addFilter('date', formatDate);
  env.addFilter('dateTime', formatDateTime);
  return env;
}

/** Decorates `reply.render` so handlers pass only their own view-model. */
export function registerViews(app: FastifyInstance, env: nunjucks.Environment): void {
  app.decorateReply('render', function render(this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
    const html = env.render(template, { ...layoutContext(this.request, this), ...context });
    return this.type('text/html; charset=utf-8').send(html);
  });
}

function layoutContext(request: FastifyRequest, reply: FastifyReply): Record<string, unknown> {
  const session = (request as { session?: FastifyRequest['session'] }).session;
  let csrfToken: string | undefined;
  try {
    csrfToken = session ? reply.generateCsrf() : undefined;
  } catch {
    csrfToken = undefined;
  }
  const flash = session?.flash;
  if (flash && session) session.flash = undefined;
  const nonce = (reply as { cspNonce?: { script: string } }).cspNonce;
  return {
    principal: request.principal,
    navigation: navigationFor(request.principal, request.url),
    csrfToken,
    cspNonce: nonce?.script,
    currentPath: request.url.split('?')[0],
    flash,
    assetPath: '/nhsuk/assets',
  };
}
