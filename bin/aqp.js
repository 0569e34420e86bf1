#!/usr/bin/env node
// The `aqp` command: runs the compiled build in dist/, building it first when the source is newer
// (decision 0006). AQP_FROM_SOURCE=1 runs the TypeScript through tsx instead, for development.
if (process.env.AQP_FROM_SOURCE === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
} else {
  const { ensureBuilt } = await import('./build.js');
  ensureBuilt({ quiet: !process.stderr.isTTY });
  await import('../dist/cli/main.js');
}
