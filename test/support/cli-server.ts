/** Runs `aqp serve` as a real child process, the way `npm start` does, and waits until it is listening. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningServer {
  baseUrl: string;
  output: () => string;
  startedInMs: number;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Waits for the server's readiness probe to answer 200, as a load balancer does before sending it traffic: a node that has just
 * started on a loaded machine may still answer 503 (busy) for a moment after it says it is running.
 */
async function untilReady(baseUrl: string, deadline: number): Promise<void> {
  for (;;) {
    const status = await fetch(`${baseUrl}/health/ready`).then(
      (reply) => reply.arrayBuffer().then(() => reply.status),
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`${baseUrl}/health/ready still answered ${status || 'nothing'}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function startCliServer(env: Record<string, string>, timeoutMs = 120_000): Promise<RunningServer> {
  const port = await freePort();
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/aqp.js'), 'serve'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = setInterval(() => {
      if (output.includes('AQP is running')) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const startedInMs = Date.now() - started; // until it said it was running, as `aqp serve` reports its own start
  await untilReady(`http://127.0.0.1:${port}`, started + timeoutMs);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    startedInMs,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
