/** The identity providers the configuration turns on, as relying parties with the scopes each needs (decision 0065). */
import type { Config } from '../../../config/config.ts';
import { NHS_LOGIN_SCOPES } from '../referrals/nhs-login.ts';
import { CIS2_SCOPES } from './cis2-sign-in.ts';
import type { FederatedSignIn } from './federated-session.ts';
import { relyingParty } from './oidc-relying-party.ts';

/** A relying party for each provider configured; none when the environment sets none. */
export function federatedSignInFrom(config: Pick<Config, 'cis2' | 'nhsLogin'>): FederatedSignIn {
  return {
    ...(config.cis2 ? { cis2: relyingParty(config.cis2, CIS2_SCOPES) } : {}),
    ...(config.nhsLogin ? { nhsLogin: relyingParty(config.nhsLogin, NHS_LOGIN_SCOPES) } : {}),
  };
}
