/** In embedded mode the session secret is generated once and kept beside the database, so sign-ins survive restarts. */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config.ts';

/** Returns the config with a session secret: the configured one, or the one kept in `dataDir` (created if absent). */
export async function ensureSessionSecret(config: Config): Promise<Config & { sessionSecret: string }> {
  if (config.sessionSecret) return { ...config, sessionSecret: config.sessionSecret };
  const file = path.join(config.dataDir, 'session-secret');
  try {
    const kept = (await readFile(file, 'utf8')).trim();
    if (kept.length >= 32) return { ...config, sessionSecret: kept };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('base64url');
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return { ...config, sessionSecret: secret };
}
