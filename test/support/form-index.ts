/**
 * Which fields each page form posts, found by visiting every page as every caller and reading the forms' `action`s,
 * so a form is fuzzed with its real fields even when it sits on another page (a publish button on an offer's page).
 */
import type { Caller } from './access-world.ts';
import { formFieldsIn } from './bad-form.ts';
import { type RegisteredRoute, routeKey } from './route-catalogue.ts';

export interface FormIndex {
  /** The union of the fields every visited form posting to the route shows, by route key. */
  fields: Map<string, string[]>;
  /** Route keys of the POST routes some visited page has a form for, with or without fields. */
  seen: Set<string>;
  pagesVisited: number;
}

/** The post forms on a page, each with the path it posts to (the page's own when it names none) and its fields. */
export function postFormsIn(html: string, pageUrl: string): { action: string; fields: string[] }[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)]
    .filter((match) => /\smethod="post"/i.test(match[1]!))
    .map((match) => {
      const action = /\saction="([^"]*)"/.exec(match[1]!)?.[1] ?? pageUrl;
      return { action: action.replace(/&amp;/g, '&').split(/[?#]/)[0]!, fields: formFieldsIn(match[2]!) };
    });
}

/** How many addresses of one page each caller visits: enough to meet objects in several states (a draft, a decided one). */
const VISITS_PER_PAGE = 4;

/**
 * Visits every page as every caller it admits, then follows the links those pages show (a few addresses per page,
 * so objects in other states turn up), and indexes the forms it finds by the POST route they reach.
 */
export async function indexForms(
  routes: RegisteredRoute[],
  callers: Caller[],
  resolve: (method: string, url: string) => string,
): Promise<FormIndex> {
  const posts = templates(routes.filter((route) => !route.isApi && route.method === 'POST'));
  const pages = routes.filter((route) => !route.isApi && route.method === 'GET' && !route.url.includes('*'));
  const gets = templates(pages);
  const index: FormIndex = { fields: new Map(), seen: new Set(), pagesVisited: 0 };
  for (const caller of callers) {
    const admitted = (key: string) =>
      pages.some((page) => routeKey(page) === key && (!page.roles || (caller.role !== 'anonymous' && page.roles.includes(caller.role))));
    const queue = pages.filter((page) => admitted(routeKey(page))).map((page) => resolve('GET', page.url));
    const visits = new Map<string, number>();
    const visited = new Set<string>();
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const page = gets.find((each) => each.pattern.test(url!.split('?')[0]!));
      if (!page || visited.has(url) || (visits.get(page.key) ?? 0) >= VISITS_PER_PAGE) continue;
      visited.add(url);
      visits.set(page.key, (visits.get(page.key) ?? 0) + 1);
      const response = await caller.web.get(url);
      index.pagesVisited += 1;
      if (response.statusCode !== 200 || !String(response.headers['content-type']).startsWith('text/html')) continue;
      record(index, posts, postFormsIn(response.body, url.split('?')[0]!));
      queue.push(
        ...linksIn(response.body).filter((link) => admitted(gets.find((each) => each.pattern.test(link.split('?')[0]!))?.key ?? '')),
      );
    }
  }
  return index;
}

function record(index: FormIndex, posts: Template[], forms: { action: string; fields: string[] }[]): void {
  for (const form of forms) {
    const post = posts.find((each) => each.pattern.test(form.action));
    if (!post) continue;
    index.seen.add(post.key);
    index.fields.set(post.key, [...new Set([...(index.fields.get(post.key) ?? []), ...form.fields])]);
  }
}

/** The site's own links on a page. */
function linksIn(html: string): string[] {
  return [...html.matchAll(/\shref="(\/[^"#]*)"/g)]
    .map((match) => match[1]!.replace(/&amp;/g, '&'))
    .filter((link) => !link.startsWith('//') && !link.startsWith('/api/'));
}

interface Template {
  key: string;
  pattern: RegExp;
  params: number;
}

/** Routes as patterns, fixed paths first, so `/offers/new` is not taken for an offer's id. */
function templates(routes: RegisteredRoute[]): Template[] {
  return routes
    .map((route) => ({ key: routeKey(route), pattern: patternOf(route.url), params: route.url.split(':').length }))
    .sort((a, b) => a.params - b.params);
}

/** A route template as a regular expression for concrete paths (`/offers/:id/publish` matches any id). */
function patternOf(url: string): RegExp {
  return new RegExp(
    `^${url
      .split('/')
      .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/')}$`,
  );
}
