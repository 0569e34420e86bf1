/** Local engagement and prioritisation pages for commissioners. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';

export function registerPrioritisationPages(_app: FastifyInstance, _deps: Deps): void {}
