import { describe, expect, test } from 'vitest';
import { logLines } from '../../src/client/model/log-lines.js';
import { rules } from './helpers.js';

describe('the teacher’s news in the match log', () => {
  test('an event the teacher injected reads as the teacher’s announcement in both languages; a drawn one stays a headline', () => {
    const log = [
      { round: 2, kind: 'event' as const, id: 'newsKimiK2', by: 'teacher' as const },
      { round: 2, kind: 'event' as const, id: 'stargateAnnounced' },
    ];
    const en = logLines(rules, [], log, 'en').filter((l) => l.kind === 'event');
    const fr = logLines(rules, [], log, 'fr').filter((l) => l.kind === 'event');
    expect(en[0]?.text).toBe(`The teacher announces: Kimi K2 goes open — ${rules.events.newsKimiK2!.text.en}`);
    expect(fr[0]?.text).toBe(`L’enseignant annonce : Kimi K2 en accès libre — ${rules.events.newsKimiK2!.text.fr}`);
    expect(en[1]?.text).toMatch(/^Headline: Stargate announced — /);
    expect(fr[1]?.text).toMatch(/^À la une : Annonce de Stargate — /);
  });
});
