/** New referrals for the benchmarks to send through the API: each for a new patient of a commissioner's practice, eligible under its offer's protocol. */
import type { ReferralProtocol } from '../src/domains/catalogue/referral-protocol.schema.ts';
import type { Deps } from '../src/domains/deps.ts';
import { withNhsCheckDigit } from '../src/lib/nhs-number.ts';
import type { CommissionerArea } from './bench-reference.ts';
import { pickOne, seededRandom } from './bulk.ts';
import type { DirectoryOffer } from './national-directory.ts';

/** A request to create a referral: the practice's referrer key and the JSON body. */
export interface NewReferralRequest {
  token: string;
  body: string;
}

interface Referable {
  token: string;
  area: CommissionerArea;
  serviceCode: string;
  protocol: ReferralProtocol;
}

/** NHS numbers handed out in this process, so no two benchmark referrals share a patient (and none meets a repeat limit). */
let nextNhsNumber = 900_000_000;

function freshNhsNumber(): string {
  for (;;) {
    const number = withNhsCheckDigit(String((nextNhsNumber += 1)));
    if (number) return number;
  }
}

/** The answers and facts that make a patient eligible: no exclusion applies, every prerequisite is met, age, sex and priority allowed. */
function eligibleBody(referable: Referable, today: string, postcode: string): Record<string, unknown> {
  const { protocol } = referable;
  const age = Math.min(Math.max(45, protocol.ageMin ?? 0), protocol.ageMax ?? 120);
  const answers = Object.fromEntries([
    ...protocol.exclusions.map((question) => [question.id, false]),
    ...protocol.prerequisites.map((question) => [question.id, true]),
  ]);
  return {
    serviceCode: referable.serviceCode,
    patient: {
      nhsNumber: freshNhsNumber(),
      givenName: 'Benchmark',
      familyName: `Patient ${nextNhsNumber}`,
      // Born on 1 January: exactly `age` years old on any day of this year.
      dateOfBirth: `${Number(today.slice(0, 4)) - age}-01-01`,
      sex: protocol.sexes[0] ?? 'female',
      postcode,
    },
    priority: protocol.priorities.includes('routine') ? 'routine' : protocol.priorities[0],
    route: 'gp',
    ...(protocol.repeatLimit?.per === 'body-area' ? { bodyArea: 'Left knee' } : {}),
    answers,
    clinicalInformation: 'Synthetic referral sent by the referral benchmark.',
  };
}

/** Every commissioner's offers that take GP referrals, with its practice's referrer key; `next()` makes a new eligible referral in turn. */
export async function referralMaker(
  deps: Deps,
  areas: CommissionerArea[],
  offers: DirectoryOffer[],
  referrerKeys: Map<string, string>,
): Promise<{ services: number; next: () => NewReferralRequest }> {
  const rows = await deps.db
    .selectFrom('offers as o')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .innerJoin('offer_protocols as p', 'p.offer_id', 'o.id')
    .select(['o.id', 's.code', 'p.content'])
    .execute();
  const byOffer = new Map(rows.map((row) => [row.id, { serviceCode: row.code, protocol: row.content as ReferralProtocol }]));
  const areaById = new Map(areas.map((area) => [area.id, area]));
  const referable: Referable[] = offers
    .map((offer) => ({ ...byOffer.get(offer.id)!, area: areaById.get(offer.commissioner.id)! }))
    .filter((candidate) => candidate.protocol.routes.includes('gp'))
    .map((candidate) => ({ ...candidate, token: referrerKeys.get(candidate.area.practiceId)! }));
  if (referable.length < 100) throw new Error(`Only ${referable.length} offers take GP referrals`);
  const random = seededRandom(17);
  const today = deps.clock.today();
  let turn = 0;
  return {
    services: new Set(referable.map((candidate) => candidate.serviceCode)).size,
    next: () => {
      const chosen = referable[turn++ % referable.length]!;
      return { token: chosen.token, body: JSON.stringify(eligibleBody(chosen, today, pickOne(random, chosen.area.postcodes).postcode)) };
    },
  };
}
