/** The page addresses (hash routes), parsed without touching the DOM. */

/** The pages of the app. */
const PAGES = ['home', 'play', 'replay', 'debrief', 'rules', 'join', 'host'] as const;
export type Page = (typeof PAGES)[number];

/** A parsed address: the page and its query parameters. */
export interface Route {
  page: Page;
  params: Record<string, string>;
}

/** Parses `#/replay?url=...` and the like; anything unknown is the home page. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?');
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(query)) params[k] = v;
  const page = (PAGES as readonly string[]).includes(path) ? (path as Page) : 'home';
  return { page, params };
}

/** The address of a page. */
export function routeHref(page: Page, params: Record<string, string> = {}): string {
  const q = new URLSearchParams(params).toString();
  return `#/${page === 'home' ? '' : page}${q ? `?${q}` : ''}`;
}
