/** Table types for regional assessment of locally proposed services (migration 0006). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface LocalServiceProposalsTable {
  id: Generated<string>;
  proposing_organisation_id: string;
  region_organisation_id: string;
  long_list_item_id: string | null;
  name: string;
  description: string;
  rationale: string;
  status: Generated<string>;
  submitted_at: NullableTimestamp;
  submitted_by_user_id: string | null;
  decided_at: NullableTimestamp;
  decided_by_user_id: string | null;
  decision_reasons: string | null;
  created_by_user_id: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ProposalAssessmentsTable {
  proposal_id: string;
  criterion: string;
  is_met: boolean;
  note: string;
  assessed_by_user_id: string | null;
  assessed_at: Timestamp;
}

export interface LocalProposalTables {
  local_service_proposals: LocalServiceProposalsTable;
  proposal_assessments: ProposalAssessmentsTable;
}
