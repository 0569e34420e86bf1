/** The public directory pages: search by service and postcode (a GET form, so results are bookmarkable and need no JavaScript), and provider pages. */
import type { FastifyInstance } from 'fastify';
import { listServices } from '../../../domains/catalogue/catalogue.repo.ts';
import type { Deps } from '../../../domains/deps.ts';
import { directoryProvider } from '../../../domains/directory/directory-provider.service.ts';
import { searchDirectory } from '../../../domains/directory/directory.service.ts';
import { localServicesOffered } from '../../../domains/offers/offered-local-services.repo.ts';
import { isDomainError, statusForCode } from '../../../lib/errors.ts';
import { formErrors } from '../form.ts';
import { pageRequest } from '../pagination.ts';
import { ABOUT_THE_FIGURES, backToSearch, providerView, resultsView, serviceItems } from './directory.presenter.ts';

function text(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 100) : '';
}

/** The public directory pages: the search with its results, and provider pages. */
export function registerDirectoryPages(app: FastifyInstance, deps: Deps): void {
  app.get('/directory', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const values = { service: text(query.service).trim(), postcode: text(query.postcode).trim() };
    const items = serviceItems([...(await listServices(deps.db)), ...(await localServicesOffered(deps.db))], values.service);
    const page = { values, serviceItems: items, about: ABOUT_THE_FIGURES };
    const searched = 'service' in query || 'postcode' in query;
    if (!searched) return reply.render('pages/directory/search.njk', { pageTitle: 'Find an AQP provider', ...page });
    const pageAsked = pageRequest(query.page);
    try {
      const result = resultsView(await searchDirectory(deps, { ...values, page: pageAsked.page, pageSize: pageAsked.limit }), pageAsked, values);
      return reply.render('pages/directory/search.njk', { pageTitle: `${result.service.name} near ${result.place.label}`, ...page, result });
    } catch (error) {
      if (!isDomainError(error) || !error.details.fieldErrors) throw error;
      return reply.status(statusForCode[error.code]).render('pages/directory/search.njk', { pageTitle: 'Error: Find an AQP provider', ...page, ...formErrors(error.details.fieldErrors) });
    }
  });

  app.get('/directory/providers/:code', async (request, reply) => {
    const provider = providerView(await directoryProvider(deps, (request.params as { code: string }).code));
    return reply.render('pages/directory/provider.njk', { pageTitle: provider.name, provider, about: ABOUT_THE_FIGURES, backHref: backToSearch(request.query as Record<string, unknown>) });
  });
}
