import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.ts';
import { authenticateApiKey } from '../../src/domains/identity/api-key.service.ts';
import { signIn } from '../../src/domains/identity/sign-in.service.ts';
import { systemClock } from '../../src/lib/clock.ts';
import { REPO_ROOT } from '../support/cli-server.ts';
import { createDatabaseFromTemplate, dropPostgresDatabase } from '../support/postgres-admin.ts';

function runAqp(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/aqp.js'), ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the aqp command line', () => {
  const env: Record<string, string> = {};
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (serverUrl) {
      const { url, name } = await createDatabaseFromTemplate(serverUrl, 'template0');
      Object.assign(env, { DATABASE_URL: url, SESSION_SECRET: 'x'.repeat(40), AQP_ACCESS_CODE_KEY: 'k'.repeat(40) });
      cleanup = () => dropPostgresDatabase(serverUrl, name);
    } else {
      const stateDir = await mkdtemp(path.join(os.tmpdir(), 'aqp-cli-'));
      env.AQP_STATE_DIR = stateDir;
      cleanup = () => rm(stateDir, { recursive: true, force: true });
    }
  });
  afterAll(() => cleanup());

  it('seeds the demo, creates an account and an API key that then authenticates', async () => {
    const seed = runAqp(['seed', '--demo', '--without-history'], env);
    expect(seed.stderr).toBe('');
    expect(seed.stdout).toContain('Demo region seeded: 10 organisations, 10 new accounts.');

    const user = runAqp(
      [
        'users',
        'create',
        '--email',
        'ops@aqp.example',
        '--name',
        'Olu Ops',
        '--role',
        'commissioner',
        '--organisation',
        '02T',
        '--password',
        'operator-password-1',
      ],
      env,
    );
    expect(user.status).toBe(0);
    expect(user.stdout).toContain('Created account');

    const duplicate = runAqp(
      [
        'users',
        'create',
        '--email',
        'OPS@aqp.example',
        '--name',
        'Olu Again',
        '--role',
        'commissioner',
        '--organisation',
        '02T',
        '--password',
        'operator-password-1',
      ],
      env,
    );
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain('An account with this email address already exists');

    const key = runAqp(['api-keys', 'create', '--organisation', 'DEMO1', '--name', 'Booking system', '--role', 'provider-clinician'], env);
    expect(key.status).toBe(0);
    const token = key.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^aqp_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);

    const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.AQP_STATE_DIR ?? '' });
    try {
      const principal = await authenticateApiKey({ db: handle.db, clock: systemClock() }, token);
      expect(principal).toMatchObject({ kind: 'api-key', name: 'Booking system', role: 'provider-clinician' });
    } finally {
      await handle.close();
    }
  }, 120_000);

  it('creates the first administrator of a new installation: a platform organisation, then its admin', () => {
    const bad = runAqp(['organisations', 'create', '--kind', 'shop', '--name', 'X'], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Choose a kind');
    const created = runAqp(['organisations', 'create', '--kind', 'platform', '--name', 'Operator of AQP'], env);
    expect(created.status).toBe(0);
    const id = /Created organisation ([0-9a-f-]{36})/.exec(created.stdout)![1]!;
    const admin = runAqp(
      [
        'users',
        'create',
        '--email',
        'first.admin@aqp.example',
        '--name',
        'First Admin',
        '--role',
        'platform-admin',
        '--organisation',
        id,
        '--password',
        'harbour lantern otter',
      ],
      env,
    );
    expect(admin.status).toBe(0);
    expect(admin.stdout).toContain('Created account');
  });

  it('refuses twelve spaces or the person’s own email as a password, saying why, and exits non-zero', () => {
    const create = (password: string) =>
      runAqp(
        [
          'users',
          'create',
          '--email',
          'weak.walter@aqp.example',
          '--name',
          'Walter Weak',
          '--role',
          'commissioner',
          '--organisation',
          '02T',
          '--password',
          password,
        ],
        env,
      );
    const spaces = create(' '.repeat(12));
    expect(spaces.status).toBe(1);
    expect(spaces.stderr).toContain('password: Password must include letters, numbers or symbols, not only spaces');
    const ownEmail = create('weak.walter@aqp.example');
    expect(ownEmail.status).toBe(1);
    expect(ownEmail.stderr).toContain('password: Password must not include your email address');
  });

  it('lets the platform operator clear a sign-in lock with aqp users unlock --email', async () => {
    const deps = async () => openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.AQP_STATE_DIR ?? '' });
    const context = { principal: null, clientAddress: '203.0.113.80' };
    const attemptSignIn = async (password: string) => {
      const handle = await deps();
      try {
        return await signIn({ db: handle.db, clock: systemClock() }, context, { email: 'national.admin@aqp.example', password }).then(
          () => 'signed in',
          (error: { code: string }) => error.code,
        );
      } finally {
        await handle.close();
      }
    };
    for (let attempt = 1; attempt <= 5; attempt += 1) expect(await attemptSignIn(`wrong guess ${attempt}`)).toBe('validation-failed');
    expect(await attemptSignIn('aqp-demo-password')).toBe('too-many-requests');

    const unlocked = runAqp(['users', 'unlock', '--email', 'National.Admin@aqp.example'], env);
    expect(unlocked.status, unlocked.stderr).toBe(0);
    expect(unlocked.stdout).toContain('Cleared the sign-in lock for National.Admin@aqp.example.');
    expect(await attemptSignIn('aqp-demo-password')).toBe('signed in');
  });

  it('refuses a role the organisation cannot give and exits non-zero', () => {
    const result = runAqp(['api-keys', 'create', '--organisation', 'DEMO1', '--name', 'Bad', '--role', 'commissioner'], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cannot give the role Commissioner');
  });

  it('runs the daily compliance checks once a day, and again only when forced', () => {
    const first = runAqp(['compliance', 'run'], env);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /^Compliance run for \d{4}-\d{2}-\d{2}: \d+ listings went live, \d+ expired, \d+ suspended; \d+ alerts raised, \d+ resolved\.$/m,
    );
    expect(runAqp(['compliance', 'run'], env).stdout).toContain('has already happened; use --force to run it again');
    expect(runAqp(['compliance', 'run', '--force'], env).stdout).toContain('Compliance run for');
  });
});
