/** One loader that validates the environment into a typed object; a bad value stops start-up with one clear line. */
import path from 'node:path';
import { DEFAULT_QUERY_PERIODS, type QueryPeriods } from '../domains/payments/line-query.rules.ts';
import { DEFAULT_RETURN_DUE_WORKING_DAYS } from '../domains/provider-quality/quality-quarter.rules.ts';
import type { BreachPeriods } from '../domains/provider-quality/breach.rules.ts';
import { isIsoDate } from '../lib/iso-date.ts';
import type { SmtpSettings } from '../domains/email/smtp-mailer.ts';
import { breachPeriodsFrom } from './breach-periods.ts';
import { smtpFrom } from './smtp.ts';
import { type OidcClientConfig, oidcClientFrom } from './oidc-config.ts';
import type { AccessCodeKeys } from '../domains/referrals/access-code-hash.ts';
import { accessCodeKeysFrom } from './access-code-keys.ts';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  port: number;
  host: string;
  /** A PostgreSQL server; absent means the embedded PGlite database in `dataDir/pglite`. */
  databaseUrl: string | undefined;
  /** Where the embedded database and generated secrets live (`./data`). */
  dataDir: string;
  /** Where the Open Government Licence reference data is read from. */
  referenceDataDir: string;
  /** Signs session cookies; undefined in embedded mode until `ensureSessionSecret` supplies one. */
  sessionSecret: string | undefined;
  /** Keys patients' access codes (decision 0074); undefined in embedded mode until `ensureAccessCodeKeys` supplies one. */
  accessCodeKeys: AccessCodeKeys | undefined;
  /** A fixed "today" for the clock, for demos and tests. */
  today: string | undefined;
  nodeEnv: NodeEnv;
  logLevel: LogLevel;
  /** Which proxies' X-Forwarded-* to believe: none, those on private networks, or named addresses; never "every hop", which would let clients choose their own address. */
  trustProxy: false | string;
  /** Whether the demo's first seed tells its year of quality history (decision 0060); `AQP_DEMO_HISTORY=false` seeds in seconds without it. */
  demoHistory: boolean;
  /** How many anonymous reads of public pages and the open-data API one client address may make a minute; 0 turns the limit off. */
  publicReadsPerMinute: number;
  /** Where the public reaches this service (`https://aqp.example.nhs.uk`), for addresses printed on paper; absent means the address each request came to. */
  publicBaseUrl: string | undefined;
  /** The working days to raise, answer and resolve a query on an activity line, with the contract reading they come from (decision 0047). */
  queryPeriods: QueryPeriods;
  /** Working days after a quarter ends by which its quality return is due (decision 0055; UNCONFIRMED, so configurable). */
  qualityReturnDueWorkingDays: number;
  /** The working days to respond to a contract performance notice and to meet after a response (decision 0056). */
  breachPeriods: BreachPeriods;
  /** The SMTP relay that emails organisations about new messages (decision 0066); undefined (the default and the demo) means no email. */
  smtp: SmtpSettings | undefined;
  /** Staff sign-in through NHS CIS2 (`AQP_CIS2_*`, decision 0065); undefined means off. */
  cis2: OidcClientConfig | undefined;
  /** Patients' sign-in through NHS login (`AQP_NHS_LOGIN_*`, decision 0065); undefined means off. */
  nhsLogin: OidcClientConfig | undefined;
}

/** Thrown for an invalid environment; its message is the one line printed before exit. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const NODE_ENVS: NodeEnv[] = ['development', 'production', 'test'];
const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const MIN_SECRET_LENGTH = 32;

/** Reads and validates the environment; never reads files, so it is pure and testable. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  const nodeEnv = oneOf('NODE_ENV', env.NODE_ENV, NODE_ENVS, 'development');
  const databaseUrl = optionalDatabaseUrl(env.DATABASE_URL);
  const sessionSecret = nonEmpty(env.SESSION_SECRET);
  if (databaseUrl && !sessionSecret) {
    throw new ConfigError('SESSION_SECRET is required when DATABASE_URL is set (at least 32 characters).');
  }
  if (sessionSecret && sessionSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`SESSION_SECRET must be at least ${MIN_SECRET_LENGTH} characters long.`);
  }
  const baseUrl = publicBaseUrl(env.AQP_PUBLIC_BASE_URL);
  return {
    port: port(env.PORT),
    host: nonEmpty(env.HOST) ?? '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(cwd, nonEmpty(env.AQP_STATE_DIR) ?? 'data'),
    referenceDataDir: path.resolve(cwd, nonEmpty(env.AQP_DATA_DIR) ?? '../shared/data'),
    sessionSecret,
    accessCodeKeys: accessCodeKeysFrom(env, { databaseUrl, sessionSecret }, (message) => new ConfigError(message)),
    today: today(env.AQP_TODAY),
    nodeEnv,
    logLevel: oneOf('LOG_LEVEL', env.LOG_LEVEL, LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    trustProxy: trustProxy(env.TRUST_PROXY),
    demoHistory: demoHistory(env.AQP_DEMO_HISTORY),
    publicBaseUrl: baseUrl,
    publicReadsPerMinute: wholeNumber(
      'AQP_PUBLIC_READS_PER_MINUTE',
      env.AQP_PUBLIC_READS_PER_MINUTE,
      nodeEnv === 'test' ? 0 : DEFAULT_PUBLIC_READS_PER_MINUTE,
    ),
    queryPeriods: queryPeriods(env),
    qualityReturnDueWorkingDays: workingDays('AQP_QUALITY_RETURN_DUE_WORKING_DAYS', env, DEFAULT_RETURN_DUE_WORKING_DAYS),
    breachPeriods: breachPeriodsFrom(env, (message) => new ConfigError(message)),
    smtp: smtpFrom(env, baseUrl, (message) => new ConfigError(message)),
    cis2: oidcClientFrom('cis2', env, (message) => new ConfigError(message)),
    nhsLogin: oidcClientFrom('nhsLogin', env, (message) => new ConfigError(message)),
  };
}

/** Two pages a second, sustained for a minute: more than a person reading the directory needs, far less than a scraper wants (decision 0023). */
export const DEFAULT_PUBLIC_READS_PER_MINUTE = 120;

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  const text = nonEmpty(value);
  if (text === undefined) return fallback;
  if (!/^\d{1,9}$/.test(text)) throw new ConfigError(`${name} must be a whole number (0 turns it off), not "${text}".`);
  return Number(text);
}

/** A count of working days from 1 to 250 (a year of them) read from the environment, or the fallback. */
function workingDays(name: string, env: NodeJS.ProcessEnv, fallback: number): number {
  const text = nonEmpty(env[name]);
  if (text === undefined) return fallback;
  if (!/^\d{1,3}$/.test(text) || Number(text) < 1 || Number(text) > 250)
    throw new ConfigError(`${name} must be a whole number of working days from 1 to 250, not "${text}".`);
  return Number(text);
}

/** The line-query periods: each count from 1 to 250 working days (a year of them); a deployment that changes any says whose reading it follows. */
function queryPeriods(env: NodeJS.ProcessEnv): QueryPeriods {
  const days = (name: string, fallback: number) => workingDays(name, env, fallback);
  const periods = {
    raiseWithinWorkingDays: days('AQP_QUERY_RAISE_WORKING_DAYS', DEFAULT_QUERY_PERIODS.raiseWithinWorkingDays),
    answerWithinWorkingDays: days('AQP_QUERY_ANSWER_WORKING_DAYS', DEFAULT_QUERY_PERIODS.answerWithinWorkingDays),
    resolveWithinWorkingDays: days('AQP_QUERY_RESOLVE_WORKING_DAYS', DEFAULT_QUERY_PERIODS.resolveWithinWorkingDays),
  };
  const changed = (Object.keys(periods) as (keyof typeof periods)[]).some((key) => periods[key] !== DEFAULT_QUERY_PERIODS[key]);
  const edition = nonEmpty(env.AQP_QUERY_PERIODS_EDITION);
  if (edition && edition.length > 200) throw new ConfigError('AQP_QUERY_PERIODS_EDITION must be at most 200 characters.');
  return {
    edition: edition ?? (changed ? 'Set by this deployment (AQP_QUERY_*_WORKING_DAYS)' : DEFAULT_QUERY_PERIODS.edition),
    ...periods,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function port(value: string | undefined): number {
  const text = nonEmpty(value);
  if (text === undefined) return 3000;
  const parsed = Number(text);
  if (!/^\d+$/.test(text) || parsed < 0 || parsed > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, not "${text}".`);
  }
  return parsed;
}

function optionalDatabaseUrl(value: string | undefined): string | undefined {
  const text = nonEmpty(value);
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError('DATABASE_URL must be a URL such as postgres://user:password@host:5432/aqp.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, not "${url.protocol}//".`);
  }
  return text;
}

/** An http(s) address without query or fragment, kept without its trailing slash so paths can be appended. */
function publicBaseUrl(value: string | undefined): string | undefined {
  const text = nonEmpty(value);
  if (text === undefined) return undefined;
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username) {
    throw new ConfigError(`AQP_PUBLIC_BASE_URL must be the service's public address, such as https://aqp.example.nhs.uk, not "${text}".`);
  }
  return url.href.replace(/\/+$/, '');
}

function today(value: string | undefined): string | undefined {
  const text = nonEmpty(value);
  if (text === undefined) return undefined;
  if (!isIsoDate(text)) throw new ConfigError(`AQP_TODAY must be a real date written YYYY-MM-DD, not "${text}".`);
  return text;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  const text = nonEmpty(value);
  if (text === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(text)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, not "${text}".`);
  }
  return text as T;
}

const ADDRESS = /^(((\d{1,3}\.){3}\d{1,3}|[0-9a-f]*:[0-9a-f:.]+)(\/\d{1,3})?|loopback|linklocal|uniquelocal)$/;
/** true unless said false: the demo's year of quality history is told unless a quick start is asked for. */
function demoHistory(value: string | undefined): boolean {
  const text = nonEmpty(value)?.toLowerCase();
  if (text === undefined || text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw new ConfigError(`AQP_DEMO_HISTORY must be true or false, not "${value}".`);
}

/** proxy-addr's names for proxies on this machine or a private network. */
export const PRIVATE_PROXIES = 'loopback,linklocal,uniquelocal';

/** false: none; true: proxies on loopback or private networks; a comma list: those addresses or CIDR ranges. The chain is read from the socket back to the first untrusted address, so a client's own X-Forwarded-For entries are ignored. */
function trustProxy(value: string | undefined): false | string {
  const text = nonEmpty(value)?.toLowerCase();
  if (text === undefined || text === 'false' || text === '0') return false;
  if (text === 'true' || text === '1') return PRIVATE_PROXIES;
  const addresses = text.split(',').map((part) => part.trim());
  if (addresses.every((address) => ADDRESS.test(address))) return addresses.join(',');
  throw new ConfigError(
    `TRUST_PROXY must be false, true (proxies on private networks) or a comma-separated list of proxy addresses, not "${value}".`,
  );
}
