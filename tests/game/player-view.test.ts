import type { State } from 'boardgame.io';
import { getFilterPlayerView, ProcessGameConfig } from 'boardgame.io/internal';
import { describe, expect, test } from 'vitest';
import { FACTIONS, Rng, activeSeat, seedRng, stateHash, viewFor, type FactionId, type GameState } from '../../src/engine/index.js';
import { createGigawattGame, moveArgs, seatOf } from '../../src/game/gigawatt.js';
import { randomAction } from '../helpers/random-action.js';
import { bgioMatch, makeMoveAction } from '../../src/sim/run/bgio-play.js';
import { rules } from '../helpers/positions.js';

const SEED = 'view-secret-seed-7f3a9c';

/** A real match through boardgame.io's reducer, with every state along the way. */
function playMatch(seed: string): State<GameState>[] {
  const { reducer, initial } = bgioMatch(rules, seed);
  const rng = new Rng({ rng: seedRng(`${seed}-picker`) });
  const states = [initial];
  let state = initial;
  while (state.G.phase !== 'over') {
    const seat = activeSeat(state.G)!;
    const action = randomAction(rules, state.G, seat, rng);
    state = reducer(state, makeMoveAction(seat, action.type, [moveArgs(action)]) as never) as State<GameState>;
    states.push(state);
  }
  return states;
}

const MATCH = playMatch(SEED);
const SAMPLE = MATCH.filter((_, i) => i % 5 === 0 || i === MATCH.length - 1);

/** Every secret a viewer must not see, as quoted JSON strings (ids) or raw strings. */
function secretsFor(state: GameState, viewer: FactionId | null): string[] {
  const visible = new Set<string>([...(viewer ? state.factions[viewer].hand : []), ...FACTIONS.flatMap((f) => state.factions[f].discard)]);
  const hidden = new Set<string>();
  for (const f of FACTIONS) {
    if (f !== viewer) for (const c of state.factions[f].hand) hidden.add(c);
    for (const c of state.factions[f].deck) hidden.add(c);
  }
  for (const deck of state.eventDecks) for (const e of deck) hidden.add(e);
  const out = [...hidden].filter((id) => !visible.has(id)).map((id) => JSON.stringify(id));
  out.push(state.seed);
  for (const n of Object.values(state.rng)) if (n !== 0) out.push(String(n));
  return out;
}

function leaks(json: string, secrets: string[]): string[] {
  return secrets.filter((s) => json.includes(s));
}

const VIEWERS: (FactionId | null)[] = ['us', 'china', 'eu', null];

describe('viewFor', () => {
  test('shows each seat and spectators no other hand, no deck, no event deck, no seed and no random state', () => {
    for (const { G } of SAMPLE) {
      for (const viewer of VIEWERS) {
        const json = JSON.stringify(viewFor(G, viewer));
        expect(leaks(json, secretsFor(G, viewer)), `viewer ${viewer} in round ${G.round}`).toEqual([]);
      }
    }
  });

  test('shows a seat its own hand and everyone the hidden counts', () => {
    const G = MATCH[10]!.G;
    for (const viewer of FACTIONS) {
      const view = viewFor(G, viewer);
      expect(view.factions[viewer].hand).toEqual(G.factions[viewer].hand);
      for (const f of FACTIONS) {
        expect(view.hidden.handCount[f]).toBe(G.factions[f].hand.length);
        expect(view.hidden.deckCount[f]).toBe(G.factions[f].deck.length);
        expect(view.factions[f].deck).toEqual([]);
        if (f !== viewer) expect(view.factions[f].hand).toEqual([]);
      }
      expect(view.hidden.eventDeckCount).toEqual(G.eventDecks.map((d) => d.length));
      expect(view.viewer).toBe(viewer);
    }
  });

  test('leaves the state it is given untouched', () => {
    const G = MATCH[20]!.G;
    const before = stateHash(G);
    for (const viewer of VIEWERS) viewFor(G, viewer);
    expect(stateHash(G)).toBe(before);
  });

  test('keeps everything public: tracks, influence, discards, headlines and the log', () => {
    const G = MATCH[MATCH.length - 1]!.G;
    const view = viewFor(G, null);
    expect(view.tracks).toEqual(G.tracks);
    expect(view.headlines).toEqual(G.headlines);
    expect(view.log).toEqual(G.log);
    for (const f of FACTIONS) {
      expect(view.factions[f].influence).toEqual(G.factions[f].influence);
      expect(view.factions[f].discard).toEqual(G.factions[f].discard);
    }
  });
});

describe('the boardgame.io adapter’s playerView', () => {
  const game = createGigawattGame(rules);

  test('maps player ids to seats, and unknown ids to spectators', () => {
    expect([seatOf('0'), seatOf('1'), seatOf('2')]).toEqual(['us', 'china', 'eu']);
    for (const id of [null, undefined, '', '3', '-1', 'x', '1.5']) expect(seatOf(id)).toBeNull();
  });

  test('hides every secret from every player id and from spectators', () => {
    for (const { G, ctx } of SAMPLE) {
      for (const playerID of ['0', '1', '2', null, '7', 'spy']) {
        const view = game.playerView!({ G, ctx, playerID } as never);
        expect(leaks(JSON.stringify(view), secretsFor(G, seatOf(playerID))), `player ${playerID}`).toEqual([]);
      }
    }
  });
});

describe('boardgame.io’s filtered messages for a real match', () => {
  const filter = getFilterPlayerView(ProcessGameConfig(createGigawattGame(rules)));
  const bgioSeed = String((MATCH[0]!.plugins as { random?: { data?: { seed?: unknown } } }).random?.data?.seed);

  test('use a boardgame.io random seed that is in the raw state (so the scan below means something)', () => {
    expect(bgioSeed.length).toBeGreaterThan(3);
    expect(JSON.stringify(MATCH[0])).toContain(bgioSeed);
  });

  test('update and patch messages carry no secret and no seed for any seat or spectator', () => {
    for (let i = 1; i < MATCH.length; i += 4) {
      const prev = MATCH[i - 1]!;
      const state = MATCH[i]!;
      for (const playerID of ['0', '1', '2', null]) {
        const secrets = [...secretsFor(state.G, seatOf(playerID)), bgioSeed];
        const update = filter(playerID as string, { type: 'update', args: ['m', state] } as never);
        expect(leaks(JSON.stringify(update), secrets), `update ${i} for ${playerID}`).toEqual([]);
        const patch = filter(playerID as string, { type: 'patch', args: ['m', prev._stateID, prev, state] } as never);
        expect(leaks(JSON.stringify(patch), secrets), `patch ${i} for ${playerID}`).toEqual([]);
      }
    }
  });

  test('sync messages carry no secret and no seed in the synced state and log', () => {
    for (const state of SAMPLE) {
      for (const playerID of ['0', '1', '2', null]) {
        const sync = filter(playerID as string, { type: 'sync', args: ['m', { state, log: [], filteredMetadata: [] }] } as never) as {
          args: [string, { state: unknown; log: unknown }];
        };
        const secrets = [...secretsFor(state.G, seatOf(playerID)), bgioSeed];
        expect(leaks(JSON.stringify(sync.args[1].state), secrets)).toEqual([]);
        expect(leaks(JSON.stringify(sync.args[1].log), secrets)).toEqual([]);
      }
    }
  });
});
