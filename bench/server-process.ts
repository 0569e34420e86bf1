/** Starts the national benchmarks' server in a process of its own, so the load generator's work (autocannon reading every body) is not counted against the server; both the baseline and the measured routes are asked of it. */
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

/** What the parent asks of the server process. */
export type ServerNodeRequest = { kind: 'stop' } | { kind: 'memory' };
/** What the server process tells the parent. */
export type ServerNodeMessage =
  { kind: 'ready'; base: string; warmed: { services: number; milliseconds: number } } | { kind: 'memory'; usage: NodeJS.MemoryUsage };

/** A running server process: its address, how long its warm-up took, its memory on demand, and how to stop it. */
export interface ServerProcess {
  base: string;
  warmed: { services: number; milliseconds: number };
  /** The server's memory after a full collection in its own process. */
  memory(): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
}

function nextMessage<K extends ServerNodeMessage['kind']>(child: ChildProcess, kind: K): Promise<Extract<ServerNodeMessage, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ServerNodeMessage) => {
      if (message.kind !== kind) return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolve(message as Extract<ServerNodeMessage, { kind: K }>);
    };
    const onExit = (code: number | null) => {
      child.off('message', onMessage);
      reject(new Error(`The benchmark server process exited (code ${code}) before answering "${kind}"`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * Forks bench/server-node.ts through tsx with the given database and access-code key. BENCH_SERVER_CPU_PROF=<dir> writes the
 * server's own CPU profile there when it stops (`node --cpu-prof`), without the load generator in it.
 */
export async function startServerProcess(databaseUrl: string, accessCodeKey: string): Promise<ServerProcess> {
  const profileDir = process.env.BENCH_SERVER_CPU_PROF;
  const child = fork(path.join(import.meta.dirname, 'server-node.ts'), [], {
    execArgv: ['--import', 'tsx', '--expose-gc', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
    env: { ...process.env, BENCH_NODE_DATABASE_URL: databaseUrl, BENCH_NODE_ACCESS_CODE_KEY: accessCodeKey },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A channel closed under a message (the server crashed, or Ctrl-C reached it first) is reported by `exit`, not thrown here.
  child.on('error', (error) => console.error(`The benchmark server process: ${error.message}`));
  const ask = (request: ServerNodeRequest) => {
    if (child.connected) child.send(request, () => {});
  };
  const { base, warmed } = await nextMessage(child, 'ready');
  return {
    base,
    warmed,
    memory: async () => {
      const answer = nextMessage(child, 'memory');
      ask({ kind: 'memory' });
      return (await answer).usage;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) ask({ kind: 'stop' });
      await exited;
    },
  };
}
