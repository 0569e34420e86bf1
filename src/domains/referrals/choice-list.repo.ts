/** Queries behind the choice list: the lists offered, each stored as the patient saw it. */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import type { AuditRow } from '../identity/audit.repo.ts';
import type { ProviderQuality } from '../provider-quality/provider-quality.repo.ts';
import type { MeasuredQuality } from '../provider-quality/published-quality.rules.ts';
import type { IndicativeWait } from '../provider-quality/waits.rules.ts';
import type { ChoiceOrder } from './choice-list.rules.ts';

/** One provider on a choice list as the patient saw it; stored as offered, so later changes never rewrite what was shown. */
export interface ChoiceListEntry {
  rank: number;
  listingId: string;
  siteId: string;
  providerOrganisationId: string;
  providerName: string;
  providerOdsCode: string | null;
  siteName: string;
  siteAddress: string | null;
  sitePostcode: string;
  deliveryMode: string;
  distanceKm: number;
  distanceMiles: number;
  /** Time to accept (for GPs and commissioners). */
  wait: IndicativeWait;
  /** Time to first appointment, the wait patients mean; absent on lists stored before it was measured. */
  firstAppointmentWait?: IndicativeWait;
  /** Assured quality, and measured KPIs and feedback as shown (absent on lists offered before they were published, decision 0057). */
  quality: ProviderQuality & { contractStart: string | null } & Partial<MeasuredQuality>;
}

/** What distances were measured from: the patient's postcode, or their GP practice's when the patient has an NHS pseudo-postcode (decision 0026). */
export interface ChoiceListOrigin {
  kind: 'patient-postcode' | 'gp-practice';
  postcode: string;
}

export interface StoredChoiceList {
  id: string;
  offeredAt: Date;
  orderedBy: ChoiceOrder;
  originPostcode: string;
  origin: ChoiceListOrigin;
  entries: ChoiceListEntry[];
}

/** What a list shows, as stored: the same content hashes the same, so an unchanged list is not stored again. */
export interface ChoiceListContent {
  referralId: string;
  orderedBy: ChoiceOrder;
  origin: ChoiceListOrigin;
  /** The entries as JSON, made once for every referral shown the same entries. */
  entriesJson: string;
  contentHash: string;
  at: Date;
  userId: string | null;
}

/**
 * Stores the list as a new row unless the referral's latest list shows exactly the same, and audits the view naming the list shown,
 * with any other rows the showing needs (the referral's own view), in one statement (one round trip); earlier rows are never
 * changed, so what each patient was shown stays on record.
 */
export async function storeChoiceListShown(
  db: Executor,
  list: ChoiceListContent,
  audit: AuditRow,
  alsoAudited: readonly AuditRow[] = [],
): Promise<{ id: string; offeredAt: Date; stored: boolean }> {
  const { rows } = await sql<{ id: string; offered_at: Date; stored: boolean }>`
    WITH latest AS (
      SELECT id, offered_at, content_hash FROM choice_lists WHERE referral_id = ${list.referralId}::uuid ORDER BY seq DESC LIMIT 1
    ), inserted AS (
      INSERT INTO choice_lists (referral_id, offered_at, ordered_by, origin_postcode, origin_kind, entries, offered_by_user_id, content_hash)
      SELECT ${list.referralId}::uuid, ${list.at}::timestamptz, ${list.orderedBy}::text, ${list.origin.postcode}::text, ${list.origin.kind}::text,
             ${list.entriesJson}::jsonb, ${list.userId}::uuid, ${list.contentHash}::text
       WHERE NOT EXISTS (SELECT 1 FROM latest WHERE content_hash = ${list.contentHash})
      RETURNING id, offered_at
    ), shown AS (
      SELECT id, offered_at, true AS stored FROM inserted
      UNION ALL
      SELECT id, offered_at, false AS stored FROM latest WHERE NOT EXISTS (SELECT 1 FROM inserted)
    ), audited AS (${auditEachShown(audit)})${alsoAudited.length ? sql`, also_audited AS (${insertAuditRows(alsoAudited)})` : sql``}
    SELECT id, offered_at, stored FROM shown`.execute(db);
  const row = rows[0]!;
  return { id: row.id, offeredAt: new Date(row.offered_at), stored: row.stored };
}

/**
 * Audits the view of the referral's latest list when it shows exactly this content (its hash), with any other rows the showing
 * needs, in one statement that carries no entries; nothing is written when the content differs (or there is no list yet), and the
 * caller then stores the list with `storeChoiceListShown`.
 */
export async function auditShownIfUnchanged(
  db: Executor,
  shown: { referralId: string; contentHash: string },
  audit: AuditRow,
  alsoAudited: readonly AuditRow[] = [],
): Promise<{ id: string; offeredAt: Date } | undefined> {
  const { rows } = await sql<{ id: string; offered_at: Date }>`
    WITH latest AS (
      SELECT id, offered_at, content_hash FROM choice_lists WHERE referral_id = ${shown.referralId}::uuid ORDER BY seq DESC LIMIT 1
    ), shown AS (
      SELECT id, offered_at, false AS stored FROM latest WHERE content_hash = ${shown.contentHash}::text
    ), audited AS (${auditEachShown(audit)})${alsoAudited.length ? sql`, also_audited AS (${insertAuditRows(alsoAudited, sql`WHERE EXISTS (SELECT 1 FROM shown)`)})` : sql``}
    SELECT id, offered_at FROM shown`.execute(db);
  const row = rows[0];
  return row && { id: row.id, offeredAt: new Date(row.offered_at) };
}

/** The view's audit row for each row of the statement's `shown` (id, stored), naming the list shown and whether it was stored. */
function auditEachShown(audit: AuditRow) {
  return sql`INSERT INTO audit_events (occurred_at, actor_user_id, actor_api_key_id, organisation_id, role, action, outcome, entity_type,
      entity_id, client_address, details)
    SELECT ${audit.occurred_at}::timestamptz, ${audit.actor_user_id}::uuid, ${audit.actor_api_key_id}::uuid, ${audit.organisation_id}::uuid,
           ${audit.role}::text, ${audit.action}::text, ${audit.outcome}::text, ${audit.entity_type}::text, ${audit.entity_id}::text,
           ${audit.client_address}::text, ${audit.details}::jsonb || jsonb_build_object('choiceListId', shown.id, 'stored', shown.stored)
      FROM shown`;
}

/** A plain insert of audit rows for a statement's own CTE, made only when `when` (a WHERE clause over the statement's CTEs) holds. */
function insertAuditRows(rows: readonly AuditRow[], when = sql``) {
  const values = rows.map(
    (row) => sql`(${row.occurred_at}::timestamptz, ${row.actor_user_id}::uuid, ${row.actor_api_key_id}::uuid, ${row.organisation_id}::uuid,
      ${row.role}::text, ${row.action}::text, ${row.outcome}::text, ${row.entity_type}::text, ${row.entity_id}::text, ${row.client_address}::text,
      ${row.details}::jsonb)`,
  );
  return sql`INSERT INTO audit_events (occurred_at, actor_user_id, actor_api_key_id, organisation_id, role, action, outcome, entity_type,
      entity_id, client_address, details) SELECT * FROM (VALUES ${sql.join(values)}) AS audit_rows ${when}`;
}

/** The list most recently offered for a referral: the one a choice must come from. */
export async function latestChoiceList(db: Executor, referralId: string): Promise<StoredChoiceList | undefined> {
  const row = await db
    .selectFrom('choice_lists')
    .select(['id', 'offered_at', 'ordered_by', 'origin_postcode', 'origin_kind', 'entries'])
    .where('referral_id', '=', referralId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      offeredAt: row.offered_at,
      orderedBy: row.ordered_by as ChoiceOrder,
      originPostcode: row.origin_postcode,
      origin: { kind: row.origin_kind as ChoiceListOrigin['kind'], postcode: row.origin_postcode },
      entries: row.entries as ChoiceListEntry[],
    }
  );
}
