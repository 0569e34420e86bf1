/** Pure rules of the AQP map (docs/decisions/0012-aqp-map.md): which offers count, the uptake figures and the filtered matrix. */
import { spreadsheetSafe } from '../../lib/csv.ts';

/** Offer statuses that put a commissioner on the map; draft and withdrawn offers never do. */
export const COUNTED_OFFER_STATUSES = ['published', 'open', 'closed'] as const;

export interface MapService {
  code: string;
  name: string;
  /** The words patients use for the service ("Talking therapies"), for the public page. */
  publicName?: string;
}

export interface MapCommissioner {
  id: string;
  odsCode: string | null;
  name: string;
  icb: { odsCode: string | null; name: string } | null;
  latitude: number | null;
  longitude: number | null;
  /** The counted offers covering this commissioner, one entry per offer. */
  offers: { serviceCode: string; offerId: string }[];
}

export interface ServiceUptake extends MapService {
  commissioners: number;
}

export interface Uptake {
  byService: ServiceUptake[];
  totalCommissioners: number;
  commissionersOfferingAny: number;
  commissionersOfferingNone: number;
  servicesOffered: number;
}

/** The distinct service codes a commissioner offers, sorted. */
export function servicesOfferedBy(commissioner: MapCommissioner): string[] {
  return [...new Set(commissioner.offers.map((offer) => offer.serviceCode))].sort();
}

/** National uptake (PRODUCT.md §3.4): per service how many commissioners offer it, most first, and how many offer none. */
export function computeUptake(services: readonly MapService[], commissioners: readonly MapCommissioner[]): Uptake {
  const counts = new Map<string, number>();
  for (const commissioner of commissioners)
    for (const code of servicesOfferedBy(commissioner)) counts.set(code, (counts.get(code) ?? 0) + 1);
  const byService = services
    .map((service) => ({ ...service, commissioners: counts.get(service.code) ?? 0 }))
    .sort((a, b) => b.commissioners - a.commissioners || a.name.localeCompare(b.name));
  const offeringAny = commissioners.filter((commissioner) => commissioner.offers.length > 0).length;
  return {
    byService,
    totalCommissioners: commissioners.length,
    commissionersOfferingAny: offeringAny,
    commissionersOfferingNone: commissioners.length - offeringAny,
    servicesOffered: byService.filter((service) => service.commissioners > 0).length,
  };
}

export interface MatrixFilter {
  service?: string;
  icb?: string;
}

/** The matrix's columns and rows: only services someone offers (to stay readable), narrowed by service and ICB. */
export function filterMatrix(
  services: readonly MapService[],
  commissioners: readonly MapCommissioner[],
  uptake: Uptake,
  filter: MatrixFilter,
) {
  const offered = new Set(uptake.byService.filter((service) => service.commissioners > 0).map((service) => service.code));
  const columns = services.filter((service) => offered.has(service.code) && (!filter.service || service.code === filter.service));
  const rows = commissioners.filter(
    (commissioner) =>
      (!filter.icb || commissioner.icb?.odsCode === filter.icb) &&
      (!filter.service || servicesOfferedBy(commissioner).includes(filter.service)),
  );
  return { columns, rows };
}

/** The ICBs that commissioners sit under, for the filter, by name. */
export function icbsOf(commissioners: readonly MapCommissioner[]): { odsCode: string; name: string }[] {
  const icbs = new Map<string, string>();
  for (const commissioner of commissioners) if (commissioner.icb?.odsCode) icbs.set(commissioner.icb.odsCode, commissioner.icb.name);
  return [...icbs].map(([odsCode, name]) => ({ odsCode, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** A cell safe to open in a spreadsheet, written the one way every CSV is (decision 0067). */
export { spreadsheetSafe };

export const CSV_HEADER = [
  'commissioner_ods_code',
  'commissioner_name',
  'icb_ods_code',
  'icb_name',
  'service_code',
  'service_name',
  'offer_ids',
] as const;

/** One CSV record per commissioner × service offered, with any further cells for that pair, made spreadsheet-safe (quoting is left to the CSV writer). */
export function csvRecords(
  services: readonly MapService[],
  commissioners: readonly MapCommissioner[],
  moreCells: (commissioner: MapCommissioner, serviceCode: string) => string[] = () => [],
): string[][] {
  const names = new Map(services.map((service) => [service.code, service.name]));
  return commissioners.flatMap((commissioner) =>
    servicesOfferedBy(commissioner).map((code) =>
      [
        commissioner.odsCode ?? '',
        commissioner.name,
        commissioner.icb?.odsCode ?? '',
        commissioner.icb?.name ?? '',
        code,
        names.get(code) ?? code,
        commissioner.offers
          .filter((offer) => offer.serviceCode === code)
          .map((offer) => offer.offerId)
          .sort()
          .join(' '),
        ...moreCells(commissioner, code),
      ].map(spreadsheetSafe),
    ),
  );
}
