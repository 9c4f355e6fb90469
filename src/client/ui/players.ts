/** Who plays each seat, in words ("You", "Bot (hard)"). */
import { FACTIONS, type FactionId, type Lang, type TextKey } from '../../engine/index.js';
import type { SeatPlayer } from '../../match/index.js';
import { translate } from '../i18n/i18n.js';

/** Labels of the seats' players, from the viewer's seat. */
export function playerLabels(seats: Record<FactionId, SeatPlayer>, viewer: FactionId | null, lang: Lang): Record<FactionId, string> {
  const out = {} as Record<FactionId, string>;
  for (const f of FACTIONS) {
    const p = seats[f];
    out[f] =
      f === viewer
        ? translate(lang, 'player.you')
        : p.kind === 'person'
          ? translate(lang, 'player.person')
          : translate(lang, 'player.bot', { level: translate(lang, `level.${p.level}` as TextKey) });
  }
  return out;
}
