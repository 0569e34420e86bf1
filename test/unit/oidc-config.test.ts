import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';

const CIS2 = {
  AQP_CIS2_ISSUER: 'https://am.nhsint.auth-ptl.cis2.spineservices.nhs.uk/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare',
  AQP_CIS2_CLIENT_ID: 'aqp',
  AQP_CIS2_CLIENT_SECRET: 'secret',
  AQP_CIS2_REDIRECT_URI: 'https://aqp.example.nhs.uk/sign-in/cis2/callback',
};

describe('identity providers in the configuration (decision 0065)', () => {
  it('leaves CIS2 and NHS login off when nothing is set', () => {
    expect(loadConfig({})).toMatchObject({ cis2: undefined, nhsLogin: undefined });
  });

  it('turns CIS2 on when all four settings are given', () => {
    expect(loadConfig(CIS2).cis2).toEqual({
      issuer: CIS2.AQP_CIS2_ISSUER,
      clientId: 'aqp',
      clientSecret: 'secret',
      redirectUri: CIS2.AQP_CIS2_REDIRECT_URI,
    });
  });

  it('names the settings missing when only some are given', () => {
    expect(() => loadConfig({ AQP_CIS2_ISSUER: CIS2.AQP_CIS2_ISSUER })).toThrow(
      new ConfigError(
        'AQP_CIS2_CLIENT_ID, AQP_CIS2_CLIENT_SECRET, AQP_CIS2_REDIRECT_URI must also be set to sign in through AQP_CIS2_ISSUER (or unset them all).',
      ),
    );
  });

  it('refuses plain http except on this machine', () => {
    expect(() => loadConfig({ ...CIS2, AQP_CIS2_ISSUER: 'http://cis2.example' })).toThrow(/AQP_CIS2_ISSUER must be an https address/);
    expect(loadConfig({ ...CIS2, AQP_CIS2_ISSUER: 'http://127.0.0.1:4000' }).cis2?.issuer).toBe('http://127.0.0.1:4000');
  });

  it('refuses a redirect URI that is not this service’s callback for the provider', () => {
    expect(() => loadConfig({ ...CIS2, AQP_CIS2_REDIRECT_URI: 'https://aqp.example.nhs.uk/callback' })).toThrow(
      /AQP_CIS2_REDIRECT_URI must end in \/sign-in\/cis2\/callback/,
    );
  });
});
