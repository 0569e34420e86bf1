/** The soak's memory: the server process's RSS and heap sampled at a fixed interval after a full garbage collection, and whether the heap stayed flat. */

/** One sample, in MiB, at seconds since the soak began. */
export interface MemorySample {
  atSeconds: number;
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
}

/** The last minute's heap may be this much above the second minute's and still count as flat. */
export const FLAT_TOLERANCE = 0.1;

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** Samples every `intervalMs` until stopped; `read` answers after a full collection in the server's process, so the heap is what is really kept. */
export function sampleMemory(intervalMs: number, read: () => Promise<NodeJS.MemoryUsage>): { stop(): Promise<MemorySample[]> } {
  const started = Date.now();
  const samples: MemorySample[] = [];
  let reading = Promise.resolve();
  const take = () => {
    reading = reading.then(async () => {
      const usage = await read();
      samples.push({
        atSeconds: Math.round((Date.now() - started) / 1000),
        rssMb: mb(usage.rss),
        heapUsedMb: mb(usage.heapUsed),
        heapTotalMb: mb(usage.heapTotal),
        externalMb: mb(usage.external),
      });
    });
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      take();
      await reading;
      return samples;
    },
  };
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Flat when the last minute's mean heap is within the tolerance of the second minute's (the first minute warms caches and JIT); undefined when the soak is too short to say. */
export function heapVerdict(samples: MemorySample[]): { flat: boolean | undefined; words: string } {
  const end = samples.at(-1)?.atSeconds ?? 0;
  const second = samples.filter((sample) => sample.atSeconds >= 60 && sample.atSeconds < 120).map((sample) => sample.heapUsedMb);
  const last = samples.filter((sample) => sample.atSeconds >= end - 60 && sample.atSeconds >= 120).map((sample) => sample.heapUsedMb);
  if (end < 180 || !second.length || !last.length)
    return { flat: undefined, words: `The soak (${end} s) was too short to judge memory: it needs at least three minutes.` };
  const growth = mean(last) / mean(second) - 1;
  const flat = growth <= FLAT_TOLERANCE;
  return {
    flat,
    words: `Heap after a full collection: ${mean(second).toFixed(1)} MiB in the second minute, ${mean(last).toFixed(1)} MiB in the last (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%): ${flat ? 'flat' : '**growing**'} (flat means at most +${FLAT_TOLERANCE * 100}%). RSS ${Math.min(...samples.map((sample) => sample.rssMb))}–${Math.max(...samples.map((sample) => sample.rssMb))} MiB.`,
  };
}

/** The samples as a markdown table, for the report. */
export function memoryTable(samples: MemorySample[]): string {
  return [
    '| at s | RSS MiB | heap used MiB | heap total MiB | external MiB |',
    '|---:|---:|---:|---:|---:|',
    ...samples.map((s) => `| ${s.atSeconds} | ${s.rssMb} | ${s.heapUsedMb} | ${s.heapTotalMb} | ${s.externalMb} |`),
  ].join('\n');
}
