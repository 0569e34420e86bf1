import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KillPlan, runAqp } from '../support/aqp-process.ts';
import { aCliDatabase, type CliDatabase } from '../support/cli-database.ts';
import {
  aMonthToClose,
  approvedStatementAsStored,
  finishedRuns,
  KILL_MONTH,
  lastRun,
  KILL_TODAY,
  statementsSnapshot,
} from '../support/month-run-world.ts';

/** Lines per provider (two providers): enough for the close to take seconds (PGlite closes about five times slower). */
const LINES_PER_PROVIDER = process.env.TEST_DATABASE_URL ? 10_000 : 5_000;
const LATE = LINES_PER_PROVIDER / 50;
const IN_MONTH = LINES_PER_PROVIDER - LATE;
/** Where in the close each kill lands, as a share of an uninterrupted close's time after its transaction is seen under way. */
const KILL_POINTS = [0, 0.45, 0.9];

type Snapshot = Awaited<ReturnType<typeof statementsSnapshot>>;

describe('aqp payments run --month, killed with kill -9 at any point and run again', () => {
  let victim: CliDatabase;
  let reference: CliDatabase;
  let before: Snapshot;
  let approvedBefore: string;
  let uninterrupted: Snapshot;
  let phases: { startupMs: number; closeMs: number };
  const closeMonth = (database: CliDatabase, kill?: KillPlan) =>
    runAqp(['payments', 'run', '--month', KILL_MONTH], { ...database.env, AQP_TODAY: KILL_TODAY }, kill);

  beforeAll(async () => {
    victim = await aCliDatabase((deps) => aMonthToClose(deps, LINES_PER_PROVIDER));
    [before, approvedBefore] = await victim.use(async (deps) => [await statementsSnapshot(deps), await approvedStatementAsStored(deps)]);
    reference = await victim.copy();
    expect((await runAqp(['--help'], {})).status).toBe(0); // builds dist/ now, so no kill lands in a build
  }, 180_000);
  afterAll(async () => Promise.all([victim?.destroy(), reference?.destroy()]));

  it('refuses a month written wrongly, or one that has not ended in England, saying why, exits non-zero and writes nothing', async () => {
    const refuse = async (month: string) => {
      const result = await runAqp(['payments', 'run', '--month', month], { ...reference.env, AQP_TODAY: KILL_TODAY });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      return result.stderr;
    };
    expect(await refuse('2027-13')).toBe('There is a problem\n  month: Enter the month as YYYY-MM, like 2027-04\n');
    expect(await refuse('2027-02')).toBe('The month 2027-02 has not ended yet: it can be closed from 2027-03-01\n');
    const missing = await runAqp(['payments', 'run'], reference.env);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("required option '--month <YYYY-MM>' not specified");
    expect(await reference.use(statementsSnapshot)).toEqual(before);
  });

  it('closes the month uninterrupted, and a second run gives the same statements and leaves the approved one as stored', async () => {
    const first = await closeMonth(reference);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Month 2027-01 closed: 2 draft statements, \d+ lines placed \(0 released from earlier statements\)\.$/m);
    const run = await reference.use(lastRun);
    phases = { startupMs: run.startedAt - first.spawnedAt, closeMs: run.finishedAt - run.startedAt };
    uninterrupted = await reference.use(statementsSnapshot);

    const second = await closeMonth(reference);
    expect(second.status, second.stderr).toBe(0);
    const [again, approvedAfter, runs] = await reference.use(async (deps) => [
      await statementsSnapshot(deps),
      await approvedStatementAsStored(deps),
      await finishedRuns(deps),
    ]);
    expect(again).toEqual(uninterrupted);
    expect(approvedAfter).toBe(approvedBefore);
    expect(runs).toBe(2);
    expect(uninterrupted.summary).toEqual({
      'AQP-2026-12-DEMO1-02T in-month payable': { lines: 20, pence: 70_000 },
      'AQP-2027-01-DEMO1-02T adjustment payable': { lines: LATE + 5, pence: (LATE - 5) * 3500 },
      'AQP-2027-01-DEMO1-02T in-month held': { lines: 1, pence: 3500 },
      'AQP-2027-01-DEMO1-02T in-month not-paid': { lines: 8, pence: 8 * 3500 },
      'AQP-2027-01-DEMO1-02T in-month payable': { lines: IN_MONTH - 1 + 1, pence: (IN_MONTH - 1 - 1) * 3500 },
      'AQP-2027-01-DEMO2-02T adjustment payable': { lines: LATE, pence: LATE * 3500 },
      'AQP-2027-01-DEMO2-02T in-month payable': { lines: IN_MONTH, pence: IN_MONTH * 3500 },
    });
    console.info(
      `Uninterrupted aqp payments run on ${reference.kind} (${uninterrupted.lines.lines} statement lines): ${first.elapsedMs} ms ` +
        `(${phases.startupMs} ms starting, ${phases.closeMs} ms closing); again ${second.elapsedMs} ms`,
    );
  });

  it('leaves nothing of a killed run, or all of it, and a run after the kills gives exactly the uninterrupted run’s statements', async () => {
    const kills = [];
    // One kill while the command starts and connects, then kills from the moment the close's transaction is seen under way.
    for (const point of [undefined, ...KILL_POINTS]) {
      const watch = await victim.watchForClose();
      const plan =
        point === undefined
          ? { afterMs: Math.round(phases.startupMs / 2) }
          : { afterMs: Math.round(point * phases.closeMs), from: watch.underWay };
      const killed = await closeMonth(victim, plan);
      await watch.close();
      const [now, approvedNow, runs] = await victim.use(async (deps) => [
        await statementsSnapshot(deps),
        await approvedStatementAsStored(deps),
        await finishedRuns(deps),
      ]);
      kills.push({ afterMs: plan.afterMs, underWay: killed.fromSeen, killedAtMs: killed.elapsedMs, signal: killed.signal, runs });
      expect(approvedNow).toBe(approvedBefore);
      if (runs === 0) expect(now).toEqual(before);
      else expect(now).toEqual(uninterrupted);
    }
    console.info(`Kills on ${victim.kind}: ${JSON.stringify(kills)}`);
    expect(kills[0]).toMatchObject({ signal: 'SIGKILL', runs: 0 });
    expect(kills.filter((kill) => kill.underWay && kill.signal === 'SIGKILL').length).toBeGreaterThanOrEqual(2);

    const rerun = await closeMonth(victim);
    expect(rerun.status, rerun.stderr).toBe(0);
    const [after, approvedAfter] = await victim.use(async (deps) => [
      await statementsSnapshot(deps),
      await approvedStatementAsStored(deps),
    ]);
    expect(after.statements).toEqual(uninterrupted.statements);
    expect(after.summary).toEqual(uninterrupted.summary);
    expect(after.lines).toEqual(uninterrupted.lines);
    expect(approvedAfter).toBe(approvedBefore);
  });
});
