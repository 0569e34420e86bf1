/** Builders for provider tests: postcode rows (test databases import none) and a complete registration form. */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';

/** Real Calderdale and Wakefield postcodes with their Code-Point Open coordinates, and a closed one. */
export const TEST_POSTCODES = [
  { postcode: 'HX1 1UJ', latitude: 53.72436, longitude: -1.8607, terminated_on: null },
  { postcode: 'WF1 4DG', latitude: 53.69242, longitude: -1.48856, terminated_on: null },
  { postcode: 'HX1 1ZZ', latitude: 53.72, longitude: -1.86, terminated_on: '2019-06-01' },
];

/** Inserts the test postcodes once (safe to call again). */
export async function insertTestPostcodes(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('postcodes')
    .values(TEST_POSTCODES.map((row) => ({ ...row, country_code: 'E92000001' })))
    .onConflict((oc) => oc.column('postcode').doNothing())
    .execute();
}

/** A registration form an independent provider would send; override any field. */
export function aRegistrationForm(overrides: Record<string, string> = {}): Record<string, string> {
  const unique = Math.random().toString(36).slice(2, 8);
  return {
    name: `Brighouse Audiology ${unique}`,
    odsCode: '',
    providerType: 'independent',
    companiesHouseNumber: '01234567',
    charityNumber: '',
    email: `contact-${unique}@brighouse-audiology.example`,
    phone: '01484 123456',
    website: '',
    adminDisplayName: 'Ada Admin',
    adminEmail: `ada-${unique}@brighouse-audiology.example`,
    adminPassword: 'a-long-enough-password',
    ...overrides,
  };
}

/** A site form at a real postcode, open weekdays 09:00 to 17:00. */
export function aSiteForm(overrides: Record<string, string> = {}): Record<string, string> {
  const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
  const hours = Object.fromEntries(
    weekdays.flatMap((day) => [
      [`openingTimes-${day}-opens`, '09:00'],
      [`openingTimes-${day}-closes`, '17:00'],
    ]),
  );
  return {
    name: 'Halifax audiology clinic',
    siteCode: '',
    address: '1 Commercial Street, Halifax',
    postcode: 'hx1 1uj',
    deliveryMode: 'clinic',
    accessibility: 'Step-free access and a hearing loop',
    phone: '01422 123456',
    ...hours,
    ...overrides,
  };
}
