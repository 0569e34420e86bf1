/** Every benchmark by the name `npm run bench -- <name>` takes. */
import { choiceListBenchmark } from './choice-list.bench.ts';
import { nearestSitesBenchmark } from './nearest-sites.bench.ts';
import { pagesBenchmark } from './pages.bench.ts';
import { paymentRunBenchmark } from './payment-run.bench.ts';
import { postcodeImportBenchmark } from './postcode-import.bench.ts';
import type { BenchResult } from './report.ts';

export const benchmarks: Record<string, () => Promise<BenchResult>> = {
  pages: pagesBenchmark,
  'nearest-sites': nearestSitesBenchmark,
  'postcode-import': postcodeImportBenchmark,
  'choice-list': choiceListBenchmark,
  'payment-run': paymentRunBenchmark,
};
