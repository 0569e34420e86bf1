import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ListScope, referralListCountQuery, referralListPageQuery } from '../../src/domains/referrals/referral-list.repo.ts';
import type { ReferralListFilter } from '../../src/domains/referrals/referral-list.rules.ts';
import { anOffer } from '../support/offer-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const TODAY = '2027-03-01';
const REFERRALS = 4000;
const ORGANISATIONS = 40;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

describe('referral list query plans', () => {
  let t: TestApp;
  let provider: string;
  let practice: string;

  /** The planner's plan of a query (PostgreSQL's driver parses the JSON; PGlite's may not). */
  const planOf = async (query: { explain: (format: 'json') => Promise<Record<string, unknown>[]> }): Promise<PlanNode> => {
    const [row] = await query.explain('json');
    const [plan] = (typeof row!['QUERY PLAN'] === 'string' ? JSON.parse(row!['QUERY PLAN'] as string) : row!['QUERY PLAN']) as {
      Plan: PlanNode;
    }[];
    return plan!.Plan;
  };
  /** The plan's nodes that read the referrals table. */
  const readsOfReferrals = async (query: unknown) => ({
    reads: nodesOf(await planOf(query as never)).filter((node) => node['Relation Name'] === 'referrals'),
  });

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region' });
    const db = t.deps.db;
    await anOffer(db).forService('adult-hearing').coveringOds('02T').withStatus('open').withPackProtocol().insert();
    const offer = await db
      .selectFrom('offers as o')
      .innerJoin('offer_commissioners as c', 'c.offer_id', 'o.id')
      .innerJoin('offer_protocols as v', 'v.offer_id', 'o.id')
      .select(['o.id', 'c.organisation_id', 'v.version'])
      .executeTakeFirstOrThrow();
    await sql`INSERT INTO organisations (ods_code, name, kind) SELECT 'PLP' || lpad(g::text, 2, '0'), 'Plan provider ' || g, 'provider' FROM generate_series(1, ${ORGANISATIONS}) g`.execute(
      db,
    );
    await sql`INSERT INTO organisations (ods_code, name, kind) SELECT 'PLG' || lpad(g::text, 2, '0'), 'Plan practice ' || g, 'gp-practice' FROM generate_series(1, ${ORGANISATIONS}) g`.execute(
      db,
    );
    await sql`INSERT INTO patients (nhs_number, given_name, family_name, date_of_birth, sex, postcode) SELECT (6000000000 + g)::text, 'Plan', 'Patient ' || lpad(g::text, 5, '0'), '1950-01-01', 'female', 'HX1 1PW' FROM generate_series(1, ${REFERRALS}) g`.execute(
      db,
    );
    await sql`
      WITH prov AS (SELECT id, row_number() OVER (ORDER BY ods_code) - 1 AS n FROM organisations WHERE ods_code LIKE 'PLP%'),
        gp AS (SELECT id, row_number() OVER (ORDER BY ods_code) - 1 AS n FROM organisations WHERE ods_code LIKE 'PLG%'),
        pat AS (SELECT id, row_number() OVER (ORDER BY family_name) AS n FROM patients WHERE given_name = 'Plan')
      INSERT INTO referrals (ubrn, access_code_hash, patient_id, offer_id, protocol_version, commissioner_organisation_id, referrer_organisation_id, route, priority, eligibility, status, referred_on, provider_organisation_id, sent_at, accept_by)
      SELECT '8' || lpad(pat.n::text, 11, '0'), 'x', pat.id, ${offer.id}, ${offer.version}, ${offer.organisation_id}, gp.id, 'gp', 'routine', '{}',
        (ARRAY['sent', 'accepted', 'discharged', 'returned', 'cancelled', 'episode-closed'])[1 + pat.n % 6], date '2026-01-01' + (pat.n % 400)::int, prov.id,
        (date '2026-01-01' + (pat.n % 400)::int)::timestamptz, date '2026-01-08' + (pat.n % 400)::int
      FROM pat JOIN prov ON prov.n = pat.n % ${ORGANISATIONS} JOIN gp ON gp.n = (pat.n * 7) % ${ORGANISATIONS}`.execute(db);
    await sql`ANALYZE`.execute(db);
    provider = (await db.selectFrom('organisations').select('id').where('ods_code', '=', 'PLP07').executeTakeFirstOrThrow()).id;
    practice = (await db.selectFrom('organisations').select('id').where('ods_code', '=', 'PLG07').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  const cases: [string, () => ListScope, ReferralListFilter][] = [
    ['a provider’s whole list', () => ({ side: 'provider', organisationId: provider }), {}],
    ['a provider’s sent referrals', () => ({ side: 'provider', organisationId: provider }), { status: 'sent' }],
    [
      'a provider’s overdue referrals in a date range',
      () => ({ side: 'provider', organisationId: provider }),
      { status: 'sent', overdue: true, sentFrom: '2026-03-01', sentTo: '2026-09-30' },
    ],
    ['a practice’s whole list', () => ({ side: 'referrer', organisationId: practice }), {}],
    ['a practice’s returned referrals', () => ({ side: 'referrer', organisationId: practice }), { status: 'returned' }],
  ];

  it.each(cases)('reads %s through an index of the organisation’s referrals, never scanning everyone’s', async (_name, scope, filter) => {
    for (const query of [
      referralListPageQuery(t.deps.db, scope(), filter, TODAY, { limit: 25, offset: 0 }),
      referralListCountQuery(t.deps.db, scope(), filter, TODAY),
    ]) {
      const { reads } = await readsOfReferrals(query as never);
      expect(reads.length).toBeGreaterThan(0);
      for (const read of reads) expect(read['Node Type'], JSON.stringify(read['Index Name'])).not.toBe('Seq Scan');
    }
  });

  it.each([
    ['provider', 'referrals_provider_list_idx'],
    ['referrer', 'referrals_referrer_list_idx'],
  ] as const)('pages a %s’s whole list in the order of %s, without sorting all its referrals', async (side, index) => {
    const query = referralListPageQuery(t.deps.db, { side, organisationId: side === 'provider' ? provider : practice }, {}, TODAY, {
      limit: 25,
      offset: 0,
    });
    const nodes = nodesOf(await planOf(query as never));
    expect(
      nodes.filter((node) => node['Relation Name'] === 'referrals').map((node) => `${node['Node Type']} ${node['Index Name']}`),
    ).toEqual([`Index Scan ${index}`]);
    expect(nodes.map((node) => node['Node Type'])).not.toContain('Sort');
  });

  it('finds one referral by NHS number or reference through the unique indexes', async () => {
    const scope: ListScope = { side: 'provider', organisationId: provider };
    const { reads } = await readsOfReferrals(
      referralListPageQuery(t.deps.db, scope, { ubrn: '800000000007' }, TODAY, { limit: 25, offset: 0 }) as never,
    );
    expect(reads.map((read) => read['Index Name'])).toEqual(['referrals_ubrn_key']);
    const byPatient = await readsOfReferrals(
      referralListPageQuery(t.deps.db, scope, { nhsNumber: '6000000007' }, TODAY, { limit: 25, offset: 0 }) as never,
    );
    for (const read of byPatient.reads) expect(read['Node Type']).not.toBe('Seq Scan');
  });
});
