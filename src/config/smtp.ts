/** The SMTP relay for emailing organisations about new messages (decision 0066): off unless AQP_SMTP_HOST is set, as in the demo. */
import { EMAIL } from '../domains/providers/provider-profile.rules.ts';
import type { SmtpSecurity, SmtpSettings } from '../domains/email/smtp-mailer.ts';

const SECURITIES: SmtpSecurity[] = ['starttls', 'tls', 'none'];
const DEFAULT_PORTS: Record<SmtpSecurity, number> = { tls: 465, starttls: 587, none: 25 };
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/**
 * Reads AQP_SMTP_HOST, _PORT, _SECURITY (starttls, tls or none), _USER, _PASSWORD and _FROM; links point at AQP_PUBLIC_BASE_URL,
 * which must then be set. `none` (no encryption) is refused except to a relay on this machine.
 */
export function smtpFrom(env: NodeJS.ProcessEnv, baseUrl: string | undefined, fail: (message: string) => Error): SmtpSettings | undefined {
  const value = (name: string) => env[name]?.trim() || undefined;
  const host = value('AQP_SMTP_HOST');
  if (!host) return undefined;
  const security = (value('AQP_SMTP_SECURITY')?.toLowerCase() ?? 'starttls') as SmtpSecurity;
  if (!SECURITIES.includes(security)) throw fail(`AQP_SMTP_SECURITY must be one of ${SECURITIES.join(', ')}, not "${security}".`);
  if (security === 'none' && !LOOPBACK.test(host))
    throw fail(`AQP_SMTP_SECURITY=none sends email unencrypted, so it is allowed only to a relay on this machine, not "${host}".`);
  const portText = value('AQP_SMTP_PORT');
  if (portText && (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535))
    throw fail(`AQP_SMTP_PORT must be a whole number from 1 to 65535, not "${portText}".`);
  const [user, password] = [value('AQP_SMTP_USER'), env.AQP_SMTP_PASSWORD || undefined];
  if (Boolean(user) !== Boolean(password)) throw fail('AQP_SMTP_USER and AQP_SMTP_PASSWORD go together: set both or neither.');
  const from = value('AQP_SMTP_FROM');
  if (!from || !EMAIL.test(from))
    throw fail(`AQP_SMTP_FROM must be the sender's email address, like aqp@example.nhs.uk, not "${from ?? ''}".`);
  if (!baseUrl) throw fail('AQP_PUBLIC_BASE_URL is required when AQP_SMTP_HOST is set: emails link to it for people to sign in.');
  return { host, port: portText ? Number(portText) : DEFAULT_PORTS[security], security, user, password, from, baseUrl };
}
