/** In embedded mode the session secret is generated once and kept beside the database, so sign-ins survive restarts. */
import type { Config } from './config.ts';
import { keptSecret } from './kept-secret.ts';

/** Returns the config with a session secret: the configured one, or the one kept in `dataDir` (created if absent). */
export async function ensureSessionSecret(config: Config): Promise<Config & { sessionSecret: string }> {
  if (config.sessionSecret) return { ...config, sessionSecret: config.sessionSecret };
  return { ...config, sessionSecret: await keptSecret(config.dataDir, 'session-secret') };
}
