/** A pack's KPI as data (issue #15 item 1, decision 0052): what it is, its national threshold and, from the packs that measure it, how the platform works it out from the record. Every measuring field is optional, so packs published before stay valid. */
import { type Static, Type } from 'typebox';

const Days = Type.Integer({ minimum: 1, maximum: 365 });
const Weeks = Type.Integer({ minimum: 1, maximum: 52 });
const Priority = Type.Optional(Type.Enum(['routine', 'urgent']));
const closed = { additionalProperties: false } as const;

/** How the KPI is measured (the kinds of `KpiMeasure` in `provider-quality/kpi.rules.ts`). */
export const PackKpiMeasure = Type.Union([
  Type.Object({ kind: Type.Literal('first-seen-within-working-days'), workingDays: Days, priority: Priority }, closed),
  Type.Object({ kind: Type.Literal('first-seen-within-weeks'), weeks: Weeks, priority: Priority }, closed),
  Type.Object({ kind: Type.Literal('treatment-started-within-weeks'), weeks: Weeks }, closed),
  Type.Object({ kind: Type.Literal('recovery-rate') }, closed),
  Type.Object({ kind: Type.Literal('did-not-attend-rate') }, closed),
  Type.Object({ kind: Type.Literal('two-aids-fitted') }, closed),
  Type.Object({ kind: Type.Literal('reported-within-working-days'), workingDays: Days }, closed),
]);
export type PackKpiMeasure = Static<typeof PackKpiMeasure>;

export const KPI_PERIODS = ['month', 'quarter', 'rolling-12-months'] as const;
export const KPI_DIRECTIONS = ['at-least', 'at-most'] as const;

export const Kpi = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 }),
    description: Type.String({ minLength: 1, maxLength: 500 }),
    /** Share of cases that must meet the measure, e.g. 80 (%); for an at-most KPI, the share that must not be exceeded. */
    thresholdPercent: Type.Integer({ minimum: 1, maximum: 100 }),
    /** The time limit the measure uses, when it has one. */
    withinDays: Type.Optional(Days),
    dayKind: Type.Optional(Type.Enum(['working', 'calendar'])),
    source: Type.Optional(Type.String({ maxLength: 500 })),
    /** How the platform measures it from the record; a KPI without one is shown but not measured. */
    measure: Type.Optional(PackKpiMeasure),
    /** `at-least` (the default) or `at-most` (a DNA rate). */
    direction: Type.Optional(Type.Enum(KPI_DIRECTIONS)),
    /** The period each value covers, ending with a month (default `quarter`). */
    period: Type.Optional(Type.Enum(KPI_PERIODS)),
    /** Below this many counted the KPI reads "not enough data yet" (default 10). */
    minimumCount: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  closed,
);
export type Kpi = Static<typeof Kpi>;
