/**
 * The home screen: play solo (faction, a bot level per opponent seat, an optional seed,
 * language, bot pace), resume a saved game, join or host a class, open a replay, the rulebook.
 */
import { FACTIONS, LANGS, applyActionInPlace, createInitialState, type FactionId, type Lang, type Rules } from '../../engine/index.js';
import { BOT_LEVELS, type BotLevel } from '../../bots/index.js';
import { getLang, setLang, t, translate } from '../i18n/i18n.js';
import { FACTION_LOOK } from '../model/factions.js';
import { SHELF_SIZE, shelfStore, storageStore, type SoloSave } from '../session/solo-save.js';
import { PACES, saveLang, savePace, savedPace, type Pace } from '../settings.js';
import type { AppContext, PageHandle } from './app-context.js';
import { freshSeed } from '../../match/fresh-seed.js';
import { confirmReplace } from './confirm-replace.js';
import { h } from './dom.js';
import { exportSaveButton, importSection, shelfDate } from './save-files.js';
import usUrl from '../../../assets/emblem-us.svg?url';
import chinaUrl from '../../../assets/emblem-china.svg?url';
import euUrl from '../../../assets/emblem-eu.svg?url';

/** The faction emblems' addresses. */
const EMBLEMS: Record<FactionId, string> = { us: usUrl, china: chinaUrl, eu: euUrl };

/** Mounts the home screen: resume, a new solo game, and the ways in (join, host, replays, rules). */
export function mountHome(root: HTMLElement, ctx: AppContext): PageHandle {
  const { rules } = ctx;
  const saved = storageStore(localStorage).load();
  const lang = getLang();
  const resume =
    saved && saved.rulesHash === rules.hash
      ? h(
          'p',
          { class: 'resume' },
          h(
            'a',
            { href: '#/play', class: 'button primary', 'data-testid': 'resume' },
            t('home.resume', { actions: saved.actions.length, faction: saved.human ? rules.factions[saved.human].short[lang] : '—' }),
          ),
          saved.actions.length > 0 ? [' ', exportSaveButton(rules, saved, 'export-current')] : null,
        )
      : null;
  const solo = new SoloGameForm(ctx);
  const shelf = shelfSection(ctx);
  root.replaceChildren(
    h(
      'div',
      { class: 'page home' },
      h('header', { class: 'hero' }, h('h1', {}, 'Gigawatt'), h('p', {}, t('home.tagline'))),
      resume,
      shelf,
      h('section', { class: 'box', 'aria-labelledby': 'solo-title' }, h('h2', { id: 'solo-title' }, t('home.solo')), solo.el),
      importSection(rules, () => ctx.navigate('#/play')),
      h(
        'nav',
        { class: 'box entries', 'aria-label': t('home.more') },
        h('a', { href: '#/join', class: 'button' }, t('home.join')),
        h('a', { href: '#/host', class: 'button' }, t('home.host')),
        h('a', { href: '#/replay', class: 'button', 'data-testid': 'open-replay' }, t('home.replay')),
        h('a', { href: '#/rules', class: 'button' }, t('nav.rules')),
      ),
    ),
  );
  return { unmount: () => {} };
}

/** The round a save has reached (its actions replayed through the engine), or null if it no longer replays. */
function roundOf(rules: Rules, save: SoloSave): number | null {
  const state = createInitialState(rules, save.seed);
  for (const a of save.actions) if (applyActionInPlace(rules, state, a.seat, a.action)) return null;
  return state.round;
}

/** The games put aside (faction, round, date), each to take up again: the game in progress takes its place on the shelf. */
function shelfSection(ctx: AppContext): HTMLElement | null {
  const { rules } = ctx;
  const lang = getLang();
  const shelf = shelfStore(localStorage);
  const games = shelf
    .list()
    .map((g, index) => ({ ...g, index }))
    .filter((g) => g.save.rulesHash === rules.hash);
  if (games.length === 0) return null;
  const takeUp = (index: number) => {
    const current = storageStore(localStorage).load();
    const chosen = shelf.take(index);
    if (!chosen) return;
    if (current && current.actions.length > 0) shelf.put(current, Date.now());
    storageStore(localStorage).save(chosen);
    ctx.navigate('#/play');
  };
  return h(
    'section',
    { class: 'box shelf', 'aria-labelledby': 'shelf-title' },
    h('h2', { id: 'shelf-title' }, t('save.shelf')),
    h(
      'ul',
      {},
      ...games.map((g) =>
        h(
          'li',
          {},
          t('save.shelfLine', {
            faction: g.save.human ? rules.factions[g.save.human].short[lang] : '—',
            round: roundOf(rules, g.save) ?? '?',
            date: shelfDate(g.at),
            actions: g.save.actions.length,
          }),
          ' ',
          h('button', { type: 'button', 'data-testid': 'shelf-resume', onclick: () => takeUp(g.index) }, t('save.shelfResume')),
          ' ',
          exportSaveButton(rules, g.save, 'shelf-export'),
        ),
      ),
    ),
    h('p', { class: 'hint' }, t('save.shelfHint', { n: SHELF_SIZE })),
  );
}

/** The new-game form: a faction, the bots' levels, an optional seed, the language and the bots' pace. */
class SoloGameForm {
  readonly el: HTMLFormElement;
  private faction: FactionId = 'us';
  private readonly chosen: Record<FactionId, BotLevel> = { us: 'medium', china: 'medium', eu: 'medium' };
  private readonly levels = h('div', { class: 'levels' });
  private readonly seedInput = h('input', {
    type: 'text',
    name: 'seed',
    id: 'seed',
    placeholder: t('home.seedPlaceholder'),
    pattern: '[A-Za-z0-9][A-Za-z0-9_.:\\-]{0,63}',
    autocomplete: 'off',
  });
  private readonly paceSelect = h(
    'select',
    { name: 'pace', id: 'pace-select' },
    ...(Object.keys(PACES) as Pace[]).map((p) => h('option', { value: p, selected: p === savedPace() }, t(`pace.${p}`))),
  );

  constructor(private readonly ctx: AppContext) {
    const lang = getLang();
    const langSelect = h(
      'select',
      {
        name: 'lang',
        id: 'lang-select',
        onchange: (e: Event) => {
          const l = (e.target as HTMLSelectElement).value as Lang;
          saveLang(l);
          setLang(l);
        },
      },
      ...LANGS.map((l) => h('option', { value: l, selected: l === lang }, translate(l, 'lang.name'))),
    );
    this.el = h(
      'form',
      {
        class: 'solo',
        onsubmit: (e: Event) => {
          e.preventDefault();
          this.start();
        },
      },
      h('fieldset', {}, h('legend', {}, t('home.faction')), h('div', { class: 'factions' }, ...this.factionCards())),
      h('fieldset', {}, h('legend', {}, t('home.opponents')), this.levels),
      h(
        'div',
        { class: 'row' },
        h('label', { class: 'field', for: 'seed' }, t('home.seed'), this.seedInput, h('small', { class: 'hint' }, t('home.seedHint'))),
        h('label', { class: 'field', for: 'lang-select' }, t('home.language'), langSelect),
        h('label', { class: 'field', for: 'pace-select' }, t('play.pace'), this.paceSelect),
      ),
      h('button', { type: 'submit', class: 'primary big', 'data-testid': 'start' }, t('home.start')),
    );
    this.renderLevels();
  }

  private factionCards(): HTMLElement[] {
    const { rules } = this.ctx;
    const lang = getLang();
    return FACTIONS.map((f) =>
      h(
        'label',
        { class: 'faction-card', style: `--faction:${FACTION_LOOK[f].css}` },
        h('input', {
          type: 'radio',
          name: 'faction',
          value: f,
          checked: f === this.faction,
          onchange: () => {
            this.faction = f;
            this.renderLevels();
          },
        }),
        h('img', { src: EMBLEMS[f], alt: '', width: 48, height: 48 }),
        h('span', { class: 'faction-name' }, `${FACTION_LOOK[f].glyph} ${rules.factions[f].name[lang]}`),
        h('small', {}, t(`faction.${f}.blurb`)),
      ),
    );
  }

  /** A level picker for each bot (the two factions the player does not take). */
  private renderLevels(): void {
    const { rules } = this.ctx;
    this.levels.replaceChildren(
      ...FACTIONS.filter((f) => f !== this.faction).map((f) =>
        h(
          'label',
          { class: 'field' },
          t('home.botFor', { faction: rules.factions[f].short[getLang()] }),
          h(
            'select',
            {
              name: `level-${f}`,
              'data-seat': f,
              onchange: (e: Event) => {
                this.chosen[f] = (e.target as HTMLSelectElement).value as BotLevel;
              },
            },
            ...BOT_LEVELS.map((l) => h('option', { value: l, selected: this.chosen[f] === l }, t(`level.${l}`))),
          ),
        ),
      ),
    );
  }

  /** Saves the new game in this browser and opens it (after asking, when it replaces a game in progress). */
  private start(): void {
    confirmReplace(this.el, this.ctx.rules, () => this.replace());
  }

  private replace(): void {
    const seed = this.seedInput.value.trim() || freshSeed();
    const save: SoloSave = {
      version: 1,
      rulesHash: this.ctx.rules.hash,
      seed,
      human: this.faction,
      levels: { ...this.chosen, [this.faction]: 'medium' },
      actions: [],
    };
    savePace(this.paceSelect.value as Pace);
    storageStore(localStorage).save(save);
    this.ctx.navigate('#/play');
  }
}
