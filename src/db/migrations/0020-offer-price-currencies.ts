/** Prices per currency and complexity band (issue #14 item 1; decision 0042): each price row names its pack currency, and an offer may say per currency whether a DNA is paid. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE offer_prices ADD COLUMN currency_code text`.execute(db);
  // Rows written before currencies price the pack's first currency: its own code, or the unit of an older pack's single currency.
  await sql`
    UPDATE offer_prices AS p
    SET currency_code = COALESCE(k.content -> 'currencies' -> 0 ->> 'code', k.content -> 'currency' ->> 'unit')
    FROM offers AS o JOIN implementation_packs AS k ON k.id = o.pack_id
    WHERE o.id = p.offer_id`.execute(db);
  await sql`ALTER TABLE offer_prices ALTER COLUMN currency_code SET NOT NULL`.execute(db);
  await sql`ALTER TABLE offer_prices DROP CONSTRAINT offer_prices_pkey`.execute(db);
  await sql`ALTER TABLE offer_prices ADD PRIMARY KEY (offer_id, effective_from, currency_code, complexity_band)`.execute(db);

  await sql`
    CREATE TABLE offer_dna_terms (
      offer_id uuid NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
      effective_from date NOT NULL,
      currency_code text NOT NULL,
      payable boolean NOT NULL,
      PRIMARY KEY (offer_id, effective_from, currency_code)
    )`.execute(db);
}
