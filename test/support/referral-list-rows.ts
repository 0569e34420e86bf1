/** Test builders for referral lists: referrals written straight into the tables, in any status, for any provider and practice, many at a time. */
import type { Deps } from '../../src/domains/deps.ts';
import type { ReferralStatus } from '../../src/domains/referrals/referral-status.rules.ts';

export interface ReferralRow {
  offerId: string;
  status: ReferralStatus;
  referredOn: string;
  providerId?: string | null;
  practiceId?: string | null;
  /** ISO date-time it was sent to the provider; the accept-by date defaults to a week after it. */
  sentAt?: string;
  acceptBy?: string;
  nhsNumber?: string | null;
  givenName?: string;
  familyName?: string;
}

/** Fresh 12-digit references, one per call, starting with the given digit (a file's own digit keeps its referrals apart). */
export function ubrnSequence(first: string): () => string {
  let drawn = 0;
  return () => `${first}${String((drawn += 1)).padStart(11, '0')}`;
}

async function patientFor(deps: Deps, row: ReferralRow): Promise<string> {
  if (row.nhsNumber) {
    const existing = await deps.db.selectFrom('patients').select('id').where('nhs_number', '=', row.nhsNumber).executeTakeFirst();
    if (existing) return existing.id;
  }
  const patient = await deps.db
    .insertInto('patients')
    .values({
      nhs_number: row.nhsNumber ?? null,
      given_name: row.givenName ?? 'Listed',
      family_name: row.familyName ?? 'Patient',
      date_of_birth: '1950-01-01',
      sex: 'female',
      postcode: 'HX1 1PW',
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return patient.id;
}

/** Writes referrals as they stand after their journeys (no events or choice lists), returning their references in order. */
export async function referralRows(deps: Deps, rows: ReferralRow[], nextUbrn: () => string): Promise<string[]> {
  const ubrns: string[] = [];
  for (const row of rows) {
    const offer = await deps.db
      .selectFrom('offers as o')
      .innerJoin('offer_commissioners as c', 'c.offer_id', 'o.id')
      .select('c.organisation_id')
      .where('o.id', '=', row.offerId)
      .executeTakeFirstOrThrow();
    const protocol = await deps.db
      .selectFrom('offer_protocols')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('offer_id', '=', row.offerId)
      .executeTakeFirstOrThrow();
    const ubrn = nextUbrn();
    const sentAt = row.sentAt ?? (row.providerId ? `${row.referredOn}T10:00:00Z` : null);
    await deps.db
      .insertInto('referrals')
      .values({
        ubrn,
        access_code_hash: 'not-a-real-hash',
        patient_id: await patientFor(deps, row),
        offer_id: row.offerId,
        protocol_version: Number(protocol.version),
        commissioner_organisation_id: offer.organisation_id,
        referrer_organisation_id: row.practiceId ?? null,
        route: row.practiceId ? 'gp' : 'self',
        priority: 'routine',
        eligibility: '{}',
        status: row.status,
        referred_on: row.referredOn,
        provider_organisation_id: row.providerId ?? null,
        sent_at: sentAt,
        accept_by: row.acceptBy ?? (sentAt ? addWeek(sentAt.slice(0, 10)) : null),
        updated_at: new Date(),
      })
      .execute();
    ubrns.push(ubrn);
  }
  return ubrns;
}

function addWeek(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
}
