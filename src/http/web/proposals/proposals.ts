/** Locally proposed services and their regional assessment. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';

export function registerProposalPages(_app: FastifyInstance, _deps: Deps): void {}
