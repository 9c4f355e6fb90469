/** The player's settings kept in the browser: language, bot pace, the guide, the board's animations. */
import { LANGS, isOneOf, type Lang } from '../engine/index.js';

/** How long a bot waits before it plays, by pace. */
export const PACES = { slow: 1400, normal: 700, fast: 200, instant: 0 } as const;
export type Pace = keyof typeof PACES;

const LANG_KEY = 'gigawatt.lang';
const PACE_KEY = 'gigawatt.pace';
const GUIDE_KEY = 'gigawatt.guide';
const MOTION_KEY = 'gigawatt.motion';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* private mode: settings are not kept */
  }
}

/** The saved language, else the browser's when it is French, else English. */
export function savedLang(): Lang {
  const saved = read(LANG_KEY);
  if (isOneOf(LANGS, saved)) return saved;
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
export function saveLang(lang: Lang): void {
  write(LANG_KEY, lang);
}

/** The saved bot pace (normal by default). */
export function savedPace(): Pace {
  const p = read(PACE_KEY);
  return p && p in PACES ? (p as Pace) : 'normal';
}
export function savePace(pace: Pace): void {
  write(PACE_KEY, pace);
}

/** Has the player finished or dismissed the guided first round? */
export function guideDone(): boolean {
  return read(GUIDE_KEY) === 'done';
}
export function setGuideDone(done: boolean): void {
  write(GUIDE_KEY, done ? 'done' : '');
}

/** Does the player want the board's animations (on unless turned off here; the system's reduced-motion setting turns them off too)? */
export function savedMotion(): boolean {
  return read(MOTION_KEY) !== 'off';
}
export function saveMotion(on: boolean): void {
  write(MOTION_KEY, on ? 'on' : 'off');
}
