/** `aqp email send`: emails organisations about their due messages now, as each web node does every minute (decision 0066). */
import type { Command } from 'commander';
import { sendDueEmails } from '../domains/email/email-delivery.service.ts';
import { smtpMailer } from '../domains/email/smtp-mailer.ts';
import { configOrExit } from './config-or-exit.ts';
import { withDatabase } from './with-database.ts';

export function registerEmailCommand(program: Command): void {
  program
    .command('email')
    .description('email delivery of outbox messages')
    .command('send')
    .description('send the emails due now (new messages, and retries whose time has come) through the SMTP relay')
    .action(async () => {
      const smtp = configOrExit().smtp;
      if (!smtp) throw new Error('Email is off: set AQP_SMTP_HOST, AQP_SMTP_FROM and AQP_PUBLIC_BASE_URL to send messages by email.');
      const mailer = smtpMailer(smtp);
      try {
        const run = await withDatabase((deps) => sendDueEmails(deps, mailer, smtp.baseUrl));
        console.log(`Emails: ${run.sent} sent, ${run.retrying} to try again later, ${run.failed} failed.`);
      } finally {
        mailer.close();
      }
    });
}
