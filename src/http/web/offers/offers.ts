/** Commissioners' offers: open an AQP service from a pack version, amend, price, publish. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';

export function registerOfferPages(_app: FastifyInstance, _deps: Deps): void {}
