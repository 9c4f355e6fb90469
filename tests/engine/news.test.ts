import { describe, expect, test } from 'vitest';
import {
  activeSeat,
  applyActionInPlace,
  cloneState,
  createInitialState,
  injectNews,
  legalActions,
  MAX_PENDING_NEWS,
  stateHash,
  type GameState,
} from '../../src/engine/index.js';
import { defaultRules, DEFAULT_RULE_FILES } from '../../src/engine/rules/default-rules.js';
import { mergeRuleFiles, parseRules } from '../../src/engine/rules/load.js';
import { MatchRecorder, parseMatch, replayMatch, serializeMatch } from '../../src/match/index.js';

const rules = defaultRules();
const seats = { us: { kind: 'bot', level: 'first' }, china: { kind: 'bot', level: 'first' }, eu: { kind: 'bot', level: 'first' } } as const;

/** Plays the first legal action of the active seat until `stop` says so; records every action. */
function playUntil(state: GameState, recorder: MatchRecorder | null, stop: (s: GameState) => boolean): void {
  while (!stop(state)) {
    const seat = activeSeat(state);
    if (!seat) return;
    const action = legalActions(rules, state, seat)[0]!;
    expect(applyActionInPlace(rules, state, seat, action)).toBeNull();
    recorder?.applied(seat, action, state);
  }
}

const teacherEntries = (state: GameState) => state.log.filter((e) => e.by === 'teacher');

describe('the teacher’s news', () => {
  test('the shipped rules hold 6 to 10 news items, each with its real month, a source and both languages, and none is in a deck', () => {
    expect(rules.newsList.length).toBeGreaterThanOrEqual(6);
    expect(rules.newsList.length).toBeLessThanOrEqual(10);
    for (const item of rules.newsList) {
      expect(item.date).toMatch(/^2025-(0[1-9]|1[0-2])$/);
      expect(item.source.en.length).toBeGreaterThan(10);
      expect(item.source.fr.length).toBeGreaterThan(10);
      expect(item.fact?.en && item.fact.fr).toBeTruthy();
      expect(rules.events[item.id]).toBe(item);
      expect(rules.eventList.some((e) => e.id === item.id)).toBe(false);
    }
  });

  test('the news file leaves the rules hash as it was (games without a teacher are unchanged)', () => {
    const { 'news.json': _news, ...withoutNews } = DEFAULT_RULE_FILES;
    const parsed = parseRules(withoutNews);
    expect(parsed.ok && parsed.value.hash).toBe(rules.hash);
    expect(parsed.ok && parsed.value.newsList).toEqual([]);
  });

  test('a news item whose id is already an event’s is refused, naming the file and field', () => {
    const clash = mergeRuleFiles(DEFAULT_RULE_FILES, { 'news.json': { news: [{ id: 'newsGptOss' }, { id: 'stargateAnnounced' }] } });
    const bad = { ...clash, 'news.json': { news: [{ ...rules.newsList[0], id: 'stargateAnnounced' }] } };
    const parsed = parseRules(bad);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain('news.json: field "news.0.id"');
  });

  test('an unknown id, an inherited key, a finished game, the last round and a fourth item in the queue are refused and change nothing', () => {
    const state = createInitialState(rules, 'news-refusals');
    const before = stateHash(state);
    expect(injectNews(rules, state, 'noSuchEvent')).toBe('unknownEvent');
    expect(injectNews(rules, state, 'constructor')).toBe('unknownEvent');
    expect(stateHash(state)).toBe(before);
    for (let i = 0; i < MAX_PENDING_NEWS; i++) expect(injectNews(rules, state, 'newsKimiK2')).toBeNull();
    const full = stateHash(state);
    expect(injectNews(rules, state, 'newsKimiK2')).toBe('tooMuchNews');
    expect(stateHash(state)).toBe(full);
    const last = { ...createInitialState(rules, 'news-refusals'), round: rules.game.rounds.count };
    expect(injectNews(rules, last, 'newsKimiK2')).toBe('lastRound');
    const frontier = { ...createInitialState(rules, 'news-refusals'), frontierReachedBy: 'us' as const };
    expect(injectNews(rules, frontier, 'newsKimiK2')).toBe('lastRound');
    const over = createInitialState(rules, 'news-refusals');
    playUntil(over, null, (s) => s.phase === 'over');
    expect(injectNews(rules, over, 'newsKimiK2')).toBe('gameOver');
    expect(over.pendingNews).toBeUndefined();
  });

  test('an injected event waits for the next headline, resolves there exactly once before the drawn ones, and is logged as the teacher’s', () => {
    const state = createInitialState(rules, 'news-once');
    const plain = createInitialState(rules, 'news-once');
    playUntil(state, null, (s) => s.actionCount === 2);
    playUntil(plain, null, (s) => s.actionCount === 2);
    const china = state.factions.china.influence.AF;
    expect(injectNews(rules, state, 'newsKimiK2')).toBeNull();
    expect(state.pendingNews).toEqual(['newsKimiK2']);
    // Nothing happens before the next round's headlines.
    expect(state.factions.china.influence.AF).toBe(china);
    expect(teacherEntries(state)).toEqual([]);
    const round = state.round;
    playUntil(state, null, (s) => s.round === round + 1);
    playUntil(plain, null, (s) => s.round === round + 1);
    expect(state.pendingNews).toBeUndefined();
    expect(state.headlines[0]).toBe('newsKimiK2');
    expect(state.headlines.slice(1)).toEqual(plain.headlines);
    expect(state.newsHeadlines).toBe(1);
    expect(teacherEntries(state)).toEqual([{ round: round + 1, kind: 'event', id: 'newsKimiK2', by: 'teacher' }]);
    const events = state.log.filter((e) => e.round === round + 1 && e.kind === 'event');
    expect(events[0]?.id).toBe('newsKimiK2');
    expect(events.slice(1).every((e) => e.by === undefined)).toBe(true);
    expect(state.factions.china.influence.AF - plain.factions.china.influence.AF).toBe(1);
    // The round after: nothing more from the teacher.
    playUntil(state, null, (s) => s.round === round + 2 || s.phase === 'over');
    expect(teacherEntries(state)).toHaveLength(1);
    expect(state.newsHeadlines).toBeUndefined();
  });

  test('an injected event card with a choice asks its faction, then the drawn headlines resolve', () => {
    const state = createInitialState(rules, 'news-choice');
    expect(injectNews(rules, state, 'openaiForCountriesLaunched')).toBeNull();
    playUntil(state, null, (s) => s.round === 2);
    expect(state.phase).toBe('choice');
    expect(state.pending?.eventId).toBe('openaiForCountriesLaunched');
    const seat = activeSeat(state)!;
    expect(applyActionInPlace(rules, state, seat, legalActions(rules, state, seat)[0]!)).toBeNull();
    expect(teacherEntries(state).map((e) => e.id)).toEqual(['openaiForCountriesLaunched']);
    expect(state.log.filter((e) => e.round === 2 && e.kind === 'event').length).toBe(state.headlines.length);
  });

  test('an announced event card is spent: it leaves the decks and is never drawn again in that game', () => {
    const state = createInitialState(rules, 'news-spent');
    // A card still waiting deep in a later era's deck.
    const card = state.eventDecks[1]!.at(-1)!;
    expect(injectNews(rules, state, card)).toBeNull();
    playUntil(state, null, (s) => s.round === 2);
    expect(state.eventDecks.flat()).not.toContain(card);
    playUntil(state, null, (s) => s.phase === 'over');
    expect(state.log.filter((e) => e.kind === 'event' && e.id === card)).toEqual([{ round: 2, kind: 'event', id: card, by: 'teacher' }]);
  });

  test('a game without news hashes as before: no news field appears in its state', () => {
    const state = createInitialState(rules, 'news-none');
    playUntil(state, null, (s) => s.round === 3);
    expect('pendingNews' in state).toBe(false);
    expect('newsHeadlines' in state).toBe(false);
  });

  test('a match file records the injection, and its replay reproduces the game exactly (hashes verified)', () => {
    const state = createInitialState(rules, 'news-replay');
    const recorder = new MatchRecorder(rules.hash, 'news-replay', seats, cloneState(state), 'test');
    playUntil(state, recorder, (s) => s.actionCount === 4);
    expect(injectNews(rules, state, 'newsRareEarthTruce')).toBeNull();
    recorder.injected('newsRareEarthTruce');
    expect(injectNews(rules, state, 'deepseekShock')).toBeNull();
    recorder.injected('deepseekShock');
    playUntil(state, recorder, (s) => s.phase === 'over');
    const file = recorder.toMatch(state);
    expect(file.news).toEqual([
      { afterAction: 4, event: 'newsRareEarthTruce' },
      { afterAction: 4, event: 'deepseekShock' },
    ]);
    const parsed = parseMatch(serializeMatch(file));
    expect(parsed.ok).toBe(true);
    const replay = replayMatch(rules, parsed.ok ? parsed.value : file, { verify: true });
    expect(replay.ok).toBe(true);
    expect(replay.ok && stateHash(replay.state)).toBe(stateHash(state));
    expect(replay.ok && teacherEntries(replay.state).map((e) => e.id)).toEqual(['newsRareEarthTruce', 'deepseekShock']);
    // Without its news the same actions do not give the recorded game.
    const { news: _n, ...bare } = file;
    expect(replayMatch(rules, bare, { verify: true }).ok).toBe(false);
  });

  test('a replay refuses news out of order, past the last action, or unknown, naming it', () => {
    const state = createInitialState(rules, 'news-bad');
    const recorder = new MatchRecorder(rules.hash, 'news-bad', seats, cloneState(state));
    playUntil(state, recorder, (s) => s.actionCount === 3);
    const file = recorder.toMatch(state);
    const run = (news: { afterAction: number; event: string }[]) => replayMatch(rules, { ...file, news });
    const late = run([{ afterAction: 4, event: 'newsKimiK2' }]);
    expect(!late.ok && late.error).toContain('past the last action');
    const order = run([
      { afterAction: 2, event: 'newsKimiK2' },
      { afterAction: 1, event: 'newsKimiK2' },
    ]);
    expect(!order.ok && order.error).toContain('out of order');
    const unknown = run([{ afterAction: 1, event: 'noSuchNews' }]);
    expect(!unknown.ok && unknown.error).toContain('noSuchNews');
  });
});
