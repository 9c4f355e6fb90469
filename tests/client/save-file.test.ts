/** Save files: a solo save written as a match file and read back, and a broken file refused with its fault named in both languages. */
import { describe, expect, test } from 'vitest';
import { importSave, saveToMatchText } from '../../src/client/session/save-file.js';
import type { SoloSave } from '../../src/client/session/solo-save.js';
import { createInitialState, legalActions, applyActionInPlace, activeSeat, type FactionId } from '../../src/engine/index.js';
import { parseMatch } from '../../src/match/index.js';
import { rules } from './helpers.js';

/** A save of `n` actions: the first legal action each time. */
function playedSave(n: number): SoloSave {
  const state = createInitialState(rules, 'save-file');
  const actions: SoloSave['actions'] = [];
  for (let i = 0; i < n; i++) {
    const seat = activeSeat(state) as FactionId;
    const action = legalActions(rules, state, seat)[0]!;
    expect(applyActionInPlace(rules, state, seat, action)).toBeNull();
    actions.push({ seat, action });
  }
  return { version: 1, rulesHash: rules.hash, seed: 'save-file', human: 'china', levels: { us: 'hard', china: 'medium', eu: 'random' }, actions };
}

/** The match file of a 30-action save, as a JSON object to break. */
function file(): Record<string, unknown> {
  return JSON.parse(saveToMatchText(rules, playedSave(30))) as Record<string, unknown>;
}

/** Imports `data` and expects a refusal; returns its English and French words. */
function refused(data: unknown): { en: string; fr: string } {
  const r = importSave(rules, typeof data === 'string' ? data : JSON.stringify(data));
  if (r.ok) throw new Error('expected a refusal');
  expect(r.problem.en).toMatch(/^This file cannot be opened as a save: /);
  expect(r.problem.fr).toMatch(/^Ce fichier ne peut pas être ouvert comme sauvegarde : /);
  expect(r.problem.en).not.toMatch(/\{\w+\}/);
  expect(r.problem.fr).not.toMatch(/\{\w+\}/);
  return r.problem;
}

describe('save files', () => {
  test('a save exported as a match file is a valid match file and imports back as the same save, at the same round', () => {
    const save = playedSave(30);
    const text = saveToMatchText(rules, save);
    const match = parseMatch(text);
    expect(match.ok).toBe(true);
    const back = importSave(rules, text);
    if (!back.ok) throw new Error(back.problem.en);
    expect(back.value.save).toEqual(save);
    const state = createInitialState(rules, save.seed);
    for (const a of save.actions) applyActionInPlace(rules, state, a.seat, a.action);
    expect(back.value.round).toBe(state.round);
  });

  test('text that is not JSON, or JSON that is not a match file, is refused saying so', () => {
    expect(refused('{"format": "gigawatt-match",').en).toMatch(/not valid JSON/);
    expect(refused({ hello: 1 }).fr).toMatch(/pas un fichier de partie Gigawatt/);
    expect(refused({ ...file(), version: 7 }).en).toMatch(/version 7; this game reads version 1/);
  });

  test('a missing, unknown or mistyped field is named', () => {
    const { seed: _, ...noSeed } = file();
    expect(refused(noSeed).en).toMatch(/the field "seed" is missing/);
    expect(refused(noSeed).fr).toMatch(/le champ « seed » manque/);
    expect(refused({ ...file(), colour: 'red' }).en).toMatch(/"colour"/);
    expect(refused({ ...file(), seed: 12 }).en).toMatch(/the field "seed" has the wrong type/);
  });

  test('a hand-edited action is named by its number: malformed, out of turn, or not allowed', () => {
    const malformed = file();
    (malformed.actions as { action: Record<string, unknown> }[])[4]!.action = { type: 'build', region: 'ATLANTIS' };
    expect(refused(malformed).en).toMatch(/action 5 is malformed/);
    const outOfTurn = file();
    const actions = outOfTurn.actions as { seat: string }[];
    actions[0]!.seat = actions[0]!.seat === 'us' ? 'eu' : 'us';
    expect(refused(outOfTurn).en).toMatch(/action 1 is played by .* out of turn/);
    expect(refused(outOfTurn).fr).toMatch(/l’action 1 est jouée par .* hors de son tour/);
    const illegal = file();
    (illegal.actions as { action: unknown }[])[2]!.action = { type: 'buyGpus', kind: 'frontier', count: 99 };
    expect(refused(illegal).en).toMatch(/action 3 is not allowed at that point: \S/);
  });

  test('a file whose actions were cut or whose fingerprints were changed is refused as edited', () => {
    const cut = file();
    (cut.actions as unknown[]).pop();
    expect(refused(cut).en).toMatch(/changed after it was written/);
    expect(refused(cut).fr).toMatch(/modifié après avoir été écrit/);
  });

  test('seats a solo game cannot have, and other rules, are refused with what to do', () => {
    const twoPeople = file();
    (twoPeople.seats as Record<string, unknown>).us = { kind: 'person' };
    expect(refused(twoPeople).en).toMatch(/2 seats are played by people/);
    const level = file();
    (level.seats as Record<string, unknown>).us = { kind: 'bot', level: 'grandmaster' };
    expect(refused(level).en).toMatch(/"grandmaster" of the US/);
    expect(refused({ ...file(), rulesHash: '0123456789abcdef01234567' }).en).toMatch(/recorded under other rules/);
  });
});
