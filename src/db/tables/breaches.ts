/** Table types for KPI breaches, their append-only history and their remedial action plans' milestones (migration 0027, decision 0056). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type IsoDate = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface BreachesTable {
  id: Generated<string>;
  /** Shown to people as BR-00012. */
  number: Generated<number>;
  /** The stored KPI result that opened the breach; its figure is copied below, so it stays explained if the result goes. */
  kpi_result_id: string | null;
  offer_id: string;
  provider_organisation_id: string;
  commissioner_organisation_id: string;
  kpi_code: string;
  kpi_name: string;
  end_month: string;
  period_from: IsoDate;
  period_to: IsoDate;
  threshold_percent: number;
  direction: string;
  numerator: number;
  denominator: number;
  percent_tenths: number | null;
  status: Generated<string>;
  opened_on: IsoDate;
  /** The contract-management periods in force when the notice was issued (BreachPeriods), so later configuration never moves its dates. */
  periods: ColumnType<unknown, string | null | undefined, string | null>;
  notice_text: string | null;
  notice_on: NullableDate;
  respond_by: NullableDate;
  response_text: string | null;
  responded_on: NullableDate;
  meet_by: NullableDate;
  plan_number: Generated<number>;
  plan_agreed_on: NullableDate;
  finished_on: NullableDate;
  suspended_listing_id: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface BreachEventsTable {
  id: Generated<string>;
  breach_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  detail: Generated<string>;
  occurred_on: IsoDate;
  occurred_at: Timestamp;
  by_user_id: string | null;
  by_api_key_id: string | null;
}

export interface BreachMilestonesTable {
  breach_id: string;
  number: number;
  plan_number: number;
  description: string;
  due_on: IsoDate;
  met_on: NullableDate;
  missed_on: NullableDate;
}

export interface BreachTables {
  breaches: BreachesTable;
  breach_events: BreachEventsTable;
  breach_milestones: BreachMilestonesTable;
}
