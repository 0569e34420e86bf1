/** View-model of the public AQP map page: uptake table, filtered and paginated matrix, SVG map and filter choices. */
import type { ApproximateArea } from '../../../domains/map/map-areas.rules.ts';
import { mapLand } from '../../../domains/map/map-land.presenter.ts';
import { mapView } from '../../../domains/map/map-projection.presenter.ts';
import { filterMatrix, icbsOf, type MatrixFilter, servicesOfferedBy } from '../../../domains/map/map.rules.ts';
import type { AqpMap } from '../../../domains/map/map.service.ts';
import { type PageRequest, paginationView } from '../pagination.ts';
import { applicationTables } from './map-applications.presenter.ts';

/** Select items with an "All" first and the chosen one selected. */
function selectItems(all: string, options: { value: string; text: string }[], chosen: string | undefined) {
  return [{ value: '', text: all }, ...options].map((item) => ({ ...item, selected: item.value === (chosen ?? '') }));
}

/** Everything the map page shows, from one read of the map and of the commissioners' approximate areas. */
export function mapPageView(map: AqpMap, areas: ReadonlyMap<string, ApproximateArea>, filter: MatrixFilter, page: PageRequest) {
  const { columns, rows } = filterMatrix(map.services, map.commissioners, map.uptake, filter);
  const pageCommissioners = rows.slice(page.offset, page.offset + page.limit);
  const pageRows = pageCommissioners.map((row) => {
    const offered = new Set(servicesOfferedBy(row));
    return {
      name: row.name,
      odsCode: row.odsCode,
      icb: row.icb?.name ?? 'Not recorded',
      count: offered.size,
      cells: columns.map((column) => offered.has(column.code)),
    };
  });
  const query = { service: filter.service, icb: filter.icb };
  const offeredServices = map.uptake.byService.filter((service) => service.commissioners > 0);
  return {
    uptake: map.uptake,
    uptakeRows: map.uptake.byService,
    offeredServices,
    columns,
    rows: pageRows,
    matchingRows: rows.length,
    pagination: paginationView(page, rows.length, '/map', query),
    filtered: Boolean(filter.service || filter.icb),
    serviceItems: selectItems(
      'All services',
      offeredServices.map((service) => ({ value: service.code, text: service.name })),
      filter.service,
    ),
    icbItems: selectItems(
      'All ICBs',
      icbsOf(map.commissioners).map((icb) => ({ value: icb.odsCode, text: icb.name })),
      filter.icb,
    ),
    map: { ...mapView(map.commissioners), ...mapLand(map.commissioners, areas) },
    applications: applicationTables(map, offeredServices, pageCommissioners, filter.service),
    downloadQuery: new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString(),
  };
}
