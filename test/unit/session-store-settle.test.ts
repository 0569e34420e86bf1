import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { settle } from '../../src/http/plugins/session-store.ts';

/** A logger that keeps what was logged at error level, so the test can see the failure was reported. */
function recordingLog(): { log: FastifyBaseLogger; errors: unknown[] } {
  const errors: unknown[] = [];
  const log = { error: (...args: unknown[]) => void errors.push(args) } as unknown as FastifyBaseLogger;
  return { log, errors };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('handing a session store result to the session plugin', () => {
  it('passes the value, or the database error, to the callback once', async () => {
    const { log } = recordingLog();
    const seen: unknown[][] = [];
    settle(Promise.resolve('data'), log, (...args) => void seen.push(args));
    settle(Promise.reject(new Error('database down')), log, (...args) => void seen.push(args));
    await tick();
    expect(seen).toEqual([[null, 'data'], [new Error('database down')]]);
  });

  it('logs an error thrown by the callback instead of leaving an unhandled rejection that would stop the process', async () => {
    const { log, errors } = recordingLog();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      settle(Promise.resolve('data'), log, () => {
        throw new TypeError('Invalid character in header content ["location"]');
      });
      settle(Promise.reject(new Error('database down')), log, () => {
        throw new TypeError('reply already sent');
      });
      await tick();
      await tick();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
    expect(errors).toHaveLength(2);
  });
});
