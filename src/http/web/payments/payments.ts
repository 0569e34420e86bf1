/** Payment pages (issue #14): activity lines and the queries on them. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { registerLinePage } from './line-page.ts';
import { registerQueryPages } from './query-pages.ts';

/** Every payments page, for commissioners' finance users and providers. */
export function registerPaymentPages(app: FastifyInstance, deps: Deps): void {
  registerLinePage(app, deps);
  registerQueryPages(app, deps);
}
