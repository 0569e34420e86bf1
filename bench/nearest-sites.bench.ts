/** Nearest-N sites over 20,000 sites at real English postcodes: the k-d tree against measuring every site, in the same run. */
import { nearestByScan, SiteIndex, type IndexedSite } from '../src/domains/directory/site-index.ts';
import type { BenchResult, BenchRow } from './report.ts';
import { samplePostcodes } from './reference-sample.ts';

const SITES = 20_000;
const NEAREST = 10;

function timeQueries(
  label: string,
  points: { latitude: number; longitude: number }[],
  query: (point: { latitude: number; longitude: number }) => unknown,
): BenchRow {
  const started = process.hrtime.bigint();
  for (const point of points) query(point);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { label, perSecond: points.length / (ms / 1000), meanMs: ms / points.length };
}

export async function nearestSitesBenchmark(): Promise<BenchResult> {
  const sample = await samplePostcodes(30);
  const sites: IndexedSite[] = sample
    .slice(0, SITES * 2)
    .filter((_, i) => i % 2 === 0)
    .slice(0, SITES)
    .map((point, i) => ({
      siteId: `site-${i}`,
      organisationId: `provider-${i % 500}`,
      latitude: point.latitude,
      longitude: point.longitude,
    }));
  const queries = sample.filter((_, i) => i % 2 === 1).slice(0, 5_000);
  const buildStarted = process.hrtime.bigint();
  const index = new SiteIndex(sites);
  const buildMs = Number(process.hrtime.bigint() - buildStarted) / 1e6;
  for (const point of queries.slice(0, 200)) {
    const [fast, slow] = [index.nearest(point, NEAREST), nearestByScan(sites, point, NEAREST)];
    if (fast.some((site, i) => Math.abs(site.distanceKm - slow[i]!.distanceKm) > 1e-6))
      throw new Error('the index disagrees with the scan');
  }
  const baseline = timeQueries(`brute force: measure all ${SITES.toLocaleString('en-GB')} sites and sort`, queries.slice(0, 500), (point) =>
    nearestByScan(sites, point, NEAREST),
  );
  const rows = [
    timeQueries(`k-d tree (kdbush + geokdbush), nearest ${NEAREST}`, queries, (point) => index.nearest(point, NEAREST)),
    timeQueries(`k-d tree, nearest ${NEAREST} of one provider in 500 (filtered)`, queries, (point) =>
      index.nearest(point, NEAREST, { accept: (site) => site.organisationId === 'provider-7' }),
    ),
  ];
  return {
    description: `Nearest ${NEAREST} of ${sites.length.toLocaleString('en-GB')} sites placed at real English postcodes, queried from ${queries.length.toLocaleString('en-GB')} other real postcodes. Both give the same distances on the first 200 queries (ties between sites at one spot may be ordered differently).`,
    baseline,
    rows,
    notes: [`Building the index over ${sites.length.toLocaleString('en-GB')} sites took ${buildMs.toFixed(1)} ms.`],
  };
}
