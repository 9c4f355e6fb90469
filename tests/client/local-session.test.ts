import { describe, expect, test } from 'vitest';
import { debriefModel } from '../../src/client/model/debrief.js';
import { logLines } from '../../src/client/model/log-lines.js';
import { loadReplay, roundAt, snapshotAt } from '../../src/client/model/replay-timeline.js';
import { parseSoloSave } from '../../src/client/session/solo-save.js';
import { replayMatch, parseMatch } from '../../src/match/index.js';
import { CONFIG, newSession, playMoves, rules, settled } from './helpers.js';

describe('a solo game in a local session', () => {
  test('bots play their seats and the person plays to the end', async () => {
    const { session } = newSession();
    const end = await playMoves(session, 200);
    expect(end.view.phase).toBe('over');
    expect(end.view.factions.china.hand).toEqual([]);
    expect(end.moves.some((m) => m.seat !== 'us' && m.explanation)).toBe(true);
    expect(end.rounds[0]!.round).toBe(0);
    expect(end.rounds.length).toBeGreaterThanOrEqual(2);
    session.close();
  });

  test('an illegal action is refused with the engine’s reason', async () => {
    const { session } = newSession();
    await settled(session);
    const r = await session.submit({ type: 'build', region: 'CN' }, 'en');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(5);
    session.close();
  });

  test('the saved seed and action list resume the same game', async () => {
    const { session, store } = newSession();
    const before = await playMoves(session, 5);
    session.close();
    const save = parseSoloSave(store.text)!;
    expect(save.actions.length).toBe(before.moves.length);
    const { session: again } = newSession(save.actions);
    const after = await settled(again);
    expect(after.moves.length).toBe(before.moves.length);
    expect(JSON.stringify(after.view)).toBe(JSON.stringify(before.view));
    expect(again.droppedActions).toBe(0);
    again.close();
  });

  test('a damaged save is ignored rather than crashing', () => {
    expect(parseSoloSave('{not json')).toBeNull();
    expect(parseSoloSave(JSON.stringify({ version: 1, seed: 's', rulesHash: 'x', human: 'mars', levels: {}, actions: [] }))).toBeNull();
  });

  test('the exported match file replays exactly, hashes verified', async () => {
    const { session } = newSession();
    await playMoves(session, 7);
    const text = session.exportMatch();
    session.close();
    const parsed = parseMatch(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.seats.us).toEqual({ kind: 'person' });
    expect(parsed.value.seats.china).toEqual({ kind: 'bot', level: 'random' });
    expect(replayMatch(rules, parsed.value, { verify: true }).ok).toBe(true);
  });
});

describe('log, replay timeline and debrief of a finished game', async () => {
  const { session } = newSession(undefined, { ...CONFIG, seed: 'client-full' });
  const end = await playMoves(session, 200);
  const text = session.exportMatch();
  session.close();

  test('the log has a heading per round, the headlines and the bots’ reasons', () => {
    const lines = logLines(rules, end.moves, end.view.log, 'en');
    expect(lines.filter((l) => l.kind === 'round').length).toBe(end.view.round);
    expect(lines.some((l) => l.kind === 'event' && l.text.startsWith('Headline:'))).toBe(true);
    expect(lines.some((l) => l.kind === 'move' && l.why)).toBe(true);
    expect(logLines(rules, end.moves, end.view.log, 'fr').some((l) => l.text.startsWith('À la une'))).toBe(true);
  });

  test('a medium bot’s move shows, under its reason, the other actions it weighed and how far behind each came', async () => {
    const { session: withMedium } = newSession(undefined, { ...CONFIG, seed: 'client-weighed', levels: { us: 'random', china: 'medium', eu: 'random' } });
    const after = await playMoves(withMedium, 6);
    withMedium.close();
    // (A move whose only alternatives were cards in the bot's hand shows none.)
    const en = logLines(rules, after.moves, after.view.log, 'en').filter((l) => l.kind === 'move' && l.seat === 'china' && l.weighed);
    expect(en.length).toBeGreaterThan(0);
    for (const line of en) expect(line.weighed).toMatch(/^.+ \(−\d+(\.\d)? VP\)( · .+ \(−\d+(\.\d)? VP\))*$/);
    const fr = logLines(rules, after.moves, after.view.log, 'fr').filter((l) => l.kind === 'move' && l.seat === 'china' && l.weighed);
    for (const line of fr) expect(line.weighed).toMatch(/ PV\)$/);
  });

  test('the weighed alternatives never name a card still in the bot’s hand', async () => {
    const { session: withMedium } = newSession(undefined, { ...CONFIG, seed: 'client-hand', levels: { us: 'random', china: 'medium', eu: 'medium' } });
    const after = await playMoves(withMedium, 24);
    withMedium.close();
    const weighed = after.moves.flatMap((m) => m.weighed ?? []);
    expect(weighed.length).toBeGreaterThan(0);
    for (const w of weighed) {
      expect(w.en).not.toMatch(/^Play /);
      expect(w.fr).not.toMatch(/^Jouer /);
    }
  });

  test('the timeline holds every position and where each round starts', () => {
    const loaded = loadReplay(rules, text);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const t = loaded.timeline;
    expect(t.states.length).toBe(end.moves.length + 1);
    expect(t.viewer).toBe('us');
    const r3 = t.roundStart[3]!;
    expect(roundAt(t, r3)).toBe(3);
    expect(roundAt(t, r3 - 1)).toBe(2);
    expect(snapshotAt(t, 4).moves).toHaveLength(4);
    expect(snapshotAt(t, t.states.length - 1).view.phase).toBe('over');
  });

  test('a replay explains the bots’ moves from the recorded positions, and not the person’s', () => {
    const loaded = loadReplay(rules, text);
    if (!loaded.ok) throw new Error(loaded.error);
    const moves = snapshotAt(loaded.timeline, loaded.timeline.states.length - 1).moves;
    const bots = moves.filter((m) => m.seat !== 'us');
    expect(bots.length).toBeGreaterThan(0);
    for (const m of bots) {
      expect(m.explanation?.en, m.text.en).toMatch(/: .+\.$/u);
      expect(m.explanation?.fr, m.text.fr).toMatch(/ : .+\.$/u);
    }
    for (const m of moves.filter((m) => m.seat === 'us')) expect(m.explanation).toBeUndefined();
  });

  test('a broken match file gives a readable error', () => {
    const bad = loadReplay(rules, text.replace('"format": "gigawatt-match"', '"format": "chess"'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toContain('format');
  });

  test('the debrief ranks the factions, charts each round and tells the real facts per era', () => {
    const d = debriefModel(rules, end.view, end.rounds, 'fr');
    expect(d.rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    for (const r of d.rows) expect(r.parts.reduce((s, p) => s + p.vp, 0)).toBe(r.vp);
    for (const c of d.charts) for (const l of c.lines) expect(l.values.length).toBe(end.rounds.length);
    expect(d.eras).toHaveLength(3);
    for (const e of d.eras) expect(e.note.length).toBeGreaterThan(50);
    expect(d.eras.flatMap((e) => e.facts).length).toBeGreaterThan(0);
  });
});
