/**
 * Issue #14 item 6: `aqp payments run --month`, killed with `kill -9` at any point, then run again, gives statements
 * identical to an uninterrupted run's, and never touches an approved statement. The real command runs as a child
 * process against PostgreSQL or a PGlite data directory; kills land while it starts, and inside the close's transaction
 * (seen from outside: the lock on PostgreSQL, the close's temporary tables on disk on PGlite), of a first run and of a
 * re-run rebuilding existing drafts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KillPlan, runAqp } from '../support/aqp-process.ts';
import { aCliDatabase, type CliDatabase } from '../support/cli-database.ts';
import { approvedStatementAsStored, finishedRuns, lastRun, statementsSnapshot } from '../support/month-close-results.ts';
import { aMonthToClose, APPROVED_MONTH, KILL_MONTH, KILL_TODAY } from '../support/month-run-world.ts';

/** Lines per provider (two providers): enough for the close to take a good part of the command's time (PGlite is slower per line). */
const LINES_PER_PROVIDER = process.env.TEST_DATABASE_URL ? 10_000 : 5_000;
const LATE = LINES_PER_PROVIDER / 50;
const IN_MONTH = LINES_PER_PROVIDER - LATE;
/** Where in the close kills land, as shares of an uninterrupted close's time after its transaction is seen under way. */
const FIRST_RUN_KILLS = [0, 0.5];
const RE_RUN_KILLS = [0.2, 0.7];

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
    [before, approvedBefore] = await victim.use(async (deps) => [
      await statementsSnapshot(deps),
      await approvedStatementAsStored(deps, APPROVED_MONTH),
    ]);
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
    expect(first.stdout).toMatch(
      /^Month 2027-01 closed: 2 draft statements, \d+ lines placed \(0 released from earlier statements\); 0 budget alerts raised\.$/m,
    );
    const [run, snapshot] = await reference.use(async (deps) => [await lastRun(deps), await statementsSnapshot(deps)] as const);
    phases = { startupMs: run.startedAt - first.spawnedAt, closeMs: run.finishedAt - run.startedAt };
    uninterrupted = snapshot;

    const second = await closeMonth(reference);
    expect(second.status, second.stderr).toBe(0);
    const [again, approvedAfter, runs] = await reference.use(async (deps) => [
      await statementsSnapshot(deps),
      await approvedStatementAsStored(deps, APPROVED_MONTH),
      await finishedRuns(deps),
    ]);
    expect(again).toEqual(uninterrupted);
    expect(approvedAfter).toBe(approvedBefore);
    expect(runs).toBe(2);
    expect(uninterrupted.summary).toEqual({
      'AQP-2026-12-DEMO1-02T in-month payable': { lines: 20, pence: 70_000 },
      // late December lines, and five reversals of lines on the approved December statement
      'AQP-2027-01-DEMO1-02T adjustment payable': { lines: LATE + 5, pence: (LATE - 5) * 3500 },
      'AQP-2027-01-DEMO1-02T in-month held': { lines: 1, pence: 3500 },
      'AQP-2027-01-DEMO1-02T in-month not-paid': { lines: 8, pence: 8 * 3500 },
      // less the held line, with the reversal of a January line at minus its price
      'AQP-2027-01-DEMO1-02T in-month payable': { lines: IN_MONTH - 1 + 1, pence: (IN_MONTH - 1 - 1) * 3500 },
      'AQP-2027-01-DEMO2-02T adjustment payable': { lines: LATE, pence: LATE * 3500 },
      'AQP-2027-01-DEMO2-02T in-month payable': { lines: IN_MONTH, pence: IN_MONTH * 3500 },
    });
    console.info(
      `Uninterrupted aqp payments run on ${reference.kind} (${uninterrupted.lines.lines} statement lines): ${first.elapsedMs} ms ` +
        `(${phases.startupMs} ms starting, ${phases.closeMs} ms closing); again ${second.elapsedMs} ms`,
    );
  });

  /** Kills a close of the victim at `point` of the close's time after its transaction is seen under way (or half way through starting up). */
  async function killAt(point: number | 'starting') {
    const watch = await victim.watchForClose();
    const plan =
      point === 'starting'
        ? { afterMs: Math.round(phases.startupMs / 2) }
        : { afterMs: Math.round(point * phases.closeMs), from: watch.underWay };
    const killed = await closeMonth(victim, plan);
    await watch.close();
    const [now, approvedNow, runs] = await victim.use(async (deps) => [
      await statementsSnapshot(deps),
      await approvedStatementAsStored(deps, APPROVED_MONTH),
      await finishedRuns(deps),
    ]);
    expect(approvedNow).toBe(approvedBefore);
    return { point, underWay: killed.fromSeen, killedAtMs: killed.elapsedMs, signal: killed.signal, runs, now };
  }

  /** Closes the victim's month to the end and checks its statements are the uninterrupted run's, line for line. */
  async function closeToTheEnd() {
    const run = await closeMonth(victim);
    expect(run.status, run.stderr).toBe(0);
    const [after, approvedAfter] = await victim.use(async (deps) => [
      await statementsSnapshot(deps),
      await approvedStatementAsStored(deps, APPROVED_MONTH),
    ]);
    expect(after.statements).toEqual(uninterrupted.statements);
    expect(after.summary).toEqual(uninterrupted.summary);
    expect(after.lines).toEqual(uninterrupted.lines);
    expect(approvedAfter).toBe(approvedBefore);
  }

  it('leaves nothing of a killed first run, or all of it; a run after the kills gives exactly the uninterrupted run’s statements', async () => {
    const kills = [];
    for (const point of ['starting', ...FIRST_RUN_KILLS] as const) {
      const { now, ...kill } = await killAt(point);
      kills.push(kill);
      expect(now).toEqual(kill.runs === 0 ? before : uninterrupted);
    }
    console.info(`Kills of a first run on ${victim.kind}: ${JSON.stringify(kills)}`);
    expect(kills[0]).toMatchObject({ signal: 'SIGKILL', runs: 0 });
    expect(kills.filter((kill) => kill.underWay && kill.signal === 'SIGKILL').length).toBeGreaterThanOrEqual(FIRST_RUN_KILLS.length - 1);
    await closeToTheEnd();
  });

  it('leaves the drafts as they were when a re-run is killed while rebuilding them, and a run after gives the same statements', async () => {
    const kills = [];
    for (const point of RE_RUN_KILLS) {
      const { now, ...kill } = await killAt(point);
      kills.push(kill);
      expect(now).toEqual(uninterrupted);
    }
    console.info(`Kills of a re-run on ${victim.kind}: ${JSON.stringify(kills)}`);
    expect(kills.filter((kill) => kill.underWay && kill.signal === 'SIGKILL').length).toBeGreaterThanOrEqual(RE_RUN_KILLS.length - 1);
    await closeToTheEnd();
  });
});
