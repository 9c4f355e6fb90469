/** What every page gets from the app shell. */
import type { Rules } from '../../engine/index.js';
import type { Route } from '../routes.js';

/** The shell's services for a page. */
export interface AppContext {
  rules: Rules;
  route: Route;
  /** Goes to another address (hash route). */
  navigate(hash: string): void;
}

/** A mounted page: relabel on a language switch (else the shell re-mounts it), unmount when leaving. */
export interface PageHandle {
  relabel?(): void;
  unmount(): void;
}
