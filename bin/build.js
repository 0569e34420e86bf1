// Compiles src/ to dist/ (JavaScript, no type check: `npm run typecheck` does that) when dist/ is
// missing or older than any source, so `npm start` and `aqp` run a build that matches the source.
// Run by `npm install` (prepare), and by bin/aqp.js before every start; a lock keeps parallel starts
// from building at once.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.built');
const LOCK = path.join(ROOT, 'dist.lock');
const INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** The newest modification time among the TypeScript sources and the files that shape the build. */
function newestSource(dir = path.join(ROOT, 'src')) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** True when dist/ was built after the last change to any source. */
function isFresh() {
  try {
    const inputs = Math.max(newestSource(), ...INPUTS.map((name) => statSync(path.join(ROOT, name)).mtimeMs));
    return statSync(STAMP).mtimeMs >= inputs;
  } catch {
    return false;
  }
}

/** Takes the build lock, waiting for another build to finish; a lock older than five minutes is a crashed build's and is taken over. */
function lock() {
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs > 300_000) rmSync(LOCK, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      if (waited > 600_000) throw new Error('Gave up waiting for another build of dist/ to finish (dist.lock)');
    }
  }
}

/** Builds dist/ from a clean folder unless it is already fresh. */
export function ensureBuilt({ quiet = false } = {}) {
  if (isFresh()) return;
  lock();
  try {
    if (isFresh()) return;
    const started = Date.now();
    const startedAt = new Date(started);
    rmSync(DIST, { recursive: true, force: true });
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`Building dist/ failed (tsc exited with ${result.status ?? result.signal})`);
    // The stamp carries the time the build started, so a source saved during the build makes it stale.
    writeFileSync(STAMP, `${startedAt.toISOString()}\n`);
    utimesSync(STAMP, startedAt, startedAt);
    if (!quiet) process.stderr.write(`Built dist/ from src/ in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) ensureBuilt();
