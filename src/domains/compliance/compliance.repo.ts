/** Queries the compliance run needs: current evidence, offer rules, listings to move, alerts and the outbox. */
import type { Executor } from '../../db/executor.ts';
import { type ComplianceRule, type CurrentEvidence, DEFAULT_RULE } from './compliance.rules.ts';

/** Current (not superseded) evidence of the given providers, by provider. */
export async function currentEvidenceOf(db: Executor, organisationIds: string[]): Promise<Map<string, CurrentEvidence[]>> {
  const byProvider = new Map<string, CurrentEvidence[]>();
  if (organisationIds.length === 0) return byProvider;
  const rows = await db
    .selectFrom('assurance_evidence')
    .select(['id', 'organisation_id', 'kind', 'expires_on', 'cqc_status'])
    .where('superseded_at', 'is', null)
    .where('organisation_id', 'in', organisationIds)
    .execute();
  for (const row of rows) {
    const list = byProvider.get(row.organisation_id) ?? [];
    list.push({ id: row.id, kind: row.kind, expiresOn: row.expires_on, cqcStatus: row.cqc_status });
    byProvider.set(row.organisation_id, list);
  }
  return byProvider;
}

/** The compliance rule of each offer (the default where the commissioner set none). */
export async function rulesOf(db: Executor, offerIds: string[]): Promise<Map<string, ComplianceRule>> {
  const rules = new Map<string, ComplianceRule>(offerIds.map((id) => [id, DEFAULT_RULE]));
  if (offerIds.length === 0) return rules;
  const rows = await db.selectFrom('offer_compliance_rules').selectAll().where('offer_id', 'in', offerIds).execute();
  for (const row of rows)
    rules.set(row.offer_id, {
      suspendOnExpiredEvidence: row.suspend_on_expired_evidence,
      graceDays: row.grace_days,
      suspendOnCqcLoss: row.suspend_on_cqc_loss,
    });
  return rules;
}

/** Sets the offer's compliance rule, replacing any earlier one, with who set it and when. */
export async function saveRule(db: Executor, offerId: string, rule: ComplianceRule, userId: string | null, at: Date): Promise<void> {
  await db
    .insertInto('offer_compliance_rules')
    .values({
      offer_id: offerId,
      suspend_on_expired_evidence: rule.suspendOnExpiredEvidence,
      grace_days: rule.graceDays,
      suspend_on_cqc_loss: rule.suspendOnCqcLoss,
      updated_at: at,
      updated_by_user_id: userId,
    })
    .onConflict((oc) =>
      oc.column('offer_id').doUpdateSet({
        suspend_on_expired_evidence: rule.suspendOnExpiredEvidence,
        grace_days: rule.graceDays,
        suspend_on_cqc_loss: rule.suspendOnCqcLoss,
        updated_at: at,
        updated_by_user_id: userId,
      }),
    )
    .execute();
}

/** Listings that hold a place (qualified, contracted, live, suspended), with the fields the run needs. */
export async function currentListings(db: Executor) {
  return db
    .selectFrom('listings')
    .select([
      'id',
      'offer_id',
      'provider_organisation_id',
      'application_id',
      'status',
      'contract_start',
      'contract_end',
      'contract_accepted_at',
    ])
    .where('status', 'in', ['qualified', 'contracted', 'live', 'suspended'])
    .orderBy('id')
    .execute();
}

/** Raises an alert unless the same one is already open; true when it is new. */
export async function raiseAlert(
  db: Executor,
  alert: {
    organisationId: string;
    kind: string;
    evidenceId: string | null;
    listingId: string | null;
    detail: string;
    dueOn: string | null;
    today: string;
  },
): Promise<boolean> {
  let open = db
    .selectFrom('compliance_alerts')
    .select('id')
    .where('organisation_id', '=', alert.organisationId)
    .where('kind', '=', alert.kind)
    .where('resolved_at', 'is', null);
  open = alert.evidenceId ? open.where('evidence_id', '=', alert.evidenceId) : open.where('evidence_id', 'is', null);
  open = alert.listingId ? open.where('listing_id', '=', alert.listingId) : open.where('listing_id', 'is', null);
  if (await open.executeTakeFirst()) return false;
  await db
    .insertInto('compliance_alerts')
    .values({
      organisation_id: alert.organisationId,
      kind: alert.kind,
      evidence_id: alert.evidenceId,
      listing_id: alert.listingId,
      detail: alert.detail,
      due_on: alert.dueOn,
      raised_on: alert.today,
    })
    .execute();
  return true;
}

/** Resolves open evidence alerts that no longer hold (the evidence was replaced, renewed or the status restored). */
export async function resolveAlertsExcept(db: Executor, stillOpen: { evidenceId: string; kind: string }[], at: Date): Promise<number> {
  let query = db
    .updateTable('compliance_alerts')
    .set({ resolved_at: at })
    .where('resolved_at', 'is', null)
    .where('kind', 'in', ['evidence-due', 'evidence-expired', 'cqc-status']);
  if (stillOpen.length)
    query = query.where((eb) =>
      eb.not(eb.or(stillOpen.map((item) => eb.and([eb('evidence_id', '=', item.evidenceId), eb('kind', '=', item.kind)])))),
    );
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Puts a message in an organisation's outbox, the platform's own inbox for notices. */
export async function sendMessage(
  db: Executor,
  message: { organisationId: string; subject: string; body: string; entityType?: string; entityId?: string },
): Promise<void> {
  await db
    .insertInto('outbox_messages')
    .values({
      organisation_id: message.organisationId,
      subject: message.subject,
      body: message.body,
      entity_type: message.entityType ?? null,
      entity_id: message.entityId ?? null,
    })
    .execute();
}
