/** The content pages every NHS service has: about the data, accessibility statement, cookies. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { DATA_ATTRIBUTION, DATA_SOURCES } from '../../../domains/reference/attribution.ts';
import { referenceStatus } from '../../../domains/reference/reference-status.service.ts';

export function registerContentPages(app: FastifyInstance, deps: Deps, referenceDataDir: string): void {
  app.get('/about-the-data', async (_request, reply) => {
    const status = await referenceStatus(deps, referenceDataDir);
    return reply.render('pages/content/about-the-data.njk', {
      pageTitle: 'About the data',
      attribution: DATA_ATTRIBUTION,
      sources: DATA_SOURCES,
      status,
    });
  });
  app.get('/accessibility-statement', async (_request, reply) =>
    reply.render('pages/content/accessibility-statement.njk', { pageTitle: 'Accessibility statement' }),
  );
  app.get('/cookies', async (_request, reply) => reply.render('pages/content/cookies.njk', { pageTitle: 'Cookies' }));
}
