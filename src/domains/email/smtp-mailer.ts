/** Sends AQP's emails through the deployment's SMTP relay with nodemailer (decision 0066); built only when SMTP is configured. */
import nodemailer from 'nodemailer';

/** How the relay's connection is protected: TLS from the start (port 465), STARTTLS required (587), or none (loopback only). */
export type SmtpSecurity = 'tls' | 'starttls' | 'none';

export interface SmtpSettings {
  host: string;
  port: number;
  security: SmtpSecurity;
  /** Sign-in to the relay; both or neither. */
  user: string | undefined;
  password: string | undefined;
  /** The sender's address, like aqp-no-reply@example.nhs.uk. */
  from: string;
  /** Where people sign in, for the link in each email (AQP_PUBLIC_BASE_URL). */
  baseUrl: string;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

/** Something that sends an email or throws why it could not; the delivery service needs nothing else. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/** A mailer over one SMTP transport with short timeouts, so a silent relay fails an attempt rather than hanging it. */
export function smtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(email) {
      await transport.sendMail({ from: { name: 'AQP (Any Qualified Provider)', address: settings.from }, ...email });
    },
    close: () => transport.close(),
  };
}
