/** The public AQP map: which commissioners offer which services. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';

export function registerMapPages(_app: FastifyInstance, _deps: Deps): void {}
