/** Pagination for every list: a bounded page size and the nhsuk pagination component's previous/next links. */

export const PAGE_SIZE = 25;

export interface PageRequest {
  page: number;
  limit: number;
  offset: number;
}

/** Reads `?page=` safely: anything that is not a positive whole number is page 1. */
export function pageRequest(value: unknown, limit = PAGE_SIZE): PageRequest {
  const page = typeof value === 'string' && /^\d{1,6}$/.test(value) && Number(value) > 0 ? Number(value) : 1;
  return { page, limit, offset: (page - 1) * limit };
}

export interface PaginationView {
  previous?: { href: string; labelText: string };
  next?: { href: string; labelText: string };
  summary: string;
}

/** Previous and next links keeping the other query parameters, and "Showing 26 to 50 of 120". */
export function paginationView(
  request: PageRequest,
  total: number,
  basePath: string,
  query: Record<string, string | undefined> = {},
): PaginationView {
  const pages = Math.max(1, Math.ceil(total / request.limit));
  const link = (page: number) => {
    const params = new URLSearchParams(
      Object.entries({ ...query, page: String(page) }).filter((entry): entry is [string, string] => Boolean(entry[1])),
    );
    return `${basePath}?${params.toString()}`;
  };
  const first = total === 0 ? 0 : request.offset + 1;
  const last = Math.min(total, request.offset + request.limit);
  return {
    ...(request.page > 1 ? { previous: { href: link(request.page - 1), labelText: `${request.page - 1} of ${pages}` } } : {}),
    ...(request.page < pages ? { next: { href: link(request.page + 1), labelText: `${request.page + 1} of ${pages}` } } : {}),
    summary: total === 0 ? 'No results' : `Showing ${first} to ${last} of ${total}`,
  };
}
