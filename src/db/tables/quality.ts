/** Table types for KPI runs, stored KPI results with the referrals counted behind each, and Friends and Family Test answers (migration 0024, decision 0051). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type IsoDate = ColumnType<string, string, string>;

export interface KpiRunsTable {
  id: Generated<string>;
  end_month: string;
  trigger: string;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
  results: Generated<number>;
  requested_by_user_id: string | null;
  requested_by_api_key_id: string | null;
}

export interface KpiResultsTable {
  id: Generated<string>;
  run_id: string;
  offer_id: string;
  provider_organisation_id: string;
  commissioner_organisation_id: string;
  service_id: string;
  kpi_code: string;
  kpi_name: string;
  measure: ColumnType<unknown, string, string>;
  period: string;
  end_month: string;
  period_from: IsoDate;
  period_to: IsoDate;
  threshold_percent: number;
  direction: string;
  minimum_count: number;
  numerator: number;
  denominator: number;
  /** The value in tenths of a percent (805 is 80.5%), or null when nothing was counted. */
  percent_tenths: number | null;
  status: string;
  computed_at: Timestamp;
}

export interface KpiResultCountsTable {
  result_id: string;
  position: number;
  referral_id: string;
  counted_on: IsoDate;
  met: boolean;
}

export interface FeedbackResponsesTable {
  id: Generated<string>;
  referral_id: string;
  offer_id: string;
  provider_organisation_id: string;
  answer: string;
  comment: Generated<string>;
  answered_on: IsoDate;
  answered_at: Timestamp;
}

/** A local threshold an offer set for one of its KPIs from a month on (migration 0025); null returns to the pack's. */
export interface OfferKpiThresholdsTable {
  id: Generated<string>;
  offer_id: string;
  kpi_code: string;
  threshold_percent: number | null;
  applies_from: string;
  reason: Generated<string>;
  set_at: Timestamp;
  set_by_user_id: string | null;
  set_by_api_key_id: string | null;
}

export interface QualityTables {
  offer_kpi_thresholds: OfferKpiThresholdsTable;
  kpi_runs: KpiRunsTable;
  kpi_results: KpiResultsTable;
  kpi_result_counts: KpiResultCountsTable;
  feedback_responses: FeedbackResponsesTable;
}
