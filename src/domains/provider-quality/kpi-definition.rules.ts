/** The KPI definitions an offer is measured by (issue #15 items 1–2, decision 0052): its pack's KPIs, measured as the pack says (or, for a pack published before KPIs were measured, as the latest national pack measures the same code), each with the offer's local threshold when it has one. */
import type { Kpi } from '../catalogue/pack-kpi.schema.ts';
import type { KpiDefinition } from './kpi.rules.ts';

/** A KPI without a period of its own is valued per quarter ending with a month. */
export const DEFAULT_KPI_PERIOD = 'quarter';
/** A KPI without a minimum count of its own reads "not enough data yet" under 10 counted. */
export const DEFAULT_MINIMUM_COUNT = 10;

/** The definition of one pack KPI, with a local threshold in place of the national one when the offer set it; null when it has no measure. */
export function kpiDefinitionOf(kpi: Kpi, localThresholdPercent?: number): KpiDefinition | null {
  if (!kpi.measure) return null;
  return {
    code: kpi.code,
    name: kpi.description,
    measure: kpi.measure,
    thresholdPercent: localThresholdPercent ?? kpi.thresholdPercent,
    direction: kpi.direction ?? 'at-least',
    period: kpi.period ?? DEFAULT_KPI_PERIOD,
    minimumCount: kpi.minimumCount ?? DEFAULT_MINIMUM_COUNT,
  };
}

/** The offer's measured KPIs: a pack KPI without a measure takes the measuring fields of the national KPI with the same code, keeping its own threshold. */
export function offerKpiDefinitions(
  packKpis: readonly Kpi[],
  nationalKpis: readonly Kpi[],
  localThresholds: ReadonlyMap<string, number>,
): KpiDefinition[] {
  const national = new Map(nationalKpis.map((kpi) => [kpi.code, kpi]));
  return packKpis.flatMap((kpi) => {
    const { measure, direction, period, minimumCount } = kpi.measure ? kpi : (national.get(kpi.code) ?? kpi);
    const definition = kpiDefinitionOf({ ...kpi, measure, direction, period, minimumCount }, localThresholds.get(kpi.code));
    return definition ? [definition] : [];
  });
}
