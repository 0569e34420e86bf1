/**
 * Which commissioners an offer may cover (issue #11 item 15): only sub-ICB locations inside the lead commissioner's ICB that
 * ODS records as open on every day of the offer's dates, so no offer covers a CCG closed in 2020 or another ICB's patients.
 */
import type { FieldError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { type CoverageArea, coverageAreaOf, type CoverageCandidate } from './offer-coverage.repo.ts';
import type { CoveredCommissioner } from './offer.repo.ts';

/** The days an offer is in force: from its window or contract start (today while neither is set) to its contract end. */
export interface CoveragePeriod {
  today: string;
  from: string;
  to: string;
}

/** The period a location must be open for, from the offer's dates; a draft without dates is judged on today. */
export function coveragePeriodOf(
  dates: { contractStart: string | null; contractEnd: string | null; windowOpens: string | null; windowCloses: string | null },
  today: string,
): CoveragePeriod {
  const from = [dates.windowOpens, dates.contractStart].filter((date): date is string => Boolean(date)).sort()[0] ?? today;
  const end = dates.contractEnd ?? dates.windowCloses ?? from;
  return { today, from, to: end < from ? from : end };
}

/** Why a location cannot cover the period, or null when ODS has it open on every day of it. */
export function closureProblem(location: CoverageCandidate, period: CoveragePeriod): { kind: 'opens' | 'closes'; message: string } | null {
  const label = `${location.odsCode ?? ''} ${location.name}`.trim();
  if (location.openDate && location.openDate > period.from) {
    return {
      kind: 'opens',
      message: `${label} ${location.openDate > period.today ? 'opens' : 'opened'} on ${location.openDate}, after the offer starts on ${period.from}`,
    };
  }
  if (location.closeDate && location.closeDate < period.to) {
    return {
      kind: 'closes',
      message: `${label} ${location.closeDate < period.today ? 'closed' : 'closes'} on ${location.closeDate}, before the offer ends on ${period.to}`,
    };
  }
  return null;
}

/** The locations a commissioner may choose for the period, for the coverage checkboxes. */
export function openLocations(area: CoverageArea, period: CoveragePeriod): CoveredCommissioner[] {
  return area.locations.filter((location) => !closureProblem(location, period)).map(({ id, odsCode, name }) => ({ id, odsCode, name }));
}

/** The coverage choices shown to the lead commissioner: its ICB's locations open over the offer's dates (today for a new offer). */
export async function coverageChoices(
  deps: Deps,
  leadOrganisationId: string,
  dates?: Parameters<typeof coveragePeriodOf>[0],
): Promise<CoveredCommissioner[]> {
  const today = deps.clock.today();
  const period = dates ? coveragePeriodOf(dates, today) : { today, from: today, to: today };
  return openLocations(await coverageAreaOf(deps.db, leadOrganisationId), period);
}

/** Resolves chosen ODS codes to organisation ids, or one field error naming each code that may not be covered and why. */
export function resolveCoverage(area: CoverageArea, odsCodes: string[], period: CoveragePeriod): { ids: string[]; errors: FieldError[] } {
  const wanted = [...new Set(odsCodes.map((code) => code.trim().toUpperCase()).filter(Boolean))];
  if (wanted.length === 0)
    return { ids: [], errors: [{ field: 'coverage', message: 'Choose at least one commissioner the offer covers' }] };
  const ids: string[] = [];
  const outside: string[] = [];
  const closed: string[] = [];
  for (const code of wanted) {
    const match = area.locations.find((location) => location.odsCode?.toUpperCase() === code);
    const problem = match && closureProblem(match, period);
    if (!match) outside.push(code);
    else if (problem) closed.push(problem.message);
    else ids.push(match.id);
  }
  const allowed = openLocations(area, period)
    .map((location) => location.odsCode)
    .filter(Boolean)
    .join(', ');
  const reasons = [
    ...(outside.length
      ? [`${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} not a sub-ICB location of ${area.icb?.name ?? 'your ICB'}`]
      : []),
    ...closed,
  ];
  return {
    ids,
    errors: reasons.length
      ? [{ field: 'coverage', message: `${reasons.join('. ')}. Choose from ${allowed || 'the open sub-ICB locations of your ICB'}` }]
      : [],
  };
}

/** Field errors when new dates would leave a covered location closed for part of the offer, on the date field that causes it. */
export function coverageDateErrors(area: CoverageArea, coveredIds: string[], period: CoveragePeriod, startField: string): FieldError[] {
  return area.locations
    .filter((location) => coveredIds.includes(location.id))
    .flatMap((location) => {
      const problem = closureProblem(location, period);
      return problem
        ? [
            {
              field: problem.kind === 'closes' ? 'contractEnd' : startField,
              message: `${problem.message}: change the dates or the coverage`,
            },
          ]
        : [];
    });
}
