/** Every benchmark by the name `npm run bench -- <name>` takes. */
import { choiceListBenchmark } from './choice-list.bench.ts';
import { directoryBenchmark } from './directory.bench.ts';
import { nearestSitesBenchmark } from './nearest-sites.bench.ts';
import { pagesBenchmark } from './pages.bench.ts';
import { paymentRunBenchmark } from './payment-run.bench.ts';
import { postcodeImportBenchmark } from './postcode-import.bench.ts';
import { referralsBenchmark } from './referrals.bench.ts';
import type { BenchResult } from './report.ts';
import { soakBenchmark } from './soak.bench.ts';

export const benchmarks: Record<string, () => Promise<BenchResult>> = {
  pages: pagesBenchmark,
  'nearest-sites': nearestSitesBenchmark,
  'postcode-import': postcodeImportBenchmark,
  'choice-list': choiceListBenchmark,
  directory: directoryBenchmark,
  referrals: referralsBenchmark,
  'payment-run': paymentRunBenchmark,
  soak: soakBenchmark,
};

/** Benchmarks run only when named: the soak takes ten minutes. */
export const notByDefault: string[] = ['soak'];
