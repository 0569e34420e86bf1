/** Absolute addresses of public pages, for paper: the configured public address, or else the one the request came to. */
import type { FastifyRequest } from 'fastify';

/** The full web address of a public path ("https://aqp.example.nhs.uk/referral-status"), because a printed "/referral-status" leads nowhere. */
export function publicAddressOf(request: FastifyRequest, path: string): string {
  const base = request.server.publicBaseUrl ?? `${request.protocol}://${request.host}`;
  return `${base}${path}`;
}
