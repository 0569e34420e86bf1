import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';

describe('loadConfig', () => {
  it('defaults to port 3000, embedded PGlite in ./data and reference data in ../shared/data', () => {
    const config = loadConfig({}, '/srv/aqp');
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dataDir: '/srv/aqp/data',
      referenceDataDir: path.resolve('/srv/shared/data'),
      nodeEnv: 'development',
      today: undefined,
    });
  });

  it('reads every variable it knows', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://aqp:pw@db:5432/aqp',
      SESSION_SECRET: 's'.repeat(40),
      AQP_ACCESS_CODE_KEY: 'k'.repeat(40),
      AQP_DATA_DIR: '/data/ref',
      AQP_TODAY: '2013-04-01',
      NODE_ENV: 'production',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://aqp:pw@db:5432/aqp',
      referenceDataDir: '/data/ref',
      today: '2013-04-01',
      nodeEnv: 'production',
    });
  });

  it.each([
    [undefined, false],
    ['false', false],
    ['0', false],
    ['true', 'loopback,linklocal,uniquelocal'],
    ['10.0.0.1, 10.0.0.0/8', '10.0.0.1,10.0.0.0/8'],
  ])('reads TRUST_PROXY=%s as %o, never as "trust every hop"', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('tells the demo its year of quality history unless AQP_DEMO_HISTORY says false', () => {
    expect(loadConfig({}).demoHistory).toBe(true);
    expect(loadConfig({ AQP_DEMO_HISTORY: 'false' }).demoHistory).toBe(false);
    expect(loadConfig({ AQP_DEMO_HISTORY: 'true' }).demoHistory).toBe(true);
  });

  it('reads AQP_PUBLIC_BASE_URL as the address printed on paper, without a trailing slash, and leaves it unset by default', () => {
    expect(loadConfig({ AQP_PUBLIC_BASE_URL: 'https://aqp.example.nhs.uk/' }).publicBaseUrl).toBe('https://aqp.example.nhs.uk');
    expect(loadConfig({ AQP_PUBLIC_BASE_URL: 'https://example.nhs.uk/aqp/' }).publicBaseUrl).toBe('https://example.nhs.uk/aqp');
    expect(loadConfig({}).publicBaseUrl).toBeUndefined();
  });

  it.each([
    [{ AQP_PUBLIC_BASE_URL: 'aqp.example.nhs.uk' }, "AQP_PUBLIC_BASE_URL must be the service's public address"],
    [{ AQP_PUBLIC_BASE_URL: 'ftp://aqp.example.nhs.uk' }, "AQP_PUBLIC_BASE_URL must be the service's public address"],
    [{ AQP_PUBLIC_BASE_URL: 'https://aqp.example.nhs.uk/?x=1' }, "AQP_PUBLIC_BASE_URL must be the service's public address"],
    [{ PORT: 'eighty' }, 'PORT must be a whole number'],
    [{ PORT: '70000' }, 'PORT must be a whole number'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with postgres://'],
    [{ DATABASE_URL: 'not a url', SESSION_SECRET: 's'.repeat(40) }, 'DATABASE_URL must be a URL'],
    [{ DATABASE_URL: 'postgres://db/aqp' }, 'SESSION_SECRET is required when DATABASE_URL is set'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET must be at least 32 characters'],
    [{ AQP_TODAY: '2013-02-30' }, 'AQP_TODAY must be a real date'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be one of development, production, test'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY must be false, true (proxies on private networks)'],
    [{ TRUST_PROXY: '2' }, 'TRUST_PROXY must be false, true (proxies on private networks)'],
    [{ AQP_DEMO_HISTORY: 'sometimes' }, 'AQP_DEMO_HISTORY must be true or false'],
  ])('stops with one line naming the variable for %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
