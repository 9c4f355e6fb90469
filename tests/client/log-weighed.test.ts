import { describe, expect, test } from 'vitest';
import { logLines } from '../../src/client/model/log-lines.js';
import type { MoveRecord } from '../../src/client/session/session.js';
import { rules } from './helpers.js';

const move: MoveRecord = {
  index: 0,
  seat: 'china',
  action: { type: 'collect' },
  round: 1,
  text: { en: 'Collect $3B', fr: 'Encaisser 3 Md$' },
  explanation: { en: 'Collect $3B: it brings in $3B to spend.', fr: 'Encaisser 3 Md$ : cela apporte 3 Md$ à dépenser.' },
  weighed: [
    { en: 'Train to capability 5', fr: 'Entraîner un modèle (capacité 5)', value: -1002.7 },
    { en: 'Invest in safety', fr: 'Investir dans la sûreté', value: -0.5 },
  ],
  logBefore: 0,
};

describe('the log’s weighed alternatives', () => {
  test('an option that lost games or ended in catastrophe in the search says so in words, never as an internal value', () => {
    for (const lang of ['en', 'fr'] as const) {
      const line = logLines(rules, [move], [], lang).find((l) => l.kind === 'move');
      expect(line?.weighed).not.toMatch(/1002/u);
      expect(line?.weighed).toMatch(lang === 'en' ? /far behind/u : /loin derrière/u);
      expect(line?.weighed).toMatch(/−0[.,]5 (VP|PV)/u);
      expect(line?.why).toBe(move.explanation?.[lang]);
    }
  });
});
