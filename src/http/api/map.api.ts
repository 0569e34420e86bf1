/** The AQP map as open data. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../domains/deps.ts';

export function registerMapApi(_scope: FastifyInstance, _deps: Deps): void {}
