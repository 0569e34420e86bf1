/** The one shape of the three append-only status histories (offers, applications, listings): their columns, the change written and who made it (decision 0038). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** The columns every status history table has, beside the id of what changed (and, for applications and listings, an insertion order). */
export interface StatusHistoryTable {
  id: Generated<string>;
  from_status: string | null;
  to_status: string;
  reason: Generated<string>;
  changed_at: Timestamp;
  changed_by_user_id: string | null;
  changed_by_api_key_id: string | null;
}

/** Who made a change: a person, an API key, or neither for a scheduled run. */
export interface Actor {
  userId: string | null;
  apiKeyId: string | null;
}

/** A change of status as a repository records it. */
export interface StatusChangeToRecord<S extends string = string> {
  fromStatus: S | null;
  toStatus: S;
  reason: string;
  at: Date;
  actor: Actor;
}

/** The history columns of a change, so the three histories are written alike. */
export function statusHistoryValues(change: StatusChangeToRecord) {
  return {
    from_status: change.fromStatus,
    to_status: change.toStatus,
    reason: change.reason,
    changed_at: change.at,
    changed_by_user_id: change.actor.userId,
    changed_by_api_key_id: change.actor.apiKeyId,
  };
}

/** The columns a history read selects, joined to the person (`u`) and API key (`k`) that made each change. */
export const STATUS_HISTORY_COLUMNS = [
  'h.from_status',
  'h.to_status',
  'h.reason',
  'h.changed_at',
  'u.display_name',
  'k.name as key_name',
] as const;

/** Who made a change, as people read it: the person, else the API key, else what the caller says made it (AQP itself, or a scheduled run). */
export function changedByName<F extends string | null>(
  row: { display_name: string | null; key_name: string | null },
  otherwise: F,
): string | F {
  return row.display_name ?? (row.key_name ? `API key “${row.key_name}”` : otherwise);
}
