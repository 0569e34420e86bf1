import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** The demo data sits on top of every domain it fills, so it is left out of the cycle checks until it lives apart in src/demo. */
const isDemo = (file: string) =>
  /\.demo-(seed|data)\.ts$/.test(file) ||
  file.startsWith('src/demo/') ||
  ['src/domains/identity/demo-seed.ts', 'src/domains/identity/demo-actor.ts'].includes(file);

/** Every file under src each file imports, as paths from the repository root (type-only imports count: they tie files together too). */
function importsOfSource(): Map<string, string[]> {
  const files = readdirSync(join(ROOT, 'src'), { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `src/${name.split('\\').join('/')}`);
  const specifiers = /^\s*(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)'|^\s*import\s+'(\.[^']+)'|\bimport\(\s*'(\.[^']+)'\s*\)/gm;
  return new Map(
    files.map((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const targets = [...text.matchAll(specifiers)].map((match) =>
        relative(ROOT, resolve(ROOT, dirname(file), (match[1] ?? match[2] ?? match[3])!))
          .split('\\')
          .join('/'),
      );
      return [file, [...new Set(targets)]];
    }),
  );
}

/** The graph without the demo files, as an importer and as imported. */
function withoutDemo(graph: Map<string, string[]>): Map<string, string[]> {
  return new Map(
    [...graph].filter(([file]) => !isDemo(file)).map(([file, targets]) => [file, targets.filter((target) => !isDemo(target))]),
  );
}

/** The domain folder a file sits in (`offers` for src/domains/offers/offer.repo.ts), or null outside one. */
const domainOf = (file: string) => /^src\/domains\/([^/]+)\//.exec(file)?.[1] ?? null;

/** Folder-to-folder imports between domain folders, each with one file import that makes it, to say where to look. */
function domainGraph(files: Map<string, string[]>): { graph: Map<string, string[]>; because: Map<string, string> } {
  const graph = new Map<string, string[]>();
  const because = new Map<string, string>();
  for (const [file, targets] of files) {
    for (const target of targets) {
      const from = domainOf(file);
      const to = domainOf(target);
      if (!from || !to || from === to) continue;
      graph.set(from, [...new Set([...(graph.get(from) ?? []), to])]);
      if (!because.has(`${from}>${to}`)) because.set(`${from}>${to}`, `${file} imports ${target}`);
    }
  }
  return { graph, because };
}

/** Each knot of the graph (nodes that all reach one another), with its shortest cycle through its first node as the chain that closes it. */
function knotsIn(graph: Map<string, string[]>): { knot: string[]; cycle: string[] }[] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const knots: string[][] = [];
  const visit = (node: string) => {
    order.set(node, order.size);
    low.set(node, order.get(node)!);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!order.has(next)) visit(next);
      if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, low.get(next)!));
    }
    if (low.get(node) !== order.get(node)) return;
    const knot = stack.splice(stack.indexOf(node));
    if (knot.length > 1 || (graph.get(node) ?? []).includes(node)) knots.push(knot);
  };
  for (const node of graph.keys()) if (!order.has(node)) visit(node);
  return knots.map((knot) => ({ knot: knot.sort(), cycle: shortestCycleFrom(graph, knot.sort()[0]!, new Set(knot)) }));
}

/** The shortest way from a node back to itself, staying inside its knot. */
function shortestCycleFrom(graph: Map<string, string[]>, start: string, knot: Set<string>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const node = queue.shift()!;
    for (const next of (graph.get(node) ?? []).filter((target) => knot.has(target))) {
      if (next === start) {
        const chain = [node];
        while (chain[0] !== start) chain.unshift(cameFrom.get(chain[0]!)!);
        return [...chain, start];
      }
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, node);
      queue.push(next);
    }
  }
  return [start];
}

describe('the imports of src', () => {
  const files = importsOfSource();

  it('are read from every source file, so the checks below look at the real code', () => {
    expect(files.size).toBeGreaterThan(300);
    expect(files.get('src/domains/offers/offer.service.ts')).toContain('src/domains/offers/offer.repo.ts');
  });

  it('name the cycle in a made-up graph, so a failure below says where to look', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(knotsIn(graph)).toEqual([{ knot: ['a', 'b', 'c'], cycle: ['a', 'b', 'c', 'a'] }]);
    expect(
      knotsIn(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('run one way between domain folders: no folder depends, however indirectly, on a folder that depends on it', () => {
    const { graph, because } = domainGraph(withoutDemo(files));
    const named = knotsIn(graph).map(
      ({ knot, cycle }) =>
        `${knot.join(', ')} depend on one another, e.g. ${cycle.join(' → ')}: ${cycle
          .slice(1)
          .map((to, index) => because.get(`${cycle[index]}>${to}`))
          .join('; ')}`,
    );
    expect(named).toEqual([]);
  });

  it('form no cycle between files anywhere in src, so each file can be read and loaded on its own', () => {
    expect(knotsIn(withoutDemo(files)).map(({ cycle }) => cycle.join(' → '))).toEqual([]);
  });

  it('never lead from a domain into the web layer or the command line: domains know nothing of how they are reached', () => {
    const outward = [...files].flatMap(([file, targets]) =>
      file.startsWith('src/domains/')
        ? targets.filter((target) => /^src\/(http|cli)\//.test(target)).map((target) => `${file} imports ${target}`)
        : [],
    );
    expect(outward).toEqual([]);
  });
});
