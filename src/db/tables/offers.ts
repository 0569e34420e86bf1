/** Table types for commissioners' offers (migration 0004). */
import type { ColumnType, Generated } from 'kysely';
import type { StatusHistoryTable } from '../status-history.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** ISO dates (YYYY-MM-DD) in and out. */
type DateColumn = ColumnType<string | null, string | null | undefined, string | null>;
type Json = ColumnType<unknown, string | undefined, string>;

export interface OffersTable {
  id: Generated<string>;
  number: ColumnType<number, never, never>;
  lead_organisation_id: string;
  service_id: string;
  pack_id: string;
  title: string;
  summary: Generated<string>;
  amendments: Json;
  /** The offer's own questions for applicants (migration 0007). */
  questions: Json;
  /** The items the offer's quarterly quality return asks for (migration 0026); null means the default set. */
  quality_return_items: ColumnType<unknown, string | null | undefined, string | null>;
  contract_start: DateColumn;
  contract_end: DateColumn;
  window_kind: Generated<string>;
  window_opens: DateColumn;
  window_closes: DateColumn;
  status: Generated<string>;
  created_by_user_id: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface OfferCommissionersTable {
  offer_id: string;
  organisation_id: string;
}

export interface OfferProtocolsTable {
  offer_id: string;
  version: number;
  content: Json;
  created_at: Generated<Date>;
  created_by_user_id: string | null;
}

export interface OfferPricesTable {
  offer_id: string;
  effective_from: ColumnType<string, string, string>;
  currency_code: string;
  complexity_band: string;
  price_pence: number;
  created_at: Generated<Date>;
  created_by_user_id: string | null;
}

export interface OfferDnaTermsTable {
  offer_id: string;
  effective_from: ColumnType<string, string, string>;
  currency_code: string;
  payable: boolean;
}

export interface OfferStatusHistoryTable extends StatusHistoryTable {
  offer_id: string;
}

export interface OfferTables {
  offers: OffersTable;
  offer_commissioners: OfferCommissionersTable;
  offer_protocols: OfferProtocolsTable;
  offer_prices: OfferPricesTable;
  offer_dna_terms: OfferDnaTermsTable;
  offer_status_history: OfferStatusHistoryTable;
}
