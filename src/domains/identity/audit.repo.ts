/** The audit log: append-only rows written in the same transaction as the change or view they record. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';
import type { ActionContext } from './principal.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  outcome?: 'success' | 'denied' | 'failure';
  details?: Record<string, unknown>;
}

/** The audit row for the acting principal (or an anonymous client), for writers that insert it in a statement of their own. */
export function auditRowOf(context: ActionContext, entry: AuditEntry) {
  const principal = context.principal;
  return {
    occurred_at: new Date(),
    actor_user_id: principal?.kind === 'user' ? principal.userId : null,
    actor_api_key_id: principal?.kind === 'api-key' ? principal.apiKeyId : null,
    organisation_id: principal?.organisationId ?? null,
    role: principal?.role ?? null,
    action: entry.action,
    outcome: entry.outcome ?? 'success',
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    client_address: context.clientAddress,
    details: JSON.stringify(entry.details ?? {}),
  };
}

/** An audit row as written, for statements that insert it with their own work. */
export type AuditRow = ReturnType<typeof auditRowOf>;

/** Writes one audit row for the acting principal (or an anonymous client). */
export async function recordAudit(executor: Executor, context: ActionContext, entry: AuditEntry): Promise<void> {
  await executor.insertInto('audit_events').values(auditRowOf(context, entry)).execute();
}

/** Writes audit rows made earlier with `auditRowOf` (a view whose own statement did not run). */
export async function recordAuditRows(executor: Executor, rows: readonly AuditRow[]): Promise<void> {
  if (rows.length)
    await executor
      .insertInto('audit_events')
      .values([...rows])
      .execute();
}

export interface AuditEventRow {
  id: string;
  occurredAt: Date;
  actorName: string | null;
  organisationName: string | null;
  role: string | null;
  action: string;
  outcome: string;
  entityType: string;
  entityId: string | null;
  clientAddress: string | null;
}

/** One page of the audit log, newest first, with a total for pagination. */
export async function listAuditEvents(
  db: Kysely<Database>,
  page: { limit: number; offset: number; action?: string },
): Promise<{ rows: AuditEventRow[]; total: number }> {
  let query = db
    .selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .leftJoin('api_keys as k', 'k.id', 'a.actor_api_key_id')
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id');
  if (page.action) query = query.where('a.action', '=', page.action);
  const rows = await query
    .select([
      'a.id',
      'a.occurred_at',
      'u.display_name',
      'k.name as key_name',
      'o.name as organisation_name',
      'a.role',
      'a.action',
      'a.outcome',
      'a.entity_type',
      'a.entity_id',
      'a.client_address',
    ])
    .orderBy('a.occurred_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  return {
    total: Number(count.total),
    rows: rows.map((row) => ({
      id: String(row.id),
      occurredAt: row.occurred_at,
      actorName: row.display_name ?? (row.key_name ? `API key: ${row.key_name}` : null),
      organisationName: row.organisation_name,
      role: row.role,
      action: row.action,
      outcome: row.outcome,
      entityType: row.entity_type,
      entityId: row.entity_id,
      clientAddress: row.client_address,
    })),
  };
}
