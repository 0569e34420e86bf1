/**
 * The KPI engine (issue #15 item 2, decision 0052): for an end month, every offer × listed provider × measured KPI is
 * worked out from the record and stored with the referrals counted, in one transaction under a lock, replacing the
 * month's earlier values in place, so a re-run gives the same values. Runs nightly, from the CLI and from the API.
 */
import { randomUUID } from 'node:crypto';
import { DomainError, validationFailed } from '../../lib/errors.ts';
import { addDays } from '../../lib/working-days.ts';
import type { Executor } from '../../db/executor.ts';
import type { Deps } from '../deps.ts';
import { openBreachesForRun } from './breach-open.service.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { actingApiKeyId, actingUserId } from '../offers/offer-access.ts';
import { offersLedBy } from '../offers/offer-view.service.ts';
import { isMonth } from '../payments/month.rules.ts';
import { contactRowsOf, type MeasuredOffer, offersToMeasure, referralRowsOf } from './kpi-facts.repo.ts';
import { type ContactRow, referralFacts } from './kpi-facts.rules.ts';
import { offerKpiDefinitions } from './kpi-definition.rules.ts';
import { evaluateKpi, type KpiReferralFacts, periodWindow } from './kpi.rules.ts';
import { finishKpiRun, hasScheduledRunOn, insertKpiRun, lockKpiRuns, type StoredKpiResult, storeKpiResults } from './kpi-results.repo.ts';
import { thresholdsInForce } from './offer-kpi-thresholds.repo.ts';

export type KpiRunTrigger = 'schedule' | 'on-demand' | 'demo';

export interface KpiRunResult {
  endMonth: string;
  /** True when the schedule found this month already run today and did nothing. */
  skipped: boolean;
  runId: string;
  results: number;
  /** The breaches this run opened: only for a period that has ended (a month-to-date value never opens one). */
  breachesOpened: string[];
}

/** Each provider's referral facts on the offer over the widest window any KPI reads (12 months to the end month). */
async function factsByProvider(trx: Executor, offer: MeasuredOffer, endMonth: string): Promise<Map<string, KpiReferralFacts[]>> {
  const window = periodWindow('rolling-12-months', endMonth);
  const referrals = await referralRowsOf(trx, offer.id, window);
  const contactsOf = new Map<string, ContactRow[]>();
  for (const contact of await contactRowsOf(trx, offer.id, window)) {
    const ofReferral = contactsOf.get(contact.referralId);
    if (ofReferral) ofReferral.push(contact);
    else contactsOf.set(contact.referralId, [contact]);
  }
  const byProvider = new Map<string, KpiReferralFacts[]>(offer.providerIds.map((id) => [id, []]));
  for (const referral of referrals) {
    const facts = referralFacts(referral, contactsOf.get(referral.id) ?? []);
    if (!facts) continue;
    if (!byProvider.has(referral.providerId)) byProvider.set(referral.providerId, []);
    byProvider.get(referral.providerId)!.push(facts);
  }
  return byProvider;
}

/** Every provider's value of every measured KPI of one offer for the end month. */
async function resultsOfOffer(trx: Executor, offer: MeasuredOffer, endMonth: string, local: ReadonlyMap<string, number>, asOf: string) {
  const definitions = offerKpiDefinitions(offer.packKpis, offer.nationalKpis, local);
  if (definitions.length === 0) return [];
  const byProvider = await factsByProvider(trx, offer, endMonth);
  return [...byProvider].flatMap(([providerId, facts]) =>
    definitions.map((definition): StoredKpiResult => {
      const result = evaluateKpi(definition, facts, endMonth, asOf);
      const window = periodWindow(definition.period, endMonth);
      return {
        offerId: offer.id,
        providerId,
        commissionerId: offer.commissionerId,
        serviceId: offer.serviceId,
        definition,
        endMonth,
        periodFrom: window.from,
        periodTo: addDays(window.to, -1),
        numerator: result.numerator,
        denominator: result.denominator,
        percentTenths: result.percent === null ? null : Math.round(result.percent * 10),
        status: result.status,
        counted: result.counted,
      };
    }),
  );
}

/** Works out and stores every offer's KPIs for the end month, offer by offer; returns how many results were stored. */
async function measureMonth(
  trx: Executor,
  runId: string,
  endMonth: string,
  at: { computedAt: Date; today: string },
  offerIds?: readonly string[],
) {
  const offers = await offersToMeasure(trx, offerIds);
  const local = await thresholdsInForce(
    trx,
    offers.map((offer) => offer.id),
    endMonth,
  );
  let stored = 0;
  for (const offer of offers)
    stored += await storeKpiResults(trx, runId, at.computedAt, await resultsOfOffer(trx, offer, endMonth, local.get(offer.id)!, at.today));
  return stored;
}

/** Runs the KPI engine for an end month (YYYY-MM): the month just ended, or the current month to date; `onceADay` makes the schedule skip a month already run today. */
export async function runKpis(
  deps: Deps,
  context: ActionContext,
  options: { endMonth: string; trigger: KpiRunTrigger; onceADay?: boolean; offerIds?: readonly string[] },
): Promise<KpiRunResult> {
  const { endMonth } = options;
  const today = deps.clock.today();
  if (!isMonth(endMonth)) throw validationFailed([{ field: 'month', message: 'Enter the month as YYYY-MM, like 2027-04' }]);
  if (`${endMonth}-01` > today) throw validationFailed([{ field: 'month', message: `The month ${endMonth} has not started yet` }]);
  const startedAt = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await lockKpiRuns(trx);
    if (options.onceADay && (await hasScheduledRunOn(trx, endMonth, today)))
      return { endMonth, skipped: true, runId: '', results: 0, breachesOpened: [] };
    const runId = randomUUID();
    const by = { userId: actingUserId(context), apiKeyId: actingApiKeyId(context) };
    await insertKpiRun(trx, { id: runId, endMonth, trigger: options.trigger, startedAt, ...by });
    const results = await measureMonth(trx, runId, endMonth, { computedAt: startedAt, today }, options.offerIds);
    await finishKpiRun(trx, runId, results, deps.clock.now());
    const breachesOpened = endMonth < today.slice(0, 7) ? await openBreachesForRun(trx, deps, runId) : [];
    await recordAudit(trx, context, {
      action: 'quality.kpi-run',
      entityType: 'kpi-run',
      entityId: runId,
      details: { endMonth, results, breachesOpened: breachesOpened.length },
    });
    return { endMonth, skipped: false, runId, results, breachesOpened };
  });
}

/** A run asked for by a person or system: a commissioner's runs only its own offers, a national admin's every offer. */
export async function requestKpiRun(deps: Deps, context: ActionContext, endMonth: string): Promise<KpiRunResult> {
  const principal = context.principal;
  if (principal?.role === 'national-admin') return runKpis(deps, context, { endMonth, trigger: 'on-demand' });
  if (principal?.role !== 'commissioner') throw new DomainError('forbidden', 'Only commissioners and national administrators run KPIs');
  const offerIds = (await offersLedBy(deps, principal.organisationId)).map((offer) => offer.id);
  return runKpis(deps, context, { endMonth, trigger: 'on-demand', offerIds });
}
