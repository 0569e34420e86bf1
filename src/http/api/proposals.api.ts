/** Local service proposals and regional assessment over the API. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../domains/deps.ts';

export function registerProposalApi(_scope: FastifyInstance, _deps: Deps): void {}
