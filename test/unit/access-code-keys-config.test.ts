import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureAccessCodeKeys } from '../../src/config/access-code-keys.ts';
import { ConfigError, loadConfig } from '../../src/config/config.ts';

const ON_POSTGRES = { DATABASE_URL: 'postgres://aqp:pw@db:5432/aqp', SESSION_SECRET: 's'.repeat(40) };
const KEY = 'k'.repeat(40);

describe('the access-code key (AQP_ACCESS_CODE_KEY, decision 0074)', () => {
  it('is read with the previous key kept for rotation', () => {
    expect(loadConfig({ ...ON_POSTGRES, AQP_ACCESS_CODE_KEY: KEY }).accessCodeKeys).toEqual({ current: KEY });
    expect(loadConfig({ ...ON_POSTGRES, AQP_ACCESS_CODE_KEY: KEY, AQP_ACCESS_CODE_PREVIOUS_KEY: 'p'.repeat(32) }).accessCodeKeys).toEqual({
      current: KEY,
      previous: 'p'.repeat(32),
    });
  });

  it.each([
    [ON_POSTGRES, 'AQP_ACCESS_CODE_KEY is required when DATABASE_URL is set (at least 32 characters)'],
    [{ ...ON_POSTGRES, AQP_ACCESS_CODE_KEY: '   ' }, 'AQP_ACCESS_CODE_KEY is required when DATABASE_URL is set'],
    [{ ...ON_POSTGRES, AQP_ACCESS_CODE_KEY: 'k'.repeat(31) }, 'AQP_ACCESS_CODE_KEY must be at least 32 characters long'],
    [{ AQP_ACCESS_CODE_KEY: 'short' }, 'AQP_ACCESS_CODE_KEY must be at least 32 characters long'],
    [
      { AQP_ACCESS_CODE_KEY: KEY, AQP_ACCESS_CODE_PREVIOUS_KEY: 'short' },
      'AQP_ACCESS_CODE_PREVIOUS_KEY must be at least 32 characters long',
    ],
    [{ AQP_ACCESS_CODE_PREVIOUS_KEY: KEY }, 'AQP_ACCESS_CODE_PREVIOUS_KEY is read only beside AQP_ACCESS_CODE_KEY'],
    [{ AQP_ACCESS_CODE_KEY: KEY, AQP_ACCESS_CODE_PREVIOUS_KEY: KEY }, 'AQP_ACCESS_CODE_PREVIOUS_KEY must differ from AQP_ACCESS_CODE_KEY'],
    [{ ...ON_POSTGRES, AQP_ACCESS_CODE_KEY: ON_POSTGRES.SESSION_SECRET }, 'AQP_ACCESS_CODE_KEY must not be the same as SESSION_SECRET'],
  ])('stops start-up with one clear line for %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('is generated once in embedded mode and kept beside the database, so codes still verify after a restart', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'aqp-key-'));
    try {
      const embedded = loadConfig({ AQP_STATE_DIR: dataDir });
      expect(embedded.accessCodeKeys).toBeUndefined();

      const first = await ensureAccessCodeKeys(embedded);
      const again = await ensureAccessCodeKeys(loadConfig({ AQP_STATE_DIR: dataDir }));

      expect(first.accessCodeKeys.current.length).toBeGreaterThanOrEqual(32);
      expect(again.accessCodeKeys).toEqual(first.accessCodeKeys);
      expect((await readFile(path.join(dataDir, 'access-code-key'), 'utf8')).trim()).toBe(first.accessCodeKeys.current);
      expect((await ensureAccessCodeKeys(loadConfig({ AQP_STATE_DIR: dataDir, AQP_ACCESS_CODE_KEY: KEY }))).accessCodeKeys).toEqual({
        current: KEY,
      });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
