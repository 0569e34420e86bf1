/** Sends a CSV file as a download that is never cached (it may hold patient data). */
import type { FastifyReply } from 'fastify';

/** A CSV download named `fileName`, not stored by browsers or proxies. */
export function sendCsv(reply: FastifyReply, fileName: string, body: string) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8; header=present')
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(body);
}
