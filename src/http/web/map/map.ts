/** The public AQP map: which commissioners offer which services, as a table, an SVG map and a CSV download. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { APPLICATION_CSV_HEADER, applicationCells, publishedApplicationsFor } from '../../../domains/map/map-applications.rules.ts';
import { CSV_HEADER, csvRecords, type MatrixFilter } from '../../../domains/map/map.rules.ts';
import { buildAqpMap, buildPublicAqpMap, commissionerAreas } from '../../../domains/map/map.service.ts';
import { DATA_ATTRIBUTION } from '../../../domains/reference/attribution.ts';
import { pageRequest } from '../pagination.ts';
import { csvDocument } from '../../../lib/csv.ts';
import { sendCsv } from '../csv-reply.ts';
import { mapPageView } from './map-page.presenter.ts';

/** Reads ?service= and ?icb= leniently: anything malformed means "no filter". */
function filterFrom(query: unknown): MatrixFilter {
  const { service, icb } = (query ?? {}) as Record<string, unknown>;
  return {
    service: typeof service === 'string' && /^[a-z0-9-]{1,80}$/.test(service) ? service : undefined,
    icb: typeof icb === 'string' && /^[A-Za-z0-9]{1,12}$/.test(icb) ? icb.toUpperCase() : undefined,
  };
}

export function registerMapPages(app: FastifyInstance, deps: Deps): void {
  app.get('/map', async (request, reply) => {
    const filter = filterFrom(request.query);
    const [map, areas] = await Promise.all([buildPublicAqpMap(deps), commissionerAreas(deps)]);
    const view = mapPageView(map, areas, filter, pageRequest((request.query as { page?: string }).page));
    return reply.render('pages/map/map.njk', {
      pageTitle: 'AQP map: which commissioners offer which services',
      ...view,
      filter,
      attribution: DATA_ATTRIBUTION,
      columnClass: 'nhsuk-grid-column-full',
    });
  });

  app.get('/map.csv', async (request, reply) => {
    const map = await buildAqpMap(deps);
    const filter = filterFrom(request.query);
    const rows = map.commissioners.filter((row) => !filter.icb || row.icb?.odsCode === filter.icb);
    const records = csvRecords(map.services, rows, (commissioner, code) =>
      applicationCells(publishedApplicationsFor(commissioner, code, map.applications)),
    ).filter((record) => !filter.service || record[4] === filter.service);
    return sendCsv(reply, 'aqp-map.csv', csvDocument([...CSV_HEADER, ...APPLICATION_CSV_HEADER], records));
  });
}
