/** The ORUK paging envelope (openapi `components.schemas.Page`, examples/service_list.json). */

export interface OrukPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

/** The envelope of one page: `size` is how many this page holds; a page past the end is empty but still says the totals. */
export function orukPage<T>(contents: T[], total: number, page: number, perPage: number): OrukPage<T> {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/** The slice of an in-memory list for a page. */
export function sliceFor<T>(all: readonly T[], page: number, perPage: number): T[] {
  return all.slice((page - 1) * perPage, page * perPage);
}
