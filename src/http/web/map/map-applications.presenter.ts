/** The map page's application tables (issue #11 item 17): counts per service nationally and per commissioner and service; counts only, no provider named. */
import type { ApplicationCounts } from '../../../domains/applications/application-counts.repo.ts';
import { REFUSAL_GROUNDS, REFUSAL_GROUND_LABELS } from '../../../domains/applications/application-status.rules.ts';
import { applicationsOfService, type PublishedCounts, publishedApplicationsFor } from '../../../domains/map/map-applications.rules.ts';
import { type MapCommissioner, type MapService, servicesOfferedBy } from '../../../domains/map/map.rules.ts';
import type { AqpMap } from '../../../domains/map/map.service.ts';

const STATUS_HEADINGS = [
  { text: 'Received', format: 'numeric' },
  { text: 'Qualified', format: 'numeric' },
  { text: 'Being assessed', format: 'numeric' },
];
const GROUND_HEADINGS = REFUSAL_GROUNDS.map((ground) => ({
  text: `Refused: ${REFUSAL_GROUND_LABELS[ground].toLowerCase()}`,
  format: 'numeric',
}));
/** The word a withheld count shows, explained in the note above the table. */
export const WITHHELD = 'withheld';

function numericCells(counts: readonly (number | null)[]) {
  return counts.map((count) => ({ text: count === null ? WITHHELD : String(count), format: 'numeric' }));
}

/** National figures, exact. */
function figureCells(counts: ApplicationCounts) {
  return numericCells([counts.received, counts.qualified, counts.inAssessment, ...REFUSAL_GROUNDS.map((ground) => counts.refused[ground])]);
}

/** A commissioner's figures, with the total refused and any small-number suppression applied. */
function publishedCells(counts: PublishedCounts) {
  return numericCells([
    counts.received,
    counts.qualified,
    counts.inAssessment,
    counts.refusedTotal,
    ...REFUSAL_GROUNDS.map((ground) => counts.refused[ground]),
  ]);
}

/** Rows and headings for the NHS table macro, responsive so each row reflows into labelled lines on a phone. */
export function applicationTables(
  map: AqpMap,
  offeredServices: readonly MapService[],
  commissioners: readonly MapCommissioner[],
  serviceFilter: string | undefined,
) {
  const names = new Map(map.services.map((service) => [service.code, service.name]));
  const byCommissioner = commissioners.flatMap((commissioner) =>
    servicesOfferedBy(commissioner)
      .filter((code) => !serviceFilter || code === serviceFilter)
      .map((code) => [
        { text: commissioner.name },
        { text: names.get(code) ?? code },
        ...publishedCells(publishedApplicationsFor(commissioner, code, map.applications)),
      ]),
  );
  return {
    national: {
      head: [{ text: 'Service' }, ...STATUS_HEADINGS, ...GROUND_HEADINGS],
      rows: offeredServices.map((service) => [
        { text: service.name },
        ...figureCells(applicationsOfService(map.applicationsByService, service.code)),
      ]),
    },
    byCommissioner: {
      head: [
        { text: 'Commissioner' },
        { text: 'Service' },
        ...STATUS_HEADINGS,
        { text: 'Refused in all', format: 'numeric' },
        ...GROUND_HEADINGS,
      ],
      rows: byCommissioner,
    },
  };
}
