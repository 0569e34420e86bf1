/** Reads a home page's "Needs doing now" counts and follows each link to how many items its list shows, for tests that compare the two. */
import type { WebClient } from './web-client.ts';

export interface NeedShown {
  href: string;
  count: number;
  text: string;
  /** How many items the linked list shows. */
  shown: number;
}

/** How many items a linked list shows: its rows or messages, the expiry warnings on the assurance page, or its "of N" summary. */
export function itemsShown(href: string, body: string): number {
  if (href.startsWith('/messages')) return body.split('action="/messages/').length - 1;
  if (href.startsWith('/provider/assurance'))
    return (body.match(/<strong>(Expired|Expires today|Due in \d+ days?)<\/strong>/g) ?? []).length;
  if (href.startsWith('/payments/queries')) return body.split('href="/payments/queries/').length - 1;
  if (href.startsWith('/payments/statements')) return body.split('href="/payments/statements/').length - 1;
  if (href.startsWith('/quality/breaches')) return body.split('href="/quality/breaches/').length - 1;
  if (href.startsWith('/quality/returns'))
    return (body.match(/<strong class="nhsuk-tag[^"]*">\s*(Due|Late: not submitted)\s*<\/strong>/g) ?? []).length;
  const summary = /Showing 1 to \d+ of (\d+)/.exec(body);
  return summary ? Number(summary[1]) : 0;
}

/** The signed-in person's counts with their links, each followed to the number of items it lists. */
export async function needsNowShown(person: WebClient): Promise<NeedShown[]> {
  const home = (await person.get('/')).body;
  const list = /<ul class="nhsuk-list nhsuk-list--border" id="needs-now">([\s\S]*?)<\/ul>/.exec(home)![1]!;
  const links = [...list.matchAll(/<a href="([^"]+)"[^>]*>(\d+) ([^<]+)<\/a>/g)].map((match) => ({
    href: match[1]!.replaceAll('&amp;', '&'),
    count: Number(match[2]),
    text: match[3]!,
  }));
  return Promise.all(links.map(async (link) => ({ ...link, shown: itemsShown(link.href, (await person.get(link.href)).body) })));
}
