/** The national benchmarks' server as its own process (forked by server-process.ts): the real app over BENCH_NODE_DATABASE_URL, warmed as `aqp serve` warms, told apart from the load generator's CPU. */
import type { FastifyInstance } from 'fastify';
import { connectPostgres } from '../src/db/connect.ts';
import { warmChoiceReadModel } from '../src/domains/provider-quality/standing-warm-up.ts';
import { systemClock } from '../src/lib/clock.ts';
import { listeningBenchServer } from './bench-server.ts';
import type { ServerNodeMessage, ServerNodeRequest } from './server-process.ts';

const url = process.env.BENCH_NODE_DATABASE_URL;
const accessCodeKey = process.env.BENCH_NODE_ACCESS_CODE_KEY;
if (!url || !accessCodeKey || !process.send) throw new Error('server-node.ts is started by server-process.ts, not by hand');

/** Tells the runner, unless it has gone (then `disconnect` is stopping this process). */
const send = (message: ServerNodeMessage) => {
  if (process.connected) process.send!(message, undefined, {}, () => {});
};
const handle = connectPostgres(url);
const deps = { db: handle.db, clock: systemClock(), accessCodeKeys: { current: accessCodeKey } };
/** The app once it listens, so a stop during start-up closes what there is. */
const running: { app?: FastifyInstance } = {};
let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await running.app?.close();
  await handle.close();
  process.exit(0);
}

// The benchmark runner gone (crashed or killed), even while this process warms up, leaves no server behind.
process.on('disconnect', () => void stop());
const { app, base } = await listeningBenchServer(deps);
running.app = app;
// As `aqp serve` does at start (decision 0068): every public offer's providers and figures read into the node's memory.
const warmed = await warmChoiceReadModel(deps);

process.on('message', (request: ServerNodeRequest) => {
  if (request.kind === 'stop') void stop();
  if (request.kind === 'memory') {
    // Started with --expose-gc: the sample follows a full collection, so the heap is what is really kept.
    globalThis.gc?.();
    send({ kind: 'memory', usage: process.memoryUsage() });
  }
});
send({ kind: 'ready', base, warmed });
