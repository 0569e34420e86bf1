/** The keys patients' access codes are kept under (decision 0074): read from the environment, or generated once beside the embedded database. */
import type { AccessCodeKeys } from '../domains/referrals/access-code-hash.ts';
import { keptSecret } from './kept-secret.ts';

const MIN_KEY_LENGTH = 32;

/** AQP_ACCESS_CODE_KEY (required with DATABASE_URL) and the optional AQP_ACCESS_CODE_PREVIOUS_KEY still accepted while codes move to the new key. */
export function accessCodeKeysFrom(
  env: NodeJS.ProcessEnv,
  options: { databaseUrl: string | undefined; sessionSecret: string | undefined },
  fail: (message: string) => Error,
): AccessCodeKeys | undefined {
  const current = env.AQP_ACCESS_CODE_KEY?.trim() || undefined;
  const previous = env.AQP_ACCESS_CODE_PREVIOUS_KEY?.trim() || undefined;
  if (!current) {
    if (options.databaseUrl)
      throw fail(
        `AQP_ACCESS_CODE_KEY is required when DATABASE_URL is set (at least ${MIN_KEY_LENGTH} characters): patients' access codes are kept hashed under it, outside the database.`,
      );
    if (previous) throw fail('AQP_ACCESS_CODE_PREVIOUS_KEY is read only beside AQP_ACCESS_CODE_KEY: set the new key there too.');
    return undefined;
  }
  for (const [name, key] of [
    ['AQP_ACCESS_CODE_KEY', current],
    ['AQP_ACCESS_CODE_PREVIOUS_KEY', previous],
  ] as const) {
    if (key !== undefined && key.length < MIN_KEY_LENGTH) throw fail(`${name} must be at least ${MIN_KEY_LENGTH} characters long.`);
    if (key !== undefined && key === options.sessionSecret) throw fail(`${name} must not be the same as SESSION_SECRET.`);
  }
  if (previous === current) throw fail('AQP_ACCESS_CODE_PREVIOUS_KEY must differ from AQP_ACCESS_CODE_KEY.');
  return previous ? { current, previous } : { current };
}

/** In embedded mode without a configured key, the key kept in `dataDir/access-code-key` (created on first start), so codes still verify after a restart. */
export async function ensureAccessCodeKeys<T extends { accessCodeKeys: AccessCodeKeys | undefined; dataDir: string }>(
  config: T,
): Promise<T & { accessCodeKeys: AccessCodeKeys }> {
  if (config.accessCodeKeys) return { ...config, accessCodeKeys: config.accessCodeKeys };
  return { ...config, accessCodeKeys: { current: await keptSecret(config.dataDir, 'access-code-key') } };
}
