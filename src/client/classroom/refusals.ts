/**
 * Why a networked move was refused, in the player's language. The server answers in English
 * (`gigawatt:error` with a code); known messages get their translation, unknown ones are shown
 * as the server wrote them.
 */
import type { Lang, TextKey } from '../../engine/index.js';
import { translate } from '../i18n/i18n.js';

/** The server's refusal messages this page knows, and their keys. */
const KNOWN: [RegExp, TextKey][] = [
  [/closed the class/i, 'classroom.err.classClosed'],
  [/not started/i, 'classroom.err.lobby'],
  [/paused/i, 'classroom.err.paused'],
  [/has ended/i, 'classroom.err.ended'],
  [/bot is playing/i, 'classroom.err.botSeat'],
  [/stopped for a discussion/i, 'classroom.err.discussion'],
  [/moved on/i, 'classroom.err.stale'],
  [/credentials/i, 'classroom.err.unauthorized'],
];

/** Codes the session itself uses, besides the server's. */
const OWN: Record<string, TextKey> = {
  closed: 'classroom.err.closed',
  spectator: 'classroom.err.spectator',
  offline: 'classroom.err.offline',
  busy: 'classroom.err.busy',
  timeout: 'classroom.err.timeout',
  rateLimited: 'classroom.err.rateLimited',
  unavailable: 'classroom.err.unavailable',
  unauthorized: 'classroom.err.unauthorized',
  unknownMatch: 'classroom.err.unknownMatch',
};

/** The text of a refusal (`code` from the server or the session, `message` the server's words). */
export function refusalText(code: string, message: string, lang: Lang): string {
  const own = OWN[code];
  if (own) return translate(lang, own);
  const known = KNOWN.find(([re]) => re.test(message));
  if (known) return translate(lang, known[1]);
  return message || translate(lang, 'classroom.err.refused');
}
