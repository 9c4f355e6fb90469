/**
 * The classroom pages, loaded on demand: the socket client and the console stay out of the
 * solo player's bundle. The shell gets a page handle at once; the page mounts when its chunk
 * has arrived.
 */
import { t } from '../i18n/i18n.js';
import type { AppContext, PageHandle } from '../ui/app-context.js';
import { h } from '../ui/dom.js';

type Mount = (root: HTMLElement, ctx: AppContext) => PageHandle;

/** A page whose code is loaded by `load` when it is first shown. */
function lazyPage(load: () => Promise<Mount>): Mount {
  return (root, ctx) => {
    let inner: PageHandle | null = null;
    let gone = false;
    root.replaceChildren(h('p', { class: 'page' }, t('classroom.loading')));
    void load().then((mount) => {
      if (!gone) inner = mount(root, ctx);
    });
    return {
      relabel: () => inner?.relabel?.(),
      unmount: () => {
        gone = true;
        inner?.unmount();
      },
    };
  };
}

/** `#/host`: the teacher's form, then the console. */
export const mountHostPage = lazyPage(() => import('./host-page.js').then((m) => m.mountHost));

/** `#/join`: the student's form, then the board. */
export const mountJoinPage = lazyPage(() => import('./join-page.js').then((m) => m.mountJoin));
