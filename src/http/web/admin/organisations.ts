/** Platform administrators search organisations by name or ODS code, and download what they found (decision 0067). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import type { Organisation } from '../../../domains/identity/organisation.repo.ts';
import { organisationsMatching } from '../../../domains/identity/organisation-view.service.ts';
import { ORGANISATION_KIND_LABELS } from '../../../domains/identity/roles.rules.ts';
import { datedFileName, everyPage, sendListCsv } from '../csv-reply.ts';
import { csvHrefOf, type ListColumns, listTableModel } from '../list-table.ts';
import { pageRequest, paginationView } from '../pagination.ts';

/** The organisations as the page and its CSV both show them. */
const ORGANISATION_COLUMNS: ListColumns<Organisation> = [
  { heading: 'Name', cell: (o) => (o.odsCode ? { text: o.name, href: `/admin/organisations/${o.odsCode}` } : o.name) },
  { heading: 'ODS code', cell: (o) => o.odsCode ?? '' },
  { heading: 'Kind', cell: (o) => ORGANISATION_KIND_LABELS[o.kind] },
  { heading: 'Postcode', cell: (o) => o.postcode ?? '' },
];

const PLATFORM_ADMIN = { config: { roles: ['platform-admin'] as const } };

/** The search asked for, at most 100 characters. */
const searchOf = (request: FastifyRequest) => {
  const q = (request.query as Record<string, unknown>).q;
  return typeof q === 'string' ? q.slice(0, 100) : '';
};

export function registerAdminOrganisations(app: FastifyInstance, deps: Deps): void {
  app.get('/admin/organisations', PLATFORM_ADMIN, async (request, reply) => {
    const q = searchOf(request);
    const page = pageRequest((request.query as Record<string, unknown>).page);
    const { rows, total } = await organisationsMatching(deps, { query: q, ...page });
    return reply.render('pages/admin/organisations.njk', {
      pageTitle: 'Organisations',
      q,
      organisations: listTableModel(ORGANISATION_COLUMNS, rows, {
        caption: 'Organisations',
        csvHref: csvHrefOf('/admin/organisations', { q }),
        what: 'all these organisations',
      }),
      pagination: paginationView(page, total, '/admin/organisations', { q }),
    });
  });
  app.get('/admin/organisations.csv', PLATFORM_ADMIN, async (request, reply) => {
    const query = searchOf(request);
    const batches = everyPage((page) => organisationsMatching(deps, { query, ...page }));
    return sendListCsv(reply, datedFileName('organisations', deps.clock.today()), ORGANISATION_COLUMNS, batches);
  });
}
