/** Table types for quarterly quality returns and the items an offer asks for (migration 0026, decision 0055). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type IsoDate = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string, string>;

export interface QualityReturnsTable {
  id: Generated<string>;
  listing_id: string;
  offer_id: string;
  provider_organisation_id: string;
  /** The NHS financial quarter, "2026-27-Q1" (April to June 2026). */
  quarter: string;
  /** The items answered, copied from the offer (or the default set) when submitted. */
  items: Json;
  answers: Json;
  due_on: IsoDate;
  submitted_on: IsoDate;
  submitted_at: Timestamp;
  late: boolean;
  version: Generated<number>;
  submitted_by_user_id: string | null;
  submitted_by_api_key_id: string | null;
}

export interface QualityReturnTables {
  quality_returns: QualityReturnsTable;
}
