/** Table types for budget plans, their versions, alert thresholds and alerts (migration 0023, decision 0048): versions and alerts are never updated. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, never>;
type Immutable<T> = ColumnType<T, T, never>;

export interface BudgetPlansTable {
  id: Generated<string>;
  commissioner_organisation_id: Immutable<string>;
  service_id: Immutable<string>;
  financial_year: Immutable<string>;
  created_at: Timestamp;
}

export interface BudgetPlanVersionsTable {
  plan_id: Immutable<string>;
  version: Immutable<number>;
  amount_pence: Immutable<number>;
  phasing: Immutable<string>;
  monthly_pence: ColumnType<number[], string, never>;
  source: Immutable<string>;
  set_at: Timestamp;
  set_by_user_id: Immutable<string | null>;
  set_by_api_key_id: Immutable<string | null>;
}

export interface BudgetAlertThresholdsTable {
  commissioner_organisation_id: Immutable<string>;
  percent: Immutable<number>;
}

export interface BudgetAlertsTable {
  id: Generated<string>;
  plan_id: Immutable<string>;
  threshold_percent: Immutable<number>;
  plan_version: Immutable<number>;
  plan_pence: Immutable<number>;
  forecast_pence: Immutable<number>;
  raised_on: Immutable<string>;
  raised_at: Timestamp;
}

export interface BudgetTables {
  budget_plans: BudgetPlansTable;
  budget_plan_versions: BudgetPlanVersionsTable;
  budget_alert_thresholds: BudgetAlertThresholdsTable;
  budget_alerts: BudgetAlertsTable;
}
