/** The JSON shapes of the KPI API (OpenAPI schemas): an offer's KPIs and thresholds, a run, a stored result and the referrals counted behind it. */
import { Type } from 'typebox';
import type { OfferKpis } from '../../domains/provider-quality/offer-kpis.service.ts';
import { MONTH_PATTERN } from '../../domains/payments/month.rules.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const ThresholdBody = Type.Object(
  {
    thresholdPercent: Nullable(Type.Integer({ minimum: 1, maximum: 100 })),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

const Definition = Type.Object({
  measure: Type.Object({ kind: Type.String() }, { additionalProperties: true }),
  direction: Type.String(),
  period: Type.String(),
  minimumCount: Type.Integer(),
  thresholdPercent: Type.Integer(),
});

export const OfferKpisJson = Type.Object({
  offerId: Type.String(),
  kpis: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      nationalThresholdPercent: Type.Integer(),
      localThresholdPercent: Nullable(Type.Integer()),
      measuredAs: Nullable(Definition),
    }),
  ),
  history: Type.Array(
    Type.Object({
      kpiCode: Type.String(),
      thresholdPercent: Nullable(Type.Integer()),
      appliesFrom: Type.String(),
      reason: Type.String(),
      setAt: Type.String(),
      setBy: Nullable(Type.String()),
    }),
  ),
});

/** An offer's KPIs as the API shows them. */
export function offerKpisJson(view: OfferKpis) {
  return {
    offerId: view.offer.id,
    kpis: view.kpis.map((kpi) => ({
      code: kpi.code,
      name: kpi.name,
      nationalThresholdPercent: kpi.nationalThresholdPercent,
      localThresholdPercent: kpi.localThresholdPercent,
      measuredAs: kpi.definition && {
        measure: kpi.definition.measure,
        direction: kpi.definition.direction,
        period: kpi.definition.period,
        minimumCount: kpi.definition.minimumCount,
        thresholdPercent: kpi.definition.thresholdPercent,
      },
    })),
    history: view.history.map((setting) => ({ ...setting, setAt: setting.setAt.toISOString() })),
  };
}

export const KpiRunJson = Type.Object({ runId: Type.String(), month: Type.String(), results: Type.Integer() });

export const ResultsQuery = Type.Object({
  provider: Type.Optional(Type.String({ maxLength: 40, description: 'A provider organisation id' })),
  offer: Type.Optional(Type.String({ maxLength: 40, description: 'An offer id' })),
  service: Type.Optional(Type.String({ maxLength: 60, description: 'A service code, like adult-hearing' })),
  month: Type.Optional(Type.String({ pattern: MONTH_PATTERN, description: 'The month the period ends with (YYYY-MM)' })),
});

export const KpiResultJson = Type.Object({
  id: Type.String(),
  offerId: Type.String(),
  offerReference: Type.String(),
  providerId: Type.String(),
  providerName: Type.String(),
  commissionerId: Type.String(),
  commissionerName: Type.String(),
  serviceCode: Type.String(),
  serviceName: Type.String(),
  kpiCode: Type.String(),
  kpiName: Type.String(),
  period: Type.String(),
  endMonth: Type.String(),
  periodFrom: Type.String(),
  periodTo: Type.String(),
  thresholdPercent: Type.Integer(),
  direction: Type.String(),
  minimumCount: Type.Integer(),
  numerator: Type.Integer(),
  denominator: Type.Integer(),
  percent: Nullable(Type.Number()),
  status: Type.String(),
  computedAt: Type.String(),
});

export const CountedReferralsJson = Type.Object({
  result: KpiResultJson,
  referrals: Type.Array(Type.Object({ position: Type.Integer(), ubrn: Type.String(), countedOn: Type.String(), met: Type.Boolean() })),
});
