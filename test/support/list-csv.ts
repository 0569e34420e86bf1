/** Reads a list page's table and its CSV download into the same shape, so a test can hold the two to the same headings and words. */
import { parse } from 'csv-parse/sync';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { WebClient } from './web-client.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' };

/** A cell's visible words: the responsive heading and words only a screen reader hears dropped, tags stripped, entities decoded, white space collapsed. */
function wordsOf(html: string): string {
  return html
    .replace(/<span class="nhsuk-table__heading"[^>]*>[\s\S]*?<\/span>/g, '')
    .replace(/<span class="nhsuk-u-visually-hidden"[^>]*>[\s\S]*?<\/span>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_all, name: string) => ENTITIES[name]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first nhsuk table on a page: its headings and the words of each body row. */
export function pageTable(html: string, index = 0): { head: string[]; rows: string[][] } {
  const table = [...html.matchAll(/<table[^>]*class="nhsuk-table[\s\S]*?<\/table>/g)][index]?.[0];
  if (!table) throw new Error('The page has no table');
  const head = [...table.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((match) => wordsOf(match[1]!));
  const body = table.slice(table.indexOf('<tbody'));
  const rows = [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => wordsOf(cell[1]!)),
  );
  return { head, rows };
}

/** A CSV download checked as a spreadsheet file (BOM, type, a dated attachment name) and read into its header and rows. */
export function csvTable(response: LightMyRequestResponse, stem: string): { head: string[]; rows: string[][] } {
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
  expect(response.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="${stem}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
  expect(response.body.startsWith('\ufeff')).toBe(true);
  const [head, ...rows] = parse(response.body.slice(1), { relax_column_count: false }) as string[][];
  return { head: head!, rows: rows.map((row) => row.map((cell) => cell.replace(/\s+/g, ' ').trim())) };
}

/** A CSV cell as the page shows it: without the apostrophe that keeps a spreadsheet from running it as a formula. */
const asShown = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** The page's table and the CSV agree: the same headings, and the page's rows are the CSV's first rows, word for word. */
export function expectSameList(page: { head: string[]; rows: string[][] }, csv: { head: string[]; rows: string[][] }): void {
  expect(csv.head).toEqual(page.head);
  expect(page.rows.length).toBeGreaterThan(0);
  expect(csv.rows.slice(0, page.rows.length).map((row) => row.map(asShown))).toEqual(page.rows);
}

/** A browser-like client signed in as a demo person (the demo password). */
export async function signedInClient(app: FastifyInstance, email: string): Promise<WebClient> {
  const client = new WebClient(app);
  expect((await client.signIn(email)).statusCode).toBe(303);
  return client;
}

/** A list page, then its "Download … as CSV" link followed as a person would: the page's table, the link and the file's table. */
export async function pageAndCsv(client: WebClient, url: string, stem: string) {
  const page = await client.get(url);
  expect(page.statusCode).toBe(200);
  const href = /<a href="([^"]+\.csv[^"]*)" download>Download [^<]* as CSV<\/a>/.exec(page.body)?.[1]?.replaceAll('&amp;', '&');
  expect(href, 'a Download as CSV link').toBeDefined();
  return { page: pageTable(page.body), href: href!, csv: csvTable(await client.get(href!), stem) };
}
