/** Starts the platform: config, database, migrations, first-start demo seed, listen, graceful shutdown. */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.ts';
import { ensureAccessCodeKeys } from '../config/access-code-keys.ts';
import { ensureSessionSecret } from '../config/session-secret.ts';
import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedNationalCatalogue } from '../domains/catalogue/catalogue.seed.ts';
import { scheduleDailyCompliance } from '../domains/compliance/compliance-schedule.ts';
import { scheduleEmailDelivery } from '../domains/email/email-schedule.ts';
import { smtpMailer } from '../domains/email/smtp-mailer.ts';
import { scheduleDailyMonthClose } from '../domains/payments/payment-schedule.ts';
import { scheduleNightlyKpis } from '../domains/provider-quality/kpi-schedule.ts';
import { scheduleChoiceWarmUp } from '../domains/provider-quality/standing-warm-up.ts';
import { isDemoSeeded, seedDemo } from '../demo/demo.seed.ts';
import { sweepExpiredWebSessions } from '../domains/identity/web-session.service.ts';
import { importReferenceDataOnFirstStart } from '../domains/reference/import/first-start-import.ts';
import { forgetStaleAttempts } from '../domains/referrals/stale-attempts.service.ts';
import { systemClock } from '../lib/clock.ts';
import { buildApp } from './app.ts';

/** Runs the server until SIGTERM or SIGINT, then closes connections and the database cleanly. */
export async function serve(baseConfig: Config, log: (line: string) => void = console.log): Promise<FastifyInstance> {
  const started = Date.now();
  const config = await ensureAccessCodeKeys(await ensureSessionSecret(baseConfig));
  const handle = await openDatabase(config);
  const deps = {
    db: handle.db,
    clock: systemClock(config.today),
    queryPeriods: config.queryPeriods,
    qualityReturnDueWorkingDays: config.qualityReturnDueWorkingDays,
    breachPeriods: config.breachPeriods,
    accessCodeKeys: config.accessCodeKeys,
  };
  const applied = await migrateToLatest(handle.db);
  if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
  const catalogue = await seedNationalCatalogue(deps);
  if (catalogue.servicesAdded)
    log(`Loaded the national catalogue: ${catalogue.servicesAdded} services, ${catalogue.packsAdded} implementation packs.`);
  if (handle.kind === 'pglite') await importReferenceDataOnFirstStart(deps, config.referenceDataDir, log);
  if (handle.kind === 'pglite' && !(await isDemoSeeded(deps))) {
    const seeded = await seedDemo(deps, { history: config.demoHistory });
    log(`Seeded the demo region: ${seeded.organisations} organisations, ${seeded.usersCreated} demo accounts (see README).`);
  }
  await sweepExpiredWebSessions(deps);

  let closing = false;
  const app = await buildApp({ config, deps, isDatabaseReady: async () => !closing && (await handle.ping(), true) });
  const sweepOnce = async () => {
    await sweepExpiredWebSessions(deps);
    await forgetStaleAttempts(deps);
  };
  const sweep = setInterval(
    () =>
      void sweepOnce().catch((error: unknown) =>
        app.log.error({ err: error }, 'could not delete expired sessions and stale attempts; will try again in 15 minutes'),
      ),
    15 * 60_000,
  );
  sweep.unref();
  const stopCompliance = scheduleDailyCompliance(deps, app.log);
  const stopMonthClose = scheduleDailyMonthClose(deps, app.log);
  const stopKpis = scheduleNightlyKpis(deps, app.log);
  // On PostgreSQL the node warms its choice read model at once (decision 0068). Embedded PGlite runs every query on this thread,
  // so warming there would hold up start and the first requests (a readiness probe answered 503 under load); its small demo
  // fills the read model as lists and searches are asked (decision 0076).
  const stopWarmUp = handle.kind === 'postgres' ? scheduleChoiceWarmUp(deps, app.log) : () => {};
  const smtp = config.smtp;
  const stopEmail = smtp ? scheduleEmailDelivery(deps, { mailer: smtpMailer(smtp), baseUrl: smtp.baseUrl }, app.log) : () => {};

  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal} received: closing`);
    setTimeout(() => {
      log('Requests still open after 10 s: exiting anyway');
      process.exit(1);
    }, 10_000).unref();
    clearInterval(sweep);
    stopCompliance();
    stopMonthClose();
    stopKpis();
    stopWarmUp();
    stopEmail();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const where = handle.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}/pglite` : 'PostgreSQL';
  if (smtp) log(`Emailing organisations about new messages through ${smtp.host}:${smtp.port} (${smtp.security})`);
  log(`AQP is running at http://localhost:${config.port} on ${where} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return app;
}
