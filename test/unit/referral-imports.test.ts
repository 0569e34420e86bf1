import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const FOLDER = resolve(import.meta.dirname, '../../src/domains/referrals');

/** The referral files each referral file imports (types included: a type-only cycle still ties the two files together). */
function importsWithinFolder(): Map<string, string[]> {
  const files = readdirSync(FOLDER).filter((name) => name.endsWith('.ts'));
  return new Map(
    files.map((file) => [
      file,
      [...readFileSync(join(FOLDER, file), 'utf8').matchAll(/from '\.\/([\w.-]+\.ts)'/g)].map((match) => match[1]!),
    ]),
  );
}

/** Every cycle found by walking the imports depth first, each as the chain of files that closes it. */
function cyclesIn(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const visit = (file: string, chain: string[]) => {
    if (chain.includes(file)) return void cycles.push([...chain.slice(chain.indexOf(file)), file]);
    for (const next of graph.get(file) ?? []) visit(next, [...chain, file]);
  };
  for (const file of graph.keys()) visit(file, []);
  return cycles;
}

describe('the referrals domain’s imports', () => {
  it('have no cycles, so each file can be read and loaded on its own', () => {
    expect(cyclesIn(importsWithinFolder())).toEqual([]);
  });
});
