/**
 * `#/host`: the teacher hosts a class (tables, seeds, bot level, turn timer, language), then
 * gets the console. The class code and teacher secret stay in this browser, so `#/host` after a
 * reload goes straight back to the console; `#/host?new=1` shows the form again.
 */
import { LANGS, type TextKey } from '../../engine/index.js';
import { BOT_LEVELS, type BotLevel } from '../../bots/index.js';
import { PRESET_IDS, type PresetId } from '../../engine/rules/presets.js';
import { getLang, t, translate } from '../i18n/i18n.js';
import { routeHref } from '../routes.js';
import type { AppContext, PageHandle } from '../ui/app-context.js';
import { h } from '../ui/dom.js';
import { hostClass, type HostSettings } from './api.js';
import { mountConsole } from './console-page.js';
import { savedTeacher, saveTeacher } from './saved.js';
import './classroom.css';

/** Mounts the form, or the console of the class this browser hosts. */
export function mountHost(root: HTMLElement, ctx: AppContext): PageHandle {
  const saved = savedTeacher();
  const wanted = ctx.route.params.code?.toUpperCase();
  if (saved && ctx.route.params.new === undefined && (!wanted || wanted === saved.code)) return mountConsole(root, ctx, saved);
  const render = () => root.replaceChildren(hostForm(ctx, saved !== null));
  render();
  return { relabel: render, unmount: () => {} };
}

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h('label', { class: 'field' }, label, control, hint ? h('small', { class: 'hint' }, hint) : null);
}

/** The hosting form. */
function hostForm(ctx: AppContext, hasSaved: boolean): HTMLElement {
  const tables = h('input', { id: 'tables', type: 'number', min: 1, max: 14, value: 2, required: true });
  const seedMode = (value: HostSettings['seedMode'], key: TextKey) =>
    h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'seedMode', value, checked: value === 'perTable' }), t(key));
  const seed = h('input', { id: 'class-seed', type: 'text', maxlength: 64, placeholder: t('home.seedPlaceholder'), autocomplete: 'off' });
  const level = h('select', { id: 'bot-level' }, ...BOT_LEVELS.map((l) => h('option', { value: l, selected: l === 'medium' }, t(`level.${l}`))));
  const timer = h('input', { id: 'turn-seconds', type: 'number', min: 0, max: 900, value: 90, required: true });
  const lang = h('select', { id: 'class-lang' }, ...LANGS.map((l) => h('option', { value: l, selected: getLang() === l }, translate(l, 'lang.name'))));
  const error = h('p', { class: 'error', role: 'alert' });
  // The experiment's conditions: ticking a second one switches to one seed for every table.
  const sharedSeed = () => {
    const radio = form.querySelector('input[name=seedMode][value=shared]') as HTMLInputElement | null;
    if (radio && checkedConditions().length > 1) radio.checked = true;
  };
  const conditionBoxes = PRESET_IDS.map((id) =>
    h(
      'label',
      { class: 'radio condition' },
      h('input', { type: 'checkbox', name: 'condition', value: id, checked: id === 'standard', 'data-testid': `condition-${id}`, onchange: sharedSeed }),
      h('span', {}, h('strong', {}, t(`preset.${id}.name` as TextKey)), ' — ', t(`preset.${id}.desc` as TextKey)),
    ),
  );
  const checkedConditions = (): PresetId[] =>
    PRESET_IDS.filter((id) => (form.querySelector(`input[name=condition][value="${id}"]`) as HTMLInputElement | null)?.checked);
  const submit = h('button', { type: 'submit', class: 'primary big', 'data-testid': 'host-submit' }, t('classroom.host.create'));
  const form = h(
    'form',
    {
      class: 'box host-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        error.textContent = '';
        const conditions = checkedConditions();
        if (conditions.length === 0) {
          error.textContent = t('classroom.host.experimentNeeds');
          return;
        }
        const settings: HostSettings = {
          tables: Number(tables.value),
          seedMode: ((form.querySelector('input[name=seedMode]:checked') as HTMLInputElement | null)?.value ?? 'perTable') as HostSettings['seedMode'],
          seed: seed.value.trim() || null,
          botLevel: level.value as BotLevel,
          turnSeconds: Number(timer.value),
          lang: lang.value === 'fr' ? 'fr' : 'en',
          conditions,
        };
        submit.disabled = true;
        void hostClass(settings).then((r) => {
          submit.disabled = false;
          if (!r.ok) {
            error.textContent = t('classroom.host.failed', { error: r.error });
            return;
          }
          saveTeacher({ code: r.value.code, secret: r.value.teacherSecret, joinUrl: r.value.joinUrl });
          ctx.navigate(routeHref('host', { code: r.value.code }));
        });
      },
    },
    h('h2', {}, t('classroom.host.title')),
    h('p', {}, t('classroom.host.intro')),
    field(t('classroom.host.tables'), tables, t('classroom.host.tablesHint')),
    h(
      'fieldset',
      {},
      h('legend', {}, t('classroom.host.seeds')),
      seedMode('perTable', 'classroom.host.seedPerTable'),
      seedMode('shared', 'classroom.host.seedShared'),
    ),
    field(t('home.seed'), seed, t('classroom.host.seedHint')),
    h(
      'fieldset',
      { class: 'conditions' },
      h('legend', {}, t('classroom.host.experiment')),
      h('small', { class: 'hint' }, t('classroom.host.experimentHint')),
      ...conditionBoxes,
    ),
    field(t('classroom.host.botLevel'), level),
    field(t('classroom.host.timer'), timer, t('classroom.host.timerHint')),
    field(t('classroom.host.lang'), lang),
    error,
    h('p', {}, submit, hasSaved ? [' ', h('a', { href: routeHref('host'), class: 'button' }, t('classroom.host.backToConsole'))] : null),
  );
  return h('div', { class: 'page narrow' }, form);
}
