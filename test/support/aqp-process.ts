/** Runs the real `aqp` command (bin/aqp.js) as a child process, to completion or until the test kills it with SIGKILL. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './cli-server.ts';

export interface AqpOutcome {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The wall clock when the process was spawned (epoch ms). */
  spawnedAt: number;
  /** From spawning to the end of the process. */
  elapsedMs: number;
  /** When the kill waited for `from`: whether `from` had said yes by then. */
  fromSeen?: boolean;
}

/** When to kill: `afterMs` after spawning, or after `from` (polled) first says yes. */
export interface KillPlan {
  afterMs: number;
  from?: () => Promise<boolean>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `aqp args` with only `env` (and PATH, HOME); with a kill plan, sends SIGKILL at its moment if the command is still
 * running, the way an operator's `kill -9` or the kernel's OOM killer would end it.
 */
export function runAqp(args: string[], env: Record<string, string>, kill?: KillPlan): Promise<AqpOutcome> {
  const spawnedAt = Date.now();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/aqp.js'), ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let fromSeen: boolean | undefined;
  let ended = false;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killer = async (plan: KillPlan) => {
    if (plan.from) {
      fromSeen = false;
      while (!ended && !(fromSeen = await plan.from())) await sleep(5);
    }
    await sleep(plan.afterMs);
    if (!ended) child.kill('SIGKILL');
  };
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status, signal) => {
      ended = true;
      resolve({ status, signal, stdout, stderr, spawnedAt, elapsedMs: Math.round(performance.now() - started), fromSeen });
    });
    if (kill) killer(kill).catch(reject);
  });
}
