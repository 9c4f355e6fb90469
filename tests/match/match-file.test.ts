import { describe, expect, test } from 'vitest';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { legalActions, actionKey, createInitialState, applyActionInPlace, activeSeat } from '../../src/engine/index.js';
import { parseMatch, replayMatch, serializeMatch, type MatchFile } from '../../src/match/index.js';
import { playRecorded } from '../../src/sim/run/game-record.js';
import { rulesFromVariant } from '../../src/sim/cli/variant.js';

const rules = defaultRules();
const plan = { seed: 'match-test', bots: ['random', 'random', 'random'] as ['random', 'random', 'random'], rotate: false, saveMatches: true };

function recorded(index = 0): MatchFile {
  const { match } = playRecorded(rules, plan, index);
  if (!match) throw new Error('no match recorded');
  return match;
}

function roundTrip(match: MatchFile): MatchFile {
  const parsed = parseMatch(serializeMatch(match));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

describe('recording and replaying a match', () => {
  test('a saved match replays to the same hashes', () => {
    const match = roundTrip(recorded());
    expect(match.roundHashes.length).toBeGreaterThanOrEqual(8);
    const result = replayMatch(rules, match, { verify: true });
    expect(result.ok, result.ok ? '' : result.error).toBe(true);
    if (result.ok) expect(result.hashesChecked).toBe(match.roundHashes.length + 1);
  });

  test('writing then reading a match gives back the same match', () => {
    const match = recorded(1);
    expect(roundTrip(match)).toEqual(match);
  });

  test('replaying to action N stops at that position', () => {
    const match = recorded();
    const result = replayMatch(rules, match, { to: 10 });
    expect(result.ok && result.applied).toBe(10);
    if (result.ok) expect(result.state.actionCount).toBe(10);
    expect(replayMatch(rules, match, { to: match.actions.length + 1 }).ok).toBe(false);
  });
});

describe('refusing tampered matches', () => {
  test('an illegal action is refused at that action', () => {
    const match = recorded();
    const n = 12;
    const tampered = structuredClone(match);
    tampered.actions[n - 1] = { seat: tampered.actions[n - 1]!.seat, action: { type: 'deal', region: 'NA' } };
    const result = replayMatch(rules, tampered, { verify: true });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.action).toBe(n);
      expect(result.error).toMatch(/^action 12 \(\w+: deal:NA\): /);
    }
  });

  test('an action by the wrong seat is refused at that action', () => {
    const match = recorded();
    const tampered = structuredClone(match);
    const entry = tampered.actions[4]!;
    entry.seat = entry.seat === 'us' ? 'china' : 'us';
    const result = replayMatch(rules, tampered);
    expect(!result.ok && result.action).toBe(5);
    expect(!result.ok && result.error).toContain('turn, not');
  });

  test('a different legal action is caught at the end of its round, naming the span of actions', () => {
    const match = recorded();
    // Find an action in round 2 that has a legal alternative, and swap it.
    const state = createInitialState(rules, match.seed);
    let swapped = -1;
    for (let i = 0; i < match.actions.length; i++) {
      const { seat, action } = match.actions[i]!;
      if (state.round === 2 && swapped < 0) {
        const other = legalActions(rules, state, seat).find((a) => actionKey(a) !== actionKey(action) && a.type === 'collect');
        if (other && action.type !== 'choose') {
          swapped = i + 1;
          break;
        }
      }
      expect(activeSeat(state)).toBe(seat);
      applyActionInPlace(rules, state, seat, action);
    }
    expect(swapped).toBeGreaterThan(0);
    // The rest of the recording is kept: the replay must stop between the swapped action and the end of its round.
    const tampered = structuredClone(match);
    tampered.actions[swapped - 1] = { seat: match.actions[swapped - 1]!.seat, action: { type: 'collect' } };
    const result = replayMatch(rules, tampered, { verify: true });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.action).toBeGreaterThanOrEqual(swapped);
      const endOfRound2 = match.roundHashes.find((h) => h.round === 2)!.afterAction;
      expect(result.action).toBeLessThanOrEqual(endOfRound2);
      if (result.error.includes('state differs')) expect(result.error).toContain(`actions ${match.roundHashes.find((h) => h.round === 1)!.afterAction + 1}–`);
    }
  });

  test('a changed round hash fails verification at the action that ended that round', () => {
    const match = recorded();
    const tampered = structuredClone(match);
    const round3 = tampered.roundHashes[2]!;
    round3.hash = '0'.repeat(24);
    const result = replayMatch(rules, tampered, { verify: true });
    expect(!result.ok && result.action).toBe(round3.afterAction);
    expect(!result.ok && result.error).toContain(`end of round 3 (recorded ${'0'.repeat(24)}, replayed `);
    expect(replayMatch(rules, tampered).ok).toBe(true);
  });

  test('a match recorded under other rules is refused, naming both hashes', () => {
    const variant = rulesFromVariant({ 'game.json': { rounds: { actionRounds: 2 } } }, 'test');
    expect(variant.ok).toBe(true);
    if (!variant.ok) return;
    const result = replayMatch(variant.value, recorded());
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toBe(
        `the match was recorded under rules ${rules.hash}, but these rules are ${variant.value.hash} (pass --rules with the variant it was played under)`,
      );
  });
});

describe('reading malformed match files', () => {
  const good = () => JSON.parse(serializeMatch(recorded())) as Record<string, unknown>;
  const errorOf = (text: string) => {
    const parsed = parseMatch(text);
    return parsed.ok ? null : parsed.error;
  };

  test('text that is not JSON gives a one-line error', () => {
    expect(errorOf('{"format": "gigawatt-match",')).toMatch(/^not valid JSON: [^\n]+$/);
  });

  test('a file of another kind is named as not a match file', () => {
    expect(errorOf('{"hello": 1}')).toBe('not a match file: field "format" must be "gigawatt-match"');
  });

  test('an unknown version is refused with the version read', () => {
    expect(errorOf(JSON.stringify({ ...good(), version: 9 }))).toBe('field "version": this program reads version 1, the file says 9');
  });

  test('a hand-edited action names the action and the field', () => {
    const m = good();
    (m.actions as { action: Record<string, unknown> }[])[6]!.action = { type: 'buyGpus', kind: 'frontier', count: 'three' };
    expect(errorOf(JSON.stringify(m))).toBe('action 7 (field "action"): buyGpus: "count" must be a whole number from 1');
    (m.actions as { action: Record<string, unknown> }[])[6]!.action = { type: 'teleport' };
    expect(errorOf(JSON.stringify(m))).toMatch(/^action 7 \(field "action.type"\): /);
  });

  test('a missing field and an unknown field are both named', () => {
    const m = good();
    delete m.seed;
    expect(errorOf(JSON.stringify(m))).toMatch(/^field "seed": /);
    expect(errorOf(JSON.stringify({ ...good(), extra: true }))).toMatch(/^field "\(top level\)": .*extra/);
  });
});
