/** The budget API's shapes (issue #14 item 7; decision 0048): plans, their figures with the statements and referrals behind them, and national totals. */
import { type Static, Type } from 'typebox';
import type { PlanFigures } from '../../domains/budgets/budget-figures.service.ts';
import { FINANCIAL_YEAR_PATTERN } from '../../domains/budgets/financial-year.rules.ts';

const Pence = (description: string) => Type.Integer({ description: `${description}, in pence` });
const Monthly = Type.Array(Type.Integer({ minimum: 0 }), {
  minItems: 12,
  maxItems: 12,
  description: 'Twelve monthly amounts in pence, April to March, adding up to amountPence; left out, the plan is spread evenly',
});

export const PlanBody = Type.Object(
  {
    serviceCode: Type.String({ minLength: 1, maxLength: 60, description: 'The catalogue service code, e.g. back-and-neck-pain' }),
    financialYear: Type.String({ pattern: FINANCIAL_YEAR_PATTERN, description: 'April to March, e.g. 2026-27' }),
    amountPence: Type.Integer({ minimum: 1, description: 'The year’s budget in pence' }),
    monthlyPence: Type.Optional(Monthly),
  },
  { additionalProperties: false },
);
export const RevisionBody = Type.Object(
  { amountPence: Type.Integer({ minimum: 1, description: 'The year’s budget in pence' }), monthlyPence: Type.Optional(Monthly) },
  { additionalProperties: false },
);
export type PlanBodyInput = Static<typeof PlanBody>;

export const Saved = Type.Object({ planId: Type.String(), version: Type.Integer() });

const PlanSummary = {
  id: Type.String(),
  serviceCode: Type.String(),
  serviceName: Type.String(),
  financialYear: Type.String(),
  version: Type.Integer(),
  planPence: Pence('The plan'),
  phasing: Type.String({ description: 'even or monthly' }),
  monthlyPlanPence: Type.Array(Type.Integer()),
  setAt: Type.String({ format: 'date-time' }),
  setBy: Type.Union([Type.String(), Type.Null()]),
  actualToDatePence: Pence('Payable on statements dated in the year so far, approved or not'),
  committedPence: Pence('Referrals in treatment × expected units × today’s price, less what was paid on them'),
  forecastPence: Pence('Actual to date + committed + run rate × months to come'),
  percentOfPlan: Type.Number(),
  standing: Type.String({ description: 'on-track, near-plan or over-plan' }),
};
export const PlanJson = Type.Object(PlanSummary);

export const FiguresJson = Type.Object({
  ...PlanSummary,
  approvedToDatePence: Type.Integer(),
  notApprovedToDatePence: Type.Integer(),
  runRatePence: Pence('The average of the last 3 complete months'),
  runRateMonths: Type.Array(Type.String()),
  monthsRemaining: Type.Integer(),
  thresholds: Type.Array(Type.Integer()),
  alerted: Type.Array(Type.Integer()),
  months: Type.Array(
    Type.Object({
      month: Type.String(),
      planPence: Type.Integer(),
      cumulativePlanPence: Type.Integer(),
      approvedPence: Type.Integer(),
      notApprovedPence: Type.Integer(),
      cumulativeActualPence: Type.Union([Type.Integer(), Type.Null()]),
      cumulativeForecastPence: Type.Integer(),
    }),
  ),
  statements: Type.Array(
    Type.Object({
      statementId: Type.String(),
      reference: Type.String(),
      month: Type.String(),
      status: Type.String(),
      providerName: Type.String(),
      payablePence: Type.Integer(),
    }),
  ),
  committed: Type.Array(
    Type.Object({
      offerId: Type.String(),
      offerTitle: Type.String(),
      referrals: Type.Integer(),
      currencyName: Type.String(),
      expectedUnits: Type.Integer(),
      unitPricePence: Type.Union([Type.Integer(), Type.Null()]),
      grossPence: Type.Integer(),
      paidPence: Type.Integer(),
      committedPence: Type.Integer(),
    }),
  ),
});

export const NationalTotals = Type.Object({
  financialYear: Type.String(),
  services: Type.Array(
    Type.Object({
      serviceCode: Type.String(),
      serviceName: Type.String(),
      commissioners: Type.Integer(),
      planPence: Type.Integer(),
      actualToDatePence: Type.Integer(),
      committedPence: Type.Integer(),
      forecastPence: Type.Integer(),
      percentOfPlan: Type.Number(),
    }),
  ),
});

/** A plan and its headline figures as the API gives them. */
export function planJson(figures: PlanFigures) {
  const { plan, forecast } = figures;
  return {
    id: plan.id,
    serviceCode: plan.serviceCode,
    serviceName: plan.serviceName,
    financialYear: plan.financialYear,
    version: plan.version,
    planPence: plan.amountPence,
    phasing: plan.phasing,
    monthlyPlanPence: plan.monthlyPence,
    setAt: plan.setAt.toISOString(),
    setBy: plan.setBy,
    actualToDatePence: forecast.actualToDatePence,
    committedPence: forecast.committedCountedPence,
    forecastPence: forecast.forecastPence,
    percentOfPlan: figures.percentOfPlan,
    standing: figures.standing,
  };
}

/** A plan's figures in full: month by month, the statements behind the actuals and the referrals behind committed spend. */
export function figuresJson(figures: PlanFigures) {
  const { forecast } = figures;
  return {
    ...planJson(figures),
    approvedToDatePence: figures.approvedToDatePence,
    notApprovedToDatePence: figures.notApprovedToDatePence,
    runRatePence: forecast.runRatePence,
    runRateMonths: forecast.runRateMonths,
    monthsRemaining: forecast.monthsRemaining,
    thresholds: figures.thresholds,
    alerted: figures.alerted,
    months: forecast.months,
    statements: figures.statements,
    committed: figures.committed,
  };
}
