/** Nunjucks with the NHS design system's macros and layout; every page gets the shared layout context. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import { navigationFor } from '../web/navigation.ts';
import { formatDate, formatDateTime } from '../web/format.ts';
import { trimFilter } from './trim-filter.ts';

/** The repository root, three folders up from here whether this file runs from `src/` (tsx) or `dist/` (the build). */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Templates and static files are read from `src/` in both cases, so the build never carries a stale copy. */
export const VIEWS_DIR = path.join(ROOT, 'src/views');
export const PUBLIC_DIR = path.join(ROOT, 'src/public');
export const NHSUK_DIST = path.join(ROOT, 'node_modules/nhsuk-frontend/dist');

/** Builds the Nunjucks environment once: our views first, then nhsuk-frontend's templates. */
export function createViewEnvironment(): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([VIEWS_DIR, NHSUK_DIST]), {
    autoescape: true,
    throwOnUndefined: false,
  });
  env.addFilter('date', formatDate);
  env.addFilter('dateTime', formatDateTime);
  env.addFilter('trim', trimFilter);
  return env;
}

/** Decorates `reply.render` so handlers pass only their own view-model, `reply.renderFragment` for a part of a page rendered once and reused, and `reply.renderShared` for a whole page the same for every anonymous reader. */
export function registerViews(app: FastifyInstance, env: nunjucks.Environment): void {
  app.decorateReply('render', function render(this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
    const html = env.render(template, { ...layoutContext(this.request, this), ...context });
    return this.type('text/html; charset=utf-8').send(html);
  });
  app.decorateReply('renderFragment', function renderFragment(this: FastifyReply, template: string, context: Record<string, unknown>) {
    return env.render(template, context);
  });
  app.decorateReply('renderShared', function renderShared(this: FastifyReply, template: string, context: Record<string, unknown>) {
    return env.render(template, { ...anonymousLayoutContext(this.request), ...context });
  });
}

/**
 * The session's CSRF token, made only when a template prints it (Nunjucks calls `toString` when it writes a value). A page with no
 * form therefore starts no session, writes no session row and sets no cookie, so an anonymous visitor's public page can be cached.
 */
function csrfTokenOnDemand(reply: FastifyReply): { toString(): string } {
  let token: string | undefined;
  return {
    toString() {
      try {
        token ??= reply.generateCsrf();
      } catch {
        token = ''; // no session to hold the secret (a reply to a failed session read): the form's post is refused as expired
      }
      return token;
    },
  };
}

/** The layout's context for anyone not signed in, with nothing of one reader's: no token, no message, no session touched. */
function anonymousLayoutContext(request: FastifyRequest): Record<string, unknown> {
  return {
    principal: null,
    navigation: navigationFor(null, request.url),
    currentPath: request.url.split('?')[0],
    assetPath: '/nhsuk/assets',
  };
}

function layoutContext(request: FastifyRequest, reply: FastifyReply): Record<string, unknown> {
  const session = (request as { session?: FastifyRequest['session'] }).session;
  const flash = session?.flash;
  if (flash && session) session.flash = undefined;
  return {
    ...anonymousLayoutContext(request),
    principal: request.principal,
    navigation: navigationFor(request.principal, request.url),
    csrfToken: session ? csrfTokenOnDemand(reply) : undefined,
    flash,
  };
}
