/** Sends due emails every minute from each web node; `FOR UPDATE SKIP LOCKED` lets every node poll without sending twice (decision 0066). */
import type { Deps } from '../deps.ts';
import { sendDueEmails } from './email-delivery.service.ts';
import type { Mailer } from './smtp-mailer.ts';

const EVERY_MINUTE_MS = 60_000;

/** Polls for due emails shortly after start and then every minute, one run at a time, never keeping the process alive; returns a stop. */
export function scheduleEmailDelivery(
  deps: Deps,
  delivery: { mailer: Mailer; baseUrl: string },
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void },
  everyMs = EVERY_MINUTE_MS,
): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    sendDueEmails(deps, delivery.mailer, delivery.baseUrl)
      .then((run) => {
        if (run.sent + run.retrying + run.failed > 0) log.info({ email: run }, 'email delivery run finished');
      })
      .catch((error: unknown) => log.error({ err: error }, 'email delivery run failed; will try again in a minute'))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, Math.min(everyMs, 10_000));
  const poll = setInterval(tick, everyMs);
  first.unref();
  poll.unref();
  return () => {
    clearTimeout(first);
    clearInterval(poll);
    delivery.mailer.close();
  };
}
