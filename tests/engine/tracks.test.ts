import { describe, expect, test } from 'vitest';
import { activeSeat, finalScores, legalActions } from '../../src/engine/index.js';
import { act, game, lastTurnFor, positionFor, refuse, rules } from '../helpers/positions.js';

describe('AI catastrophe', () => {
  test('at Risk 12 ends the game at once with no winner', () => {
    expect(game.tracks.risk.max).toBe(12);
    const s = positionFor('us', (s) => {
      s.tracks.risk = 11;
      s.factions.us.capability = 4;
      s.factions.us.compute = 30;
    });
    const next = act(s, 'us', { type: 'train' });
    expect(next.tracks.risk).toBe(12);
    expect(next.phase).toBe('over');
    expect(next.result).toEqual({ reason: 'catastrophe', winner: null, ranking: [] });
    expect(next.log.map((e) => e.kind)).toContain('catastrophe');
    expect(activeSeat(next)).toBeNull();
    for (const seat of ['us', 'china', 'eu'] as const) {
      expect(legalActions(rules, next, seat)).toEqual([]);
      expect(refuse(next, seat, { type: 'collect' }).code).toBe('gameOver');
    }
    expect(finalScores(next).some((f) => f.winner)).toBe(false);
  });

  test('also comes from an open release at capability 5', () => {
    expect(game.release.riskFromLevel).toBe(5);
    const s = positionFor('us', (s) => {
      s.tracks.risk = 11;
      s.factions.us.capability = game.release.riskFromLevel;
    });
    expect(act(s, 'us', { type: 'release', regions: ['NA', 'JK', 'EU'] }).result?.reason).toBe('catastrophe');
  });

  test('also comes from a headline, before anyone acts', () => {
    const s = lastTurnFor('us', (s) => {
      s.tracks.risk = 11;
      s.eventDecks[0] = ['reasoningBreakthrough'];
    });
    const next = act(s, 'us', { type: 'collect' });
    expect(next.round).toBe(2);
    expect(next.result?.reason).toBe('catastrophe');
  });
});

describe('geopolitical crisis', () => {
  test('at Tension 10 sets export controls and tariffs to 3, costs every faction 3 VP, and drops Tension to 7', () => {
    expect(game.tracks.tension.max).toBe(10);
    const s = positionFor('china', (s) => (s.tracks.tension = 9));
    const next = act(s, 'china', { type: 'stateFund' });
    expect(next.tracks).toEqual({ risk: 2, tension: game.crisis.tensionAfter, exportControls: 3, tariffs: 3 });
    for (const id of ['us', 'china', 'eu'] as const) {
      expect(next.factions[id].vp).toBe(game.crisis.vp);
      expect(next.factions[id].vpBreakdown.crisis).toBe(-3);
    }
    expect(next.log).toContainEqual({ round: 1, kind: 'crisis' });
    expect(next.phase).toBe('actions');
  });

  test('follows a Washington raise that pushes Tension to 10', () => {
    const s = positionFor('us', (s) => (s.tracks.tension = 9));
    const next = act(s, 'us', { type: 'washington', track: 'tariffs', delta: 1 });
    expect([next.tracks.tariffs, next.tracks.exportControls, next.tracks.tension]).toEqual([3, 3, 7]);
  });
});

describe('track limits', () => {
  test('keep Risk at 0 or more and Tension at 0 or more', () => {
    const eu = act(
      positionFor('eu', (s) => (s.tracks.risk = 0)),
      'eu',
      { type: 'enact', provision: 'transparency' },
    );
    expect(eu.tracks.risk).toBe(0);
  });
});
