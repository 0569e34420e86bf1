/** Queries over offers' local KPI thresholds (migration 0025): each setting is a new row, so the history stays; the one in force for a month is the latest set for a month at or before it. */
import type { Executor } from '../../db/executor.ts';

export interface ThresholdSetting {
  kpiCode: string;
  /** Null when the commissioner went back to the pack's threshold. */
  thresholdPercent: number | null;
  appliesFrom: string;
  reason: string;
  setAt: Date;
  setBy: string | null;
}

/** Records a local threshold (or null: the pack's again) for a KPI of an offer, from a month on. */
export async function insertThresholdSetting(
  db: Executor,
  setting: { offerId: string; kpiCode: string; thresholdPercent: number | null; appliesFrom: string; reason: string; setAt: Date },
  by: { userId: string | null; apiKeyId: string | null },
): Promise<void> {
  await db
    .insertInto('offer_kpi_thresholds')
    .values({
      offer_id: setting.offerId,
      kpi_code: setting.kpiCode,
      threshold_percent: setting.thresholdPercent,
      applies_from: setting.appliesFrom,
      reason: setting.reason,
      set_at: setting.setAt,
      set_by_user_id: by.userId,
      set_by_api_key_id: by.apiKeyId,
    })
    .execute();
}

/** Every threshold the offer has set, newest first, with who set it. */
export async function thresholdHistoryOf(db: Executor, offerId: string): Promise<ThresholdSetting[]> {
  const rows = await db
    .selectFrom('offer_kpi_thresholds as t')
    .leftJoin('users as u', 'u.id', 't.set_by_user_id')
    .leftJoin('api_keys as k', 'k.id', 't.set_by_api_key_id')
    .select(['t.kpi_code', 't.threshold_percent', 't.applies_from', 't.reason', 't.set_at', 'u.display_name', 'k.name as key_name'])
    .where('t.offer_id', '=', offerId)
    .orderBy('t.set_at', 'desc')
    .orderBy('t.id', 'desc')
    .execute();
  return rows.map((row) => ({
    kpiCode: row.kpi_code,
    thresholdPercent: row.threshold_percent,
    appliesFrom: row.applies_from,
    reason: row.reason,
    setAt: row.set_at,
    setBy: row.display_name ?? row.key_name ?? null,
  }));
}

/** The local thresholds in force for a month on each offer (offer → KPI code → percent); a return to the pack's threshold leaves the code out. */
export async function thresholdsInForce(
  db: Executor,
  offerIds: readonly string[],
  month: string,
): Promise<Map<string, Map<string, number>>> {
  const inForce = new Map<string, Map<string, number>>(offerIds.map((id) => [id, new Map()]));
  if (offerIds.length === 0) return inForce;
  const rows = await db
    .selectFrom('offer_kpi_thresholds')
    .select(['offer_id', 'kpi_code', 'threshold_percent'])
    .where('offer_id', 'in', [...offerIds])
    .where('applies_from', '<=', month)
    .orderBy('applies_from')
    .orderBy('set_at')
    .execute();
  for (const row of rows) {
    const ofOffer = inForce.get(row.offer_id)!;
    if (row.threshold_percent === null) ofOffer.delete(row.kpi_code);
    else ofOffer.set(row.kpi_code, row.threshold_percent);
  }
  return inForce;
}
