/** The content pages every NHS service has: about the data, accessibility statement, cookies. */
import type { FastifyInstance } from 'fastify';
import { DATA_ATTRIBUTION, DATA_SOURCES } from '../../../domains/reference/attribution.ts';

export function registerContentPages(app: FastifyInstance): void {
  app.get('/about-the-data', async (_request, reply) =>
    reply.render('pages/content/about-the-data.njk', { pageTitle: 'About the data', attribution: DATA_ATTRIBUTION, sources: DATA_SOURCES }),
  );
  app.get('/accessibility-statement', async (_request, reply) =>
    reply.render('pages/content/accessibility-statement.njk', { pageTitle: 'Accessibility statement' }),
  );
  app.get('/cookies', async (_request, reply) => reply.render('pages/content/cookies.njk', { pageTitle: 'Cookies' }));
}
