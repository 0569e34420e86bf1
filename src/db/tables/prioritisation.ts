/** Table types for local engagement and prioritisation (migration 0005). */
import type { ColumnType, Generated } from 'kysely';

type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** ISO dates (YYYY-MM-DD) in and out. */
type DateColumn = ColumnType<string | null, string | null | undefined, string | null>;

export interface PrioritisationRunsTable {
  id: Generated<string>;
  organisation_id: string;
  title: string;
  year_label: string;
  status: Generated<string>;
  board_name: string | null;
  approval_note: string | null;
  approved_at: NullableTimestamp;
  approved_by_user_id: string | null;
  notified_organisation_id: string | null;
  notification_text: string | null;
  notified_at: NullableTimestamp;
  created_by_user_id: string | null;
  created_at: Generated<Date>;
}

export interface PrioritisationRunMembersTable {
  run_id: string;
  organisation_id: string;
}

export interface LongListItemsTable {
  id: Generated<string>;
  run_id: string;
  service_id: string | null;
  local_name: string | null;
  local_description: string | null;
  is_short_listed: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface StakeholderResponsesTable {
  id: Generated<string>;
  item_id: string;
  stakeholder_group: string;
  priority: string;
  benefits: Generated<string>;
  comment: Generated<string>;
  source: Generated<string>;
  created_at: Generated<Date>;
}

export interface PrioritisationCriteriaTable {
  id: Generated<string>;
  run_id: string;
  kind: string;
  name: string;
  description: Generated<string>;
  weight: number;
  position: Generated<number>;
}

export interface PrioritisationScoresTable {
  item_id: string;
  criterion_id: string;
  score: number;
}

export interface MilestonesTable {
  id: Generated<string>;
  run_id: string;
  title: string;
  description: Generated<string>;
  due_on: ColumnType<string, string, string>;
  status: Generated<string>;
  completed_on: DateColumn;
  position: Generated<number>;
}

export interface PrioritisationTables {
  prioritisation_runs: PrioritisationRunsTable;
  prioritisation_run_members: PrioritisationRunMembersTable;
  long_list_items: LongListItemsTable;
  stakeholder_responses: StakeholderResponsesTable;
  prioritisation_criteria: PrioritisationCriteriaTable;
  prioritisation_scores: PrioritisationScoresTable;
  milestones: MilestonesTable;
}
