/**
 * The action panel (HTML beside the board): the seat's actions grouped with costs, the reason
 * when one is not open, parameter pickers (also fed by clicks on the map), the hand of cards,
 * and the pending headline question. Legality comes from `actionMenu` (the engine).
 */
import { formatMoney, type Action, type Lang, type RegionId, type Rules, type SeatView } from '../../engine/index.js';
import { actionMenu, clickableRegions, releaseAction, type ActionMenu, type HandCard, type MenuItem, type MenuOption } from '../model/action-menu.js';
import { translate } from '../i18n/i18n.js';
import { strategyFace } from './card-face.js';
import { h, replaceChildren } from './dom.js';

type Selection = { kind: 'item'; type: MenuItem['type'] } | { kind: 'card'; id: string } | null;

/** Callbacks of the panel. */
export interface PanelEvents {
  submit(action: Action): void;
  /** The set of clickable regions changed (the board redraws). */
  changed(): void;
}

/** The panel of one seat. */
export class ActionPanel {
  readonly el = h('div', { class: 'actions' });
  private menu: ActionMenu = { myTurn: false, groups: [], hand: [], question: null, over: false };
  private selection: Selection = null;
  private picks = new Set<RegionId>();
  private lang: Lang = 'en';

  constructor(
    private readonly rules: Rules,
    private readonly events: PanelEvents,
  ) {
    this.el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.selection) {
        this.select(null);
        e.stopPropagation();
      }
    });
    // Remember whether the keyboard was in the panel, so a re-render never drops focus on the page body.
    this.el.addEventListener('focusin', () => {
      this.hadFocus = true;
    });
    this.el.addEventListener('focusout', (e) => {
      const to = (e as FocusEvent).relatedTarget as Node | null;
      if (to && !this.el.contains(to)) this.hadFocus = false;
    });
  }

  /** The keyboard was in the panel last (focus left to nowhere, e.g. a removed button, still counts). */
  private hadFocus = false;

  /** Re-reads the seat's options from the view. */
  update(view: SeatView, lang: Lang): void {
    this.lang = lang;
    this.menu = actionMenu(this.rules, view, lang);
    if (!this.menu.myTurn) {
      this.selection = null;
      this.picks.clear();
    } else if (this.selection && !this.selectedItem() && !this.selectedCard()) this.selection = null;
    this.render();
  }

  /** Regions the board should offer for a click now. */
  clickable(): RegionId[] {
    const item = this.selectedItem();
    if (item?.picker === 'release') return item.release?.eligible ?? [];
    if (item?.picker === 'region') return clickableRegions(item);
    const card = this.selectedCard();
    return card ? clickableRegions(card) : [];
  }

  /** A click on the map: completes an open region choice; returns whether it was used. */
  regionClicked(region: RegionId): boolean {
    const item = this.selectedItem();
    if (item?.picker === 'release') {
      if (!item.release?.eligible.includes(region)) return false;
      this.togglePick(region);
      return true;
    }
    const options = item?.picker === 'region' ? item.options : (this.selectedCard()?.options ?? []);
    const option = options.find((o) => o.region === region && o.enabled);
    if (!option) return false;
    this.submit(option.action);
    return true;
  }

  private selectedItem(): MenuItem | null {
    const sel = this.selection;
    if (sel?.kind !== 'item') return null;
    for (const g of this.menu.groups) for (const i of g.items) if (i.type === sel.type && i.enabled) return i;
    return null;
  }

  private selectedCard(): HandCard | null {
    const sel = this.selection;
    return sel?.kind === 'card' ? (this.menu.hand.find((c) => c.id === sel.id && c.enabled) ?? null) : null;
  }

  private tr(key: Parameters<typeof translate>[1], params?: Record<string, string | number>): string {
    return translate(this.lang, key, params);
  }

  private select(selection: Selection): void {
    this.selection = selection;
    this.picks.clear();
    this.render();
    this.events.changed();
    const first = this.el.querySelector<HTMLElement>('.picker [data-enabled="true"], .picker input');
    first?.focus();
  }

  private submit(action: Action): void {
    this.selection = null;
    this.picks.clear();
    this.events.submit(action);
  }

  private togglePick(region: RegionId): void {
    if (this.picks.has(region)) this.picks.delete(region);
    else this.picks.add(region);
    this.render();
  }

  /** A button that stays focusable when not allowed, with the reason written under it. */
  private actionButton(
    key: string,
    label: string,
    cost: string | null,
    enabled: boolean,
    reason: string | null,
    onClick: () => void,
    hint?: string,
  ): HTMLElement {
    const reasonId = `why-${key.replace(/[^a-zA-Z0-9-]/g, '_')}`;
    const button = h(
      'button',
      {
        type: 'button',
        class: 'act',
        'data-key': key,
        'data-enabled': String(enabled),
        'aria-disabled': enabled ? null : 'true',
        'aria-describedby': reason ? reasonId : null,
        title: hint ?? null,
        onclick: () => {
          if (enabled) onClick();
        },
      },
      h('span', { class: 'act-label' }, label),
      cost ? h('span', { class: 'act-cost' }, cost) : null,
    );
    return h('div', { class: `act-row${enabled ? '' : ' off'}` }, button, reason ? h('small', { class: 'reason', id: reasonId }, reason) : null);
  }

  private optionButtons(options: MenuOption[], prefix: string): HTMLElement[] {
    return options.map((o) => this.actionButton(`${prefix}-${o.key}`, o.label, o.cost, o.enabled, o.reason, () => this.submit(o.action)));
  }

  private picker(): HTMLElement | null {
    const item = this.selectedItem();
    const card = this.selectedCard();
    if (!item && !card) return null;
    const cancel = h('button', { type: 'button', class: 'cancel', onclick: () => this.select(null) }, this.tr('menu.cancel'));
    if (item?.picker === 'release' && item.release) {
      const { count, eligible } = item.release;
      const chosen = [...this.picks];
      const action = releaseAction(item, chosen);
      return h(
        'div',
        { class: 'picker', role: 'group', 'aria-label': item.label },
        h('p', {}, this.tr('menu.releasePick', { count, chosen: chosen.length })),
        h(
          'div',
          { class: 'checks' },
          ...eligible.map((r) =>
            h(
              'label',
              { class: 'check' },
              h('input', { type: 'checkbox', checked: this.picks.has(r), 'data-region': r, 'data-key': `pick-${r}`, onchange: () => this.togglePick(r) }),
              this.rules.regions[r].name[this.lang],
            ),
          ),
        ),
        this.actionButton(
          'release-confirm',
          this.tr('menu.releaseConfirm'),
          null,
          action !== null,
          action ? null : this.tr('menu.releaseNeed', { count }),
          () => action && this.submit(action),
        ),
        cancel,
      );
    }
    const title = item ? item.label : (card?.name ?? '');
    const options = item ? item.options : (card?.options ?? []);
    const mapHint = options.some((o) => o.region) ? h('p', { class: 'hint' }, this.tr('menu.mapHint')) : null;
    return h('div', { class: 'picker', role: 'group', 'aria-label': title }, h('h3', {}, title), mapHint, ...this.optionButtons(options, 'opt'), cancel);
  }

  private itemView(item: MenuItem): HTMLElement {
    const open = () => {
      if (item.picker === 'none') {
        const o = item.options.find((x) => x.enabled);
        if (o) this.submit(o.action);
      } else this.select({ kind: 'item', type: item.type });
    };
    return this.actionButton(`type-${item.type}`, item.label, item.cost, item.enabled, item.reason, open, item.hint);
  }

  private cardView(card: HandCard): HTMLElement {
    const play = () => {
      if (card.needsRegion) this.select({ kind: 'card', id: card.id });
      else {
        const o = card.options.find((x) => x.enabled);
        if (o) this.submit(o.action);
      }
    };
    const money = card.cost ? formatMoney(card.cost, this.lang) : this.tr('menu.free');
    const button = this.actionButton(
      `card-${card.id}`,
      card.needsRegion ? this.tr('menu.playCardRegion') : this.tr('menu.playCard'),
      null,
      card.enabled,
      card.reason,
      play,
    );
    return strategyFace(this.rules, card.id, this.lang, 'wide', money, !card.enabled, button);
  }

  private render(): void {
    const active = document.activeElement as HTMLElement | null;
    const focusKey = active?.dataset?.key;
    const keepFocus = (active !== null && this.el.contains(active)) || ((active === null || active === document.body) && this.hadFocus);
    const m = this.menu;
    const picker = this.picker();
    const question = m.question ? h('div', { class: 'question', role: 'alert' }, h('h3', {}, this.tr('menu.question')), h('p', {}, m.question)) : null;
    const groups = picker
      ? [picker]
      : m.groups.map((g) =>
          h(
            'section',
            { class: `group group-${g.id}`, 'aria-label': g.label },
            h('h3', {}, g.label),
            ...g.items.map((i) => (i.type === 'choose' ? h('div', {}, ...this.optionButtons(i.options, 'choose')) : this.itemView(i))),
          ),
        );
    const hand = h(
      'section',
      { class: 'hand', 'aria-label': this.tr('menu.hand') },
      h('h3', {}, this.tr('menu.hand'), ` (${m.hand.length})`),
      m.hand.length ? m.hand.map((c) => this.cardView(c)) : h('p', { class: 'hint' }, this.tr('menu.noCards')),
    );
    if (m.over) {
      replaceChildren(this.el);
      return;
    }
    const wait = m.myTurn ? null : h('p', { class: 'hint wait' }, this.tr('menu.notYourTurn'));
    replaceChildren(this.el, question, wait, ...groups, picker ? null : hand);
    if (!keepFocus) return;
    // The same control if it is still there, else the first open action, else the first control, else the "wait" line.
    const same = focusKey ? this.el.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`) : null;
    const next =
      same ??
      this.el.querySelector<HTMLElement>('[data-enabled="true"]') ??
      this.el.querySelector<HTMLElement>('button, input') ??
      this.el.querySelector<HTMLElement>('.wait');
    if (next?.classList.contains('wait')) next.tabIndex = -1;
    // The same control stays where the player left it: no scroll jump while they read the panel.
    next?.focus({ preventScroll: next === same });
  }
}
