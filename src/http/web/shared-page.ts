/** A whole page the same for every anonymous reader, kept with its gzip form so a reader's browser is sent a fifteenth of the bytes and the server compresses it once, not per request. */
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface SharedPage {
  html: string;
  gzip: Buffer;
}

/** The page and its gzip form, compressed once when the page is rendered. */
export function sharedPage(html: string): SharedPage {
  return { html, gzip: gzipSync(html) };
}

/** The weight (q) a coding is given in an Accept-Encoding header: its own entry, else `*`'s, else 0 (RFC 9110 §12.5.3). */
function weightOf(acceptEncoding: string, coding: string): number {
  let own: number | undefined;
  let any: number | undefined;
  for (const entry of acceptEncoding.split(',')) {
    const [name = '', ...parameters] = entry.split(';').map((part) => part.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (Number.isNaN(weight)) continue;
    if (name === coding || name === `x-${coding}`)
      own = weight; // x-gzip is gzip (RFC 9110 §8.4.1.3)
    else if (name === '*') any = weight;
  }
  return own ?? any ?? 0;
}

/** True when the request's Accept-Encoding allows gzip; a request without one is sent the page as it is. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return acceptEncoding !== undefined && weightOf(acceptEncoding, 'gzip') > 0;
}

/** Sends the page gzipped when the reader accepts it, as it is otherwise; either way says that the answer varies by Accept-Encoding, for caches. */
export function sendSharedPage(request: FastifyRequest, reply: FastifyReply, page: SharedPage): FastifyReply {
  reply.type('text/html; charset=utf-8').header('vary', 'Accept-Encoding');
  if (!acceptsGzip(request.headers['accept-encoding'])) return reply.send(page.html);
  return reply.header('content-encoding', 'gzip').send(page.gzip);
}
