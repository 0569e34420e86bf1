import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const exportedFunction = /^export (?:async )?function\*? ?(\w+)/;

/** Whether the lines just above `index` (blank lines skipped) are a whole `/** … *\/` block. */
function hasTsDocAbove(lines: string[], index: number): boolean {
  let end = index - 1;
  while (end >= 0 && lines[end]!.trim() === '') end--;
  if (end < 0 || !lines[end]!.trimEnd().endsWith('*/')) return false;
  for (let start = end; start >= 0; start--) {
    const line = lines[start]!.trim();
    if (line.startsWith('/**')) return true;
    if (line.includes('/*') || (start < end && line.endsWith('*/'))) return false;
  }
  return false;
}

/** Each exported function of a source file that has no TSDoc above it, as `file:line name`. */
function undocumentedExports(file: string, source: string): string[] {
  const lines = source.split('\n');
  const missing: string[] = [];
  lines.forEach((line, index) => {
    const name = exportedFunction.exec(line)?.[1];
    if (name && !hasTsDocAbove(lines, index)) missing.push(`${file}:${index + 1} ${name}`);
  });
  return missing;
}

describe('the repositories', () => {
  it('give every exported function a TSDoc saying why it exists, so callers know what they may rely on without reading the SQL', async () => {
    const files = (await readdir('src', { recursive: true })).filter((file) => file.endsWith('.repo.ts'));
    expect(files.length).toBeGreaterThan(40);
    const missing: string[] = [];
    for (const file of files.sort()) missing.push(...undocumentedExports(`src/${file}`, await readFile(`src/${file}`, 'utf8')));
    expect(missing).toEqual([]);
  });

  it('count a function as documented only when a whole /** … */ block sits directly above it', () => {
    const source = [
      '/** One line. */',
      'export function oneLine() {}',
      '/**',
      ' * Several lines.',
      ' */',
      'export async function block() {}',
      '// A plain comment.',
      'export function plain() {}',
      '/* Not TSDoc. */',
      'export function notTsDoc() {}',
      'const x = 1; /* trailing */',
      'export function trailing() {}',
      'export function bare() {}',
    ].join('\n');
    expect(undocumentedExports('f.ts', source)).toEqual(['f.ts:8 plain', 'f.ts:10 notTsDoc', 'f.ts:12 trailing', 'f.ts:13 bare']);
  });
});
