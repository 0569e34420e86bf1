/** Runs the named benchmarks (all but the soak by default), prints each result and writes it to bench/results/<name>.md. */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { closeNationalFixture } from './national-fixture.ts';
import { benchmarks, notByDefault } from './registry.ts';
import { type BenchResult, hasWrongAnswers, renderMarkdown } from './report.ts';

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = requested.filter((name) => !(name in benchmarks));
if (unknown.length) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Known: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}
const names = requested.length ? requested : Object.keys(benchmarks).filter((name) => !notByDefault.includes(name));
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

// A benchmark interrupted (Ctrl-C) or crashed inside a load generator's callback still stops its throwaway PostgreSQL.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void closeNationalFixture().finally(() => process.exit(130)));
process.once('uncaughtException', (error) => {
  console.error(error);
  void closeNationalFixture().finally(() => process.exit(1));
});

try {
  for (const name of names) {
    console.log(`\n# ${name}`);
    const result: BenchResult = await benchmarks[name]!();
    const markdown = renderMarkdown(name, result, machine, new Date());
    console.log(markdown);
    const directory = path.join(import.meta.dirname, 'results');
    await mkdir(directory, { recursive: true });
    await writeFile(path.join(directory, `${name}.md`), markdown);
    if (hasWrongAnswers(result)) process.exitCode = 1;
  }
} finally {
  // The national dataset is built once and shared by the benchmarks that need it (choice-list, directory, referrals, soak).
  await closeNationalFixture();
}
// A benchmark that found a wrong result sets process.exitCode after its report is written.
process.exit(process.exitCode ?? 0);
