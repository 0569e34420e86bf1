/** `aqp import <dataset|all>`: load reference data from shared/data or an operator's official downloads, with progress. */
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { describeSummary, type ImportSummary } from '../domains/reference/import/import-summary.ts';
import { DATASETS, importAll, runRecordedImport } from '../domains/reference/import/reference-import.service.ts';
import { configOrExit } from './config-or-exit.ts';
import { withDatabase } from './with-database.ts';

function progressBar() {
  const bar = new cliProgress.SingleBar(
    { format: '  {dataset} [{bar}] {percentage}% | {value}/{total} MB', hideCursor: true, noTTYOutput: false, stopOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    start(dataset: string) {
      if (started) bar.stop();
      started = false;
      bar.start(1, 0, { dataset });
      started = true;
    },
    update(bytes: number, total: number) {
      if (!started || total === 0) return;
      bar.setTotal(Math.max(1, Math.round(total / 1e6)));
      bar.update(Math.round(bytes / 1e6));
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

function report(summary: ImportSummary): void {
  console.log(describeSummary(summary));
  for (const rejection of summary.rejections.slice(0, 20)) console.log(`  line ${rejection.line}: ${rejection.reason}`);
  if (summary.rejected > 20) console.log(`  ... and ${summary.rejected - 20} more rejected rows`);
}

export function registerImportCommand(program: Command): void {
  program
    .command('import <dataset>')
    .description(`import reference data: all, or one of ${DATASETS.map((d) => d.name).join(', ')}`)
    .option('--dir <dir>', 'directory holding the files (default: AQP_DATA_DIR, ../shared/data)')
    .option('--file <file>', 'the file to import (one dataset only), e.g. an ONS Postcode Directory or Code-Point Open CSV')
    .action(async (name: string, options: { dir?: string; file?: string }) => {
      const dir = path.resolve(options.dir ?? configOrExit().referenceDataDir);
      const bar = progressBar();
      await withDatabase(async (deps) => {
        if (name === 'all') {
          if (options.file) throw new Error('--file names one dataset\'s file; use --dir with "all"');
          const result = await importAll(deps, dir, {
            onDataset: (dataset) => bar.start(dataset.name),
            onProgress: (bytes, total) => bar.update(bytes, total),
          });
          bar.stop();
          result.summaries.forEach(report);
          if (result.missing.length) console.log(`Missing from ${dir}: ${result.missing.join(', ')}`);
          return;
        }
        const dataset = DATASETS.find((d) => d.name === name);
        if (!dataset) throw new Error(`Unknown dataset "${name}". Choose all or one of: ${DATASETS.map((d) => d.name).join(', ')}`);
        bar.start(dataset.name);
        const summary = await runRecordedImport(deps, dataset, path.resolve(options.file ?? path.join(dir, dataset.file)), {
          onProgress: (bytes, total) => bar.update(bytes, total),
        });
        bar.stop();
        report(summary);
      });
    });
}
