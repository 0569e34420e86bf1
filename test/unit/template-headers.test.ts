import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

describe('the templates', () => {
  it('each open with a comment saying which page or part it is, so the next person finds their way without asking', async () => {
    const files = (await readdir('src/views', { recursive: true })).filter((file) => file.endsWith('.njk'));
    expect(files.length).toBeGreaterThan(50);
    const bare: string[] = [];
    for (const file of files) if (!/^\{#-? \S[^\n]*? -?#\}\n/.test(await readFile(`src/views/${file}`, 'utf8'))) bare.push(file);
    expect(bare).toEqual([]);
  });
});
