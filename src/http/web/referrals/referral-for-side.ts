/** The referral named in the path, for one side of it only (the referring practice or the chosen provider), with its audit row; to anyone else it does not exist. */
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { viewReferral } from '../../../domains/referrals/referral-access.service.ts';
import { DomainError } from '../../../lib/errors.ts';

/** Reads `:ubrn` from the path and returns the referral when the signed-in person is on the given side, naming the page in the audit row. */
export async function referralForSide(deps: Deps, request: FastifyRequest, side: 'referrer' | 'provider', page: string) {
  const referral = await viewReferral(deps, request.actionContext(), (request.params as { ubrn: string }).ubrn, {
    page,
    referrerOnly: side === 'referrer',
  });
  if (referral.side !== side) throw new DomainError('not-found', 'There is no referral with that reference');
  return referral;
}
