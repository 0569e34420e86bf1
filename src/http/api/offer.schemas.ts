/** TypeBox schemas for offers in the API and its OpenAPI document. */
import { Type } from 'typebox';
import type { OfferInFull } from '../../domains/offers/offer-view.service.ts';
import { currenciesOf } from '../../domains/catalogue/pack-currencies.rules.ts';
import { OFFER_STATUSES } from '../../domains/offers/offer-status.rules.ts';

const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()]);
const IsoDate = Type.String({ format: 'date' });
const Commissioner = Type.Object({ odsCode: Nullable(Type.String()), name: Type.String() });
const DnaTerms = Type.Array(Type.Object({ currencyCode: Type.String({ maxLength: 40 }), payable: Type.Boolean() }), { maxItems: 10 });

/** A price schedule: a price per pack currency and complexity band, and the currencies whose DNA payment the offer sets itself. */
export const Schedule = Type.Object({
  effectiveFrom: IsoDate,
  prices: Type.Array(Type.Object({ currencyCode: Type.String(), complexityBand: Type.String(), pricePence: Type.Integer() })),
  dnaPayable: Type.Optional(DnaTerms),
});

/** A currency the offer's pack pays (decision 0042). */
const CurrencyJson = Type.Object({
  code: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  nationalCostCode: Type.Optional(Type.String()),
  oncePerReferral: Type.Boolean(),
  dnaPayable: Type.Boolean({ description: 'The pack’s national default; a schedule’s dnaPayable overrides it' }),
  sessionCap: Type.Optional(Type.Integer()),
  description: Type.String(),
});

export const OfferJson = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reference: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  status: Type.Enum(OFFER_STATUSES),
  service: Type.Object({ code: Type.String(), name: Type.String() }),
  packVersion: Type.Integer(),
  currencies: Type.Array(CurrencyJson),
  commissioner: Commissioner,
  coverage: Type.Array(Commissioner),
  contract: Type.Object({ start: Nullable(IsoDate), end: Nullable(IsoDate) }),
  qualificationWindow: Type.Object({ kind: Type.Enum(['fixed', 'rolling']), opens: Nullable(IsoDate), closes: Nullable(IsoDate) }),
  amendments: Type.Array(Type.Object({ section: Type.String(), text: Type.String(), reason: Type.String() })),
  protocol: Type.Union([Type.Object({ version: Type.Integer(), content: Type.Unknown() }), Type.Null()]),
  priceSchedules: Type.Array(Schedule),
  statusHistory: Type.Optional(
    Type.Array(
      Type.Object({
        from: Nullable(Type.String()),
        to: Type.String(),
        reason: Type.String(),
        at: Type.String({ format: 'date-time' }),
        by: Nullable(Type.String()),
      }),
    ),
  ),
});

export const ScheduleBody = Type.Object({
  effectiveFrom: Type.String({ maxLength: 10 }),
  prices: Type.Array(
    Type.Object({
      currencyCode: Type.Optional(
        Type.String({ maxLength: 40, description: 'A currency code of the offer’s pack; when absent, its first currency' }),
      ),
      complexityBand: Type.String({ maxLength: 20 }),
      pricePence: Type.Integer(),
    }),
    { maxItems: 100 },
  ),
  dnaPayable: Type.Optional(DnaTerms),
});

export const DetailsBody = Type.Object({
  title: Type.String({ maxLength: 400 }),
  summary: Type.Optional(Type.String({ maxLength: 4000 })),
  contractStart: Type.Union([Type.String({ maxLength: 10 }), Type.Null()]),
  contractEnd: Type.Union([Type.String({ maxLength: 10 }), Type.Null()]),
  windowKind: Type.Enum(['fixed', 'rolling']),
  windowOpens: Type.Union([Type.String({ maxLength: 10 }), Type.Null()]),
  windowCloses: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Null()])),
});

/** An offer as JSON; the status history only when asked for one offer. */
export function offerJson({ offer, protocols, schedules, history }: OfferInFull, options: { withHistory: boolean }) {
  const current = protocols[0];
  return {
    id: offer.id,
    reference: offer.reference,
    title: offer.title,
    summary: offer.summary,
    status: offer.status,
    service: { code: offer.service.code, name: offer.service.name },
    packVersion: offer.pack.version,
    currencies: currenciesOf(offer.pack.content),
    commissioner: { odsCode: offer.lead.odsCode, name: offer.lead.name },
    coverage: offer.coverage.map(({ odsCode, name }) => ({ odsCode, name })),
    contract: { start: offer.contractStart, end: offer.contractEnd },
    qualificationWindow: { kind: offer.windowKind, opens: offer.windowOpens, closes: offer.windowCloses },
    amendments: offer.amendments,
    protocol: current ? { version: current.version, content: current.content } : null,
    priceSchedules: schedules,
    ...(options.withHistory
      ? {
          statusHistory: history.map((change) => ({
            from: change.fromStatus,
            to: change.toStatus,
            reason: change.reason,
            at: change.changedAt.toISOString(),
            by: change.changedBy,
          })),
        }
      : {}),
  };
}
