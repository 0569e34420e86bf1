/** The activity lines of one calendar month, as their provider or the commissioner paying for them reads them (decision 0044). */
import type { Executor } from '../../db/executor.ts';
import type { StoredLine } from './activity-line.repo.ts';

export interface ListedLine extends StoredLine {
  id: string;
  receivedAt: Date;
  providerName: string;
}

/** Who is reading: a provider sees the lines it sent; a commissioner sees the lines paid by it or by the places under it. */
export type LineReader = { providerId: string } | { commissionerId: string };

/** Every line dated in [from, to), oldest first, that the reader may see. */
export async function linesDatedBetween(db: Executor, reader: LineReader, from: string, to: string): Promise<ListedLine[]> {
  let query = db
    .selectFrom('activity_lines as a')
    .innerJoin('organisations as p', 'p.id', 'a.provider_organisation_id')
    .select([
      'a.id',
      'a.provider_line_id as providerLineId',
      'a.referral_reference as referralReference',
      'a.currency_code as currencyCode',
      'a.complexity_band as complexityBand',
      'a.activity_date as activityDate',
      'a.attendance_code as attendanceCode',
      'a.kind',
      'a.reverses_line_id as reversesLineId',
      'a.status',
      'a.rejection_reason as rejectionReason',
      'a.price_pence as pricePence',
      'a.source',
      'a.received_at as receivedAt',
      'p.name as providerName',
    ])
    .where('a.activity_date', '>=', from)
    .where('a.activity_date', '<', to);
  if ('providerId' in reader) query = query.where('a.provider_organisation_id', '=', reader.providerId);
  else
    query = query.where((eb) =>
      eb.or([
        eb('a.commissioner_organisation_id', '=', reader.commissionerId),
        eb(
          'a.commissioner_organisation_id',
          'in',
          eb.selectFrom('organisations').select('id').where('parent_id', '=', reader.commissionerId),
        ),
      ]),
    );
  return query.orderBy('a.activity_date').orderBy('a.seq').execute();
}
