/** Real ids of the demo organisations' objects, to fill a route's path parameters when strangers ask for them. */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { quarterBounds, quarterOf } from '../../src/domains/provider-quality/quality-quarter.rules.ts';
import { addDays } from '../../src/lib/working-days.ts';
import { openBreachesForRun } from '../../src/domains/provider-quality/breach-open.service.ts';
import { runKpis } from '../../src/domains/provider-quality/kpi-run.service.ts';
import { londonDateOf, systemClock } from '../../src/lib/clock.ts';
import { ORUK_OBJECTS, ORUK_PARAMETERS } from './oruk-object-ids.ts';

type Db = Kysely<Database>;

const previousQuarter = () => quarterOf(addDays(quarterBounds(quarterOf(londonDateOf(new Date()))).from, -1));

const first = async (query: { executeTakeFirstOrThrow(): Promise<{ value: string }> }): Promise<string> =>
  (await query.executeTakeFirstOrThrow()).value;
const demoProvider = (db: Db) => db.selectFrom('organisations').select('id').where('ods_code', '=', 'DEMO1');
const demoRun = (db: Db) => db.selectFrom('prioritisation_runs').select('id').limit(1);

/** The demo ICB's (QWO) budget plan: the demo has none yet (issue #14 item 9), so one is written the first time it is asked for. */
async function demoBudgetPlan(db: Db): Promise<string> {
  const icb = db.selectFrom('organisations').select('id').where('ods_code', '=', 'QWO');
  const found = await db.selectFrom('budget_plans').select('id').where('commissioner_organisation_id', 'in', icb).executeTakeFirst();
  if (found) return found.id;
  const service = await db.selectFrom('services').select('id').orderBy('code').executeTakeFirstOrThrow();
  const plan = await db
    .insertInto('budget_plans')
    .values({
      commissioner_organisation_id: (await icb.executeTakeFirstOrThrow()).id,
      service_id: service.id,
      financial_year: '2026-27',
      created_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('budget_plan_versions')
    .values({
      plan_id: plan.id,
      version: 1,
      amount_pence: 1_200_000,
      phasing: 'even',
      monthly_pence: JSON.stringify(Array(12).fill(100_000)),
      source: 'api',
      set_at: new Date(),
      set_by_user_id: null,
      set_by_api_key_id: null,
    })
    .execute();
  return plan.id;
}

/** A breach opened on the demo provider's (DEMO1) live listing on an offer the demo ICB (QWO) leads: the demo has none yet (issue #15 item 10), so one is opened the first time it is asked for. */
async function demoBreach(db: Db): Promise<string> {
  const found = await db.selectFrom('breaches').select('id').where('provider_organisation_id', 'in', demoProvider(db)).executeTakeFirst();
  if (found) return found.id;
  const listing = await db
    .selectFrom('listings as l')
    .innerJoin('offers as o', 'o.id', 'l.offer_id')
    .innerJoin('organisations as g', 'g.id', 'o.lead_organisation_id')
    .select(['l.offer_id', 'l.provider_organisation_id', 'o.lead_organisation_id', 'o.service_id'])
    .where('l.provider_organisation_id', 'in', demoProvider(db))
    .where('g.ods_code', '=', 'QWO')
    .where('l.status', 'in', ['contracted', 'live'])
    .orderBy('l.id')
    .executeTakeFirstOrThrow();
  const at = new Date();
  const run = await db
    .insertInto('kpi_runs')
    .values({ end_month: '2024-01', trigger: 'on-demand', started_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('kpi_results')
    .values({
      run_id: run.id,
      offer_id: listing.offer_id,
      provider_organisation_id: listing.provider_organisation_id,
      commissioner_organisation_id: listing.lead_organisation_id,
      service_id: listing.service_id,
      kpi_code: 'seen-within-16-working-days',
      kpi_name: 'Seen within 16 working days',
      measure: JSON.stringify({ kind: 'first-seen-within-working-days', workingDays: 16 }),
      period: 'month',
      end_month: '2024-01',
      period_from: '2024-01-01',
      period_to: '2024-01-31',
      threshold_percent: 90,
      direction: 'at-least',
      minimum_count: 5,
      numerator: 8,
      denominator: 10,
      percent_tenths: 800,
      status: 'breached',
      computed_at: at,
    })
    .execute();
  const [id] = await db.transaction().execute((trx) => openBreachesForRun(trx, { db, clock: systemClock() }, run.id));
  return id!;
}

/** A stored KPI result of the demo provider (DEMO1): the demo has no KPI runs yet (issue #15 item 10), so the engine runs for this month the first time it is asked for. */
async function demoKpiResult(db: Db): Promise<string> {
  const mine = () => db.selectFrom('kpi_results').select('id').where('provider_organisation_id', 'in', demoProvider(db)).executeTakeFirst();
  const found = await mine();
  if (found) return found.id;
  await runKpis(
    { db, clock: systemClock() },
    { principal: null, clientAddress: null },
    { endMonth: londonDateOf(new Date()).slice(0, 7), trigger: 'demo' },
  );
  return (await mine())!.id;
}

/** The code of a KPI on the demo ICB's open offer's pack. */
async function demoKpiCode(db: Db): Promise<string> {
  const offer = await OBJECTS.offer(db);
  const pack = await db
    .selectFrom('offers as o')
    .innerJoin('implementation_packs as p', 'p.id', 'o.pack_id')
    .select('p.content')
    .where('o.id', '=', offer)
    .executeTakeFirstOrThrow();
  return (pack.content as { kpis: { code: string }[] }).kpis[0]?.code ?? 'did-not-attend-rate';
}

/** The FHIR HealthcareService id of the demo provider's (DEMO1) live listing at one of its sites: both ids as 64 hex digits. */
async function demoHealthcareService(db: Db): Promise<string> {
  const row = await db
    .selectFrom('listing_sites as ls')
    .innerJoin('listings as l', 'l.id', 'ls.listing_id')
    .select(['ls.listing_id', 'ls.site_id'])
    .where('l.provider_organisation_id', 'in', demoProvider(db))
    .where('l.status', '=', 'live')
    .orderBy('ls.listing_id')
    .orderBy('ls.site_id')
    .executeTakeFirstOrThrow();
  return `${row.listing_id}${row.site_id}`.replaceAll('-', '');
}

/** One object of each kind, owned by the demo ICB (QWO), the demo provider (DEMO1) or the demo practice (B84001). */
const OBJECTS = {
  offer: (db: Db) =>
    first(
      db
        .selectFrom('offers as o')
        .innerJoin('organisations as g', 'g.id', 'o.lead_organisation_id')
        .select('o.id as value')
        .where('g.ods_code', '=', 'QWO')
        .where('o.status', '=', 'open')
        .orderBy('o.id')
        .limit(1),
    ),
  application: (db: Db) =>
    first(
      db.selectFrom('applications').select('id as value').where('provider_organisation_id', 'in', demoProvider(db)).orderBy('id').limit(1),
    ),
  clarification: (db: Db) => first(db.selectFrom('clarifications').select('id as value').limit(1)),
  listing: (db: Db) =>
    first(db.selectFrom('listings').select('id as value').where('provider_organisation_id', 'in', demoProvider(db)).orderBy('id').limit(1)),
  referral: (db: Db) =>
    first(
      db
        .selectFrom('referrals')
        .select('ubrn as value')
        .where('provider_organisation_id', 'in', demoProvider(db))
        .where('status', '=', 'sent')
        .limit(1),
    ),
  referralId: (db: Db) =>
    first(
      db
        .selectFrom('referrals')
        .select('id as value')
        .where('provider_organisation_id', 'in', demoProvider(db))
        .where('status', '=', 'sent')
        .orderBy('ubrn')
        .limit(1),
    ),
  patient: (db: Db) =>
    first(
      db
        .selectFrom('referrals')
        .select('patient_id as value')
        .where('provider_organisation_id', 'in', demoProvider(db))
        .where('status', '=', 'sent')
        .orderBy('ubrn')
        .limit(1),
    ),
  contact: (db: Db) =>
    first(
      db
        .selectFrom('referral_contacts as c')
        .innerJoin('referrals as r', 'r.id', 'c.referral_id')
        .select('c.id as value')
        .where('r.provider_organisation_id', 'in', demoProvider(db))
        .orderBy('c.recorded_at')
        .limit(1),
    ),
  message: (db: Db) =>
    first(db.selectFrom('outbox_messages').select('id as value').where('organisation_id', 'in', demoProvider(db)).limit(1)),
  apiKey: (db: Db) =>
    first(
      db
        .selectFrom('api_keys as k')
        .innerJoin('organisations as g', 'g.id', 'k.organisation_id')
        .select('k.id as value')
        .where('g.ods_code', '=', 'QWO')
        .limit(1),
    ),
  site: (db: Db) =>
    first(db.selectFrom('sites').select('id as value').where('organisation_id', 'in', demoProvider(db)).orderBy('id').limit(1)),
  invitation: (db: Db) =>
    first(db.selectFrom('invitations').select('id as value').where('organisation_id', 'in', demoProvider(db)).limit(1)),
  document: (db: Db) => first(db.selectFrom('documents').select('id as value').where('organisation_id', 'in', demoProvider(db)).limit(1)),
  assurance: (db: Db) =>
    first(db.selectFrom('assurance_evidence').select('id as value').where('organisation_id', 'in', demoProvider(db)).limit(1)),
  assuranceKind: (db: Db) =>
    first(db.selectFrom('assurance_evidence').select('kind as value').where('organisation_id', 'in', demoProvider(db)).limit(1)),
  providerOrganisation: (db: Db) => first(demoProvider(db).select('id as value')),
  proposal: (db: Db) => first(db.selectFrom('local_service_proposals').select('id as value').where('status', '=', 'submitted').limit(1)),
  run: (db: Db) => first(demoRun(db).select('id as value')),
  longListItem: (db: Db) => first(db.selectFrom('long_list_items').select('id as value').where('run_id', 'in', demoRun(db)).limit(1)),
  criterion: (db: Db) => first(db.selectFrom('prioritisation_criteria').select('id as value').where('run_id', 'in', demoRun(db)).limit(1)),
  milestone: (db: Db) => first(db.selectFrom('milestones').select('id as value').where('run_id', 'in', demoRun(db)).limit(1)),
  serviceCode: (db: Db) =>
    first(db.selectFrom('services as s').innerJoin('offers as o', 'o.service_id', 's.id').select('s.code as value').limit(1)),
  statement: (db: Db) =>
    first(
      db.selectFrom('statements').select('id as value').where('provider_organisation_id', 'in', demoProvider(db)).orderBy('month').limit(1),
    ),
  postcode: (db: Db) => first(db.selectFrom('postcodes').select('postcode as value').limit(1)),
  activityLine: (db: Db) =>
    first(
      db
        .selectFrom('activity_lines')
        .select('id as value')
        .where('provider_organisation_id', 'in', demoProvider(db))
        .where('status', '=', 'accepted')
        .orderBy('seq')
        .limit(1),
    ),
  lineQuery: (db: Db) =>
    first(db.selectFrom('line_queries').select('id as value').where('provider_organisation_id', 'in', demoProvider(db)).limit(1)),
  budgetPlan: demoBudgetPlan,
  healthcareService: demoHealthcareService,
  breach: demoBreach,
  breachMilestone: async () => '1',
  kpiResult: demoKpiResult,
  kpiCode: demoKpiCode,
  providerOds: async () => 'DEMO1',
  /** The quarter before this one: owed by the demo listing when its contract ran through it. */
  quarter: async () => previousQuarter(),
  assessmentCriterion: async () => 'capability',
  ...ORUK_OBJECTS,
} satisfies Record<string, (db: Db) => Promise<string>>;

type ObjectKind = keyof typeof OBJECTS;

/** What a parameter names, judged by the path segment before it: `offers/:id` is an offer. */
const PARAMETERS: Record<string, ObjectKind | 'invitationToken' | 'file'> = {
  'offers/:id': 'offer',
  'applications/:id': 'application',
  'assessment/:id': 'application',
  'clarifications/:id': 'clarification',
  'clarifications/:clarificationId': 'clarification',
  'listings/:id': 'listing',
  'referrals/:ubrn': 'referral',
  'provider/:ubrn': 'referral',
  'contacts/:contactId': 'contact',
  'sessions/:contactId': 'contact',
  'messages/:id': 'message',
  'api-keys/:keyId': 'apiKey',
  'sites/:id': 'site',
  'sites/:siteId': 'site',
  'invitations/:id': 'invitation',
  'invitations/:token': 'invitationToken',
  'documents/:id': 'document',
  'attachments/:documentId': 'document',
  'assurance/:id': 'assurance',
  'verification/:id': 'assurance',
  'assurance/:kind': 'assuranceKind',
  'providers/:id': 'providerOrganisation',
  'providers/:code': 'providerOds',
  'organisations/:odsCode': 'providerOds',
  'proposals/:id': 'proposal',
  'local-proposals/:id': 'proposal',
  'prioritisation/:id': 'run',
  'prioritisation-runs/:id': 'run',
  'items/:itemId': 'longListItem',
  'long-list/:itemId': 'longListItem',
  'criteria/:criterionId': 'criterion',
  'milestones/:milestoneId': 'milestone',
  'services/:code': 'serviceCode',
  'budgets/:id': 'budgetPlan',
  'budget-plans/:id': 'budgetPlan',
  'catalogue/:code': 'serviceCode',
  'new/:service': 'serviceCode',
  'services/:service': 'serviceCode',
  'postcodes/:postcode': 'postcode',
  'statements/:id': 'statement',
  'marks/:criterion': 'assessmentCriterion',
  'activity-lines/:lineId': 'activityLine',
  'lines/:lineId': 'activityLine',
  'line-queries/:id': 'lineQuery',
  'returns/:listingId': 'listing',
  'quality-returns/:listingId': 'listing',
  'quarters/:quarter': 'quarter',
  'kpi-results/:id': 'kpiResult',
  'kpis/:id': 'kpiResult',
  'kpis/:code': 'kpiCode',
  'queries/:id': 'lineQuery',
  'breaches/:id': 'breach',
  'Organization/:id': 'providerOrganisation',
  'Location/:id': 'site',
  'HealthcareService/:id': 'healthcareService',
  'ServiceRequest/:id': 'referralId',
  'Patient/:id': 'patient',
  'Appointment/:id': 'contact',
  'milestones/:number': 'breachMilestone',
  ...ORUK_PARAMETERS,
  'nhsuk/*': 'file',
  'static/*': 'file',
};

/** Files the static routes serve, by route. */
const FILES: Record<string, string> = {
  '/nhsuk/*': 'nhsuk-frontend.min.js',
  '/static/*': 'aqp.css',
  '/api/v1/docs/static/*': 'index.html',
};

/** Query strings for the pages and searches that need one, naming objects as `{kind}`. */
const QUERIES: Record<string, string> = {
  'GET /api/v1/directory': 'service={serviceCode}&postcode=HX6%203AB',
  'GET /self-referral/services': 'postcode=HX6%203AB&practice=B84001',
  'GET /self-referral/services/:service': 'postcode=HX6%203AB&practice=B84001',
  'GET /applications/new': 'offer={offer}',
};

/**
 * Fills path parameters (and the query some routes need) with real ids; throws for a parameter nobody has decided
 * how to fill, so new routes get a decision.
 */
export async function objectResolver(db: Db, invitationToken: string): Promise<(method: string, url: string) => string> {
  const values = new Map<string, string>();
  for (const [kind, find] of Object.entries(OBJECTS)) values.set(kind, await find(db));
  values.set('invitationToken', invitationToken);
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, kind: string) => encodeURIComponent(values.get(kind)!));
  return (method, url) => {
    const query = QUERIES[`${method} ${url}`];
    return fillPath(url) + (query ? `?${fill(query)}` : '');
  };

  function fillPath(url: string): string {
    return url.replace(/([\w-]+)\/(:\w+|\*)/g, (segment, before: string, param: string) => {
      const kind = PARAMETERS[`${before}/${param}`];
      if (!kind) throw new Error(`No object decided for ${segment} in ${url}: add it to PARAMETERS in test/support/object-ids.ts`);
      if (kind === 'file') return `${before}/${FILES[url]}`;
      return `${before}/${encodeURIComponent(values.get(kind)!)}`;
    });
  }
}
