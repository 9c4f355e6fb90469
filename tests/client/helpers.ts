/** Shared helpers of the client tests: a solo session played to its end with inline bots. */
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { InlineBotRunner } from '../../src/client/session/bot-runner.js';
import { LocalSession } from '../../src/client/session/local-session.js';
import type { SessionUpdate } from '../../src/client/session/session.js';
import { memoryStore, type SavedAction, type SoloConfig } from '../../src/client/session/solo-save.js';
import { legalActions } from '../../src/engine/index.js';

export const rules = defaultRules();

/** A config where the person plays the US against two random bots. */
export const CONFIG: SoloConfig = { seed: 'client-test', human: 'us', levels: { us: 'random', china: 'random', eu: 'random' } };

/** Waits until the session has settled: the person's turn or the end. */
export function settled(session: LocalSession): Promise<SessionUpdate> {
  return new Promise((resolve) => {
    const off = session.subscribe((u) => {
      const active = u.view.pending?.seat ?? u.view.order[u.view.turnIndex];
      if (u.view.phase === 'over' || (active === session.seat && u.thinking === null)) {
        queueMicrotask(() => off());
        resolve(u);
      }
    });
  });
}

/** Plays `moves` person moves (the first legal action each time, or collect); returns the last update. */
export async function playMoves(session: LocalSession, moves: number): Promise<SessionUpdate> {
  let u = await settled(session);
  for (let i = 0; i < moves && u.view.phase !== 'over'; i++) {
    const legal = legalActions(rules, u.view, session.seat!);
    const pick = legal.find((a) => a.type === 'collect') ?? legal[i % legal.length]!;
    const r = await session.submit(pick);
    if (!r.ok) throw new Error(r.error);
    u = await settled(session);
  }
  return u;
}

/** A new local session with inline bots and an in-memory store. */
export function newSession(actions?: SavedAction[], config = CONFIG) {
  const store = memoryStore();
  const session = new LocalSession(rules, config, new InlineBotRunner(), { store, ...(actions ? { actions } : {}) });
  return { session, store };
}
