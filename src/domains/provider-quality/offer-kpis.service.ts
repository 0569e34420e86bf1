/** The KPIs an offer is measured by and the local thresholds its lead commissioner sets (issue #15 item 1, decision 0052): shown on the offer, set from the month they are set in, each setting kept and audited. */
import { packVersionsOf } from '../catalogue/catalogue.repo.ts';
import type { Kpi } from '../catalogue/pack-kpi.schema.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext, Principal } from '../identity/principal.ts';
import { actingApiKeyId, actingUserId, offerToChange } from '../offers/offer-access.ts';
import { offerAsSeenBy, type OfferRecord } from '../offers/offer-view.service.ts';
import { DomainError, type FieldError, validationFailed } from '../../lib/errors.ts';
import { offerKpiDefinitions } from './kpi-definition.rules.ts';
import type { KpiDefinition } from './kpi.rules.ts';
import { insertThresholdSetting, thresholdHistoryOf, thresholdsInForce, type ThresholdSetting } from './offer-kpi-thresholds.repo.ts';

export interface OfferKpi {
  code: string;
  name: string;
  nationalThresholdPercent: number;
  /** The offer's own threshold in force this month, or null for the pack's. */
  localThresholdPercent: number | null;
  /** How it is measured, or null when the pack does not say (shown, not measured). */
  definition: KpiDefinition | null;
}

export interface OfferKpis {
  offer: OfferRecord;
  kpis: OfferKpi[];
  history: ThresholdSetting[];
}

/** The current month in England, from which a threshold set today applies. */
const monthOf = (isoDate: string) => isoDate.slice(0, 7);

/** The national KPIs of the service's latest pack, which say how a KPI of an older pack is measured. */
async function nationalKpisOf(deps: Deps, serviceId: string): Promise<Kpi[]> {
  const [latest] = await packVersionsOf(deps.db, serviceId);
  return latest?.content.kpis ?? [];
}

/** The offer's KPIs with the national and local thresholds and how each is measured, and every threshold set, as this principal may see the offer. */
export async function offerKpis(deps: Deps, principal: Principal | null, offerId: string): Promise<OfferKpis> {
  const offer = await offerAsSeenBy(deps, principal, offerId);
  const local = (await thresholdsInForce(deps.db, [offer.id], monthOf(deps.clock.today()))).get(offer.id)!;
  const definitions = offerKpiDefinitions(offer.pack.content.kpis, await nationalKpisOf(deps, offer.service.id), local);
  const kpis = offer.pack.content.kpis.map((kpi) => ({
    code: kpi.code,
    name: kpi.description,
    nationalThresholdPercent: kpi.thresholdPercent,
    localThresholdPercent: local.get(kpi.code) ?? null,
    definition: definitions.find((definition) => definition.code === kpi.code) ?? null,
  }));
  return { offer, kpis, history: await thresholdHistoryOf(deps.db, offer.id) };
}

export interface ThresholdInput {
  kpiCode: string;
  /** Whole percent 1–100, or null to go back to the pack's threshold. */
  thresholdPercent: number | null;
  reason?: string;
}

function thresholdErrors(offer: OfferRecord, input: ThresholdInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!offer.pack.content.kpis.some((kpi) => kpi.code === input.kpiCode))
    errors.push({ field: 'kpiCode', message: `The offer’s pack has no KPI with the code “${input.kpiCode}”` });
  const percent = input.thresholdPercent;
  if (percent !== null && (!Number.isInteger(percent) || percent < 1 || percent > 100))
    errors.push({ field: 'thresholdPercent', message: 'Enter the threshold as a whole percent from 1 to 100, like 90' });
  if ((input.reason ?? '').length > 500) errors.push({ field: 'reason', message: 'The reason must be 500 characters or fewer' });
  return errors;
}

/** Sets the offer's own threshold for one of its KPIs from this month on (or returns to the pack's); only the lead commissioner may, and it is audited. */
export async function setOfferKpiThreshold(deps: Deps, context: ActionContext, offerId: string, input: ThresholdInput): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const offer = await offerToChange(trx, context, offerId);
    if (offer.status === 'withdrawn') throw new DomainError('invalid-transition', 'A withdrawn offer’s KPI thresholds cannot change');
    const errors = thresholdErrors(offer, input);
    if (errors.length) throw validationFailed(errors);
    const setting = {
      offerId,
      kpiCode: input.kpiCode,
      thresholdPercent: input.thresholdPercent,
      appliesFrom: monthOf(deps.clock.today()),
      reason: (input.reason ?? '').trim(),
      setAt: deps.clock.now(),
    };
    await insertThresholdSetting(trx, setting, { userId: actingUserId(context), apiKeyId: actingApiKeyId(context) });
    await recordAudit(trx, context, {
      action: 'offer.kpi-threshold',
      entityType: 'offer',
      entityId: offerId,
      details: { kpiCode: input.kpiCode, thresholdPercent: input.thresholdPercent, appliesFrom: setting.appliesFrom },
    });
  });
}
