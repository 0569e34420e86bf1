/** Offers over the API. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../domains/deps.ts';

export function registerOfferApi(_scope: FastifyInstance, _deps: Deps): void {}
