/** Runs the named benchmarks (all by default), prints each result and writes it to bench/results/<name>.md. */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { benchmarks } from './registry.ts';
import { type BenchResult, renderMarkdown } from './report.ts';

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = requested.filter((name) => !(name in benchmarks));
if (unknown.length) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Known: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}
const names = requested.length ? requested : Object.keys(benchmarks);
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

for (const name of names) {
  console.log(`\n# ${name}`);
  const result: BenchResult = await benchmarks[name]!();
  const markdown = renderMarkdown(name, result, machine, new Date());
  console.log(markdown);
  const directory = path.join(import.meta.dirname, 'results');
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, `${name}.md`), markdown);
}
// A benchmark that found a wrong result sets process.exitCode after its report is written.
process.exit(process.exitCode ?? 0);
