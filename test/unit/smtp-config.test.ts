import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';

const RELAY = {
  AQP_SMTP_HOST: 'smtp.example.nhs.uk',
  AQP_SMTP_FROM: 'aqp@example.nhs.uk',
  AQP_PUBLIC_BASE_URL: 'https://aqp.example.nhs.uk/',
};

describe('the SMTP relay in the configuration', () => {
  it('is off by default, as in the demo', () => {
    expect(loadConfig({}).smtp).toBeUndefined();
  });

  it('requires STARTTLS on port 587 unless told otherwise, and links to the public address', () => {
    expect(loadConfig(RELAY).smtp).toEqual({
      host: 'smtp.example.nhs.uk',
      port: 587,
      security: 'starttls',
      user: undefined,
      password: undefined,
      from: 'aqp@example.nhs.uk',
      baseUrl: 'https://aqp.example.nhs.uk',
    });
    expect(loadConfig({ ...RELAY, AQP_SMTP_SECURITY: 'tls' }).smtp).toMatchObject({ port: 465, security: 'tls' });
    expect(loadConfig({ ...RELAY, AQP_SMTP_PORT: '2525', AQP_SMTP_USER: 'aqp', AQP_SMTP_PASSWORD: 's3cret' }).smtp).toMatchObject({
      port: 2525,
      user: 'aqp',
      password: 's3cret',
    });
  });

  it('refuses a relay without encryption unless it is on this machine', () => {
    expect(() => loadConfig({ ...RELAY, AQP_SMTP_SECURITY: 'none' })).toThrow(ConfigError);
    expect(loadConfig({ ...RELAY, AQP_SMTP_HOST: '127.0.0.1', AQP_SMTP_SECURITY: 'none' }).smtp).toMatchObject({ port: 25 });
  });

  it('refuses a missing sender, public address or half of a sign-in, naming the variable', () => {
    expect(() => loadConfig({ ...RELAY, AQP_SMTP_FROM: 'nobody' })).toThrow(/AQP_SMTP_FROM/);
    expect(() => loadConfig({ ...RELAY, AQP_PUBLIC_BASE_URL: '' })).toThrow(/AQP_PUBLIC_BASE_URL is required/);
    expect(() => loadConfig({ ...RELAY, AQP_SMTP_USER: 'aqp' })).toThrow(/AQP_SMTP_USER and AQP_SMTP_PASSWORD/);
    expect(() => loadConfig({ ...RELAY, AQP_SMTP_PORT: '70000' })).toThrow(/AQP_SMTP_PORT/);
    expect(() => loadConfig({ ...RELAY, AQP_SMTP_SECURITY: 'ssl' })).toThrow(/AQP_SMTP_SECURITY/);
  });
});
