/** Sends CSV downloads one way (decision 0067): UTF-8 with a byte order mark, `text/csv`, an attachment with a dated name, never cached (it may hold patient data). */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { csvRecordsText, UTF8_BOM } from '../../lib/csv.ts';
import type { PageRequest } from './pagination.ts';
import { csvHeader, csvRows, type ListColumns } from './list-table.ts';

/** Rows read from a list's own paged service for a download: this many at a time, and no more than the cap in one file. */
export const CSV_BATCH = 500;
export const CSV_ROW_CAP = 100_000;

/** "referrals-2027-03-01.csv": what the file is and the day it was taken, so two downloads never share a name. */
export function datedFileName(stem: string, today: string): string {
  return `${stem}-${today}.csv`;
}

function csvHeaders(reply: FastifyReply, fileName: string): FastifyReply {
  return reply
    .header('content-type', 'text/csv; charset=utf-8; header=present')
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${fileName}"`);
}

/** A CSV download named `fileName`, not stored by browsers or proxies; the byte order mark is added when the body lacks one. */
export function sendCsv(reply: FastifyReply, fileName: string, body: string) {
  return csvHeaders(reply, fileName).send(body.startsWith(UTF8_BOM) ? body : `${UTF8_BOM}${body}`);
}

/** Every row of a paged list, a batch at a time, through the page's own read (the same filter, organisation and audit). */
export async function* everyPage<Row>(read: (page: PageRequest) => Promise<{ rows: readonly Row[]; total: number }>, batch = CSV_BATCH) {
  for (let page = 1, offset = 0; offset < CSV_ROW_CAP; page += 1, offset += batch) {
    const { rows, total } = await read({ page, limit: batch, offset });
    if (rows.length) yield rows;
    if (rows.length < batch || offset + rows.length >= total) return;
  }
}

/** A list as a streamed CSV download: the page's headings, then every row in batches; the first batch is read before anything is sent, so a refusal is still a plain error page. */
export async function sendListCsv<Row>(
  reply: FastifyReply,
  fileName: string,
  columns: ListColumns<Row>,
  batches: AsyncIterable<readonly Row[]> | readonly Row[],
) {
  const iterator = Array.isArray(batches)
    ? [batches as readonly Row[]][Symbol.iterator]()
    : (batches as AsyncIterable<readonly Row[]>)[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* body() {
    yield `${UTF8_BOM}${csvRecordsText([csvHeader(columns)])}`;
    for (let batch = first; !batch.done; batch = await iterator.next()) yield csvRecordsText(csvRows(columns, batch.value));
  }
  return csvHeaders(reply, fileName).send(Readable.from(body()));
}
