/** A real SMTP server on a random loopback port for email tests (smtp-server): keeps what it accepts, or refuses with a code when told. */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { SmtpSettings } from '../../src/domains/email/smtp-mailer.ts';

export interface ReceivedEmail {
  from: string;
  to: string[];
  subject: string;
  /** The decoded plain-text body. */
  text: string;
  /** Everything the server received, headers and encoded body. */
  raw: string;
}

export interface SmtpInbox {
  received: ReceivedEmail[];
  /** Settings that point AQP's mailer at this server. */
  settings: SmtpSettings;
  /** Refuses every recipient with this reply (e.g. 451 or 550) until `accept()`; counts the refusals. */
  refuseWith(code: number, text: string): void;
  accept(): void;
  refusals: number;
  close(): Promise<void>;
}

/** Starts the server and resolves once it listens. */
export async function startSmtpInbox(): Promise<SmtpInbox> {
  let refusal: { code: number; text: string } | undefined;
  const inbox = { received: [] as ReceivedEmail[], refusals: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!refusal) return callback();
      inbox.refusals += 1;
      callback(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        inbox.received.push({ from, to: session.envelope.rcptTo.map((r) => r.address), ...parse(raw), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return Object.assign(inbox, {
    settings: {
      host: '127.0.0.1',
      port,
      security: 'none' as const,
      user: undefined,
      password: undefined,
      from: 'aqp-no-reply@aqp.example',
      baseUrl: 'https://aqp.example.nhs.uk',
    },
    refuseWith: (code: number, text: string) => void (refusal = { code, text }),
    accept: () => void (refusal = undefined),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** The subject and decoded text of a single-part email (7bit, quoted-printable or base64), enough for AQP's plain-text emails. */
function parse(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body, 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8')
        : body;
  return { subject: header('Subject'), text: text.replace(/\r\n/g, '\n').trim() };
}
