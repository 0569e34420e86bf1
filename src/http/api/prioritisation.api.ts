/** Prioritisation runs over the API. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../domains/deps.ts';

export function registerPrioritisationApi(_scope: FastifyInstance, _deps: Deps): void {}
