/**
 * What the classroom keeps in this browser's localStorage: the teacher's secret per class (a
 * reload keeps the console), the student's device token (a reload rejoins the same seat), and
 * the move records a device has seen (so a reload keeps the log's sentences and bot reasons).
 * Storage errors (private mode, quota) are swallowed: the page works, it just forgets.
 */
import type { MoveRecord } from '../session/session.js';
import type { RoundFigures } from '../../engine/index.js';

const TEACHER_KEY = 'gigawatt.teacher.v1';
const DEVICE_KEY = 'gigawatt.device.v1';
const MOVES_KEY = 'gigawatt.moves.v1';

/** A class this browser hosts. */
export interface TeacherEntry {
  code: string;
  secret: string;
  joinUrl: string;
}

/** The seat this browser joined. */
export interface DeviceEntry {
  code: string;
  deviceToken: string;
}

function read<T>(key: string): T | null {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* not kept */
  }
}

/** The class hosted from this browser (the last one), if any. */
export function savedTeacher(): TeacherEntry | null {
  const e = read<TeacherEntry>(TEACHER_KEY);
  return e && typeof e.code === 'string' && typeof e.secret === 'string' ? e : null;
}

/** Keeps (or, with null, forgets) the hosted class. */
export function saveTeacher(entry: TeacherEntry | null): void {
  write(TEACHER_KEY, entry);
}

/** The seat joined from this browser, if any. */
export function savedDevice(): DeviceEntry | null {
  const e = read<DeviceEntry>(DEVICE_KEY);
  return e && typeof e.code === 'string' && typeof e.deviceToken === 'string' ? e : null;
}

/** Keeps (or, with null, forgets) the joined seat. */
export function saveDevice(entry: DeviceEntry | null): void {
  write(DEVICE_KEY, entry);
}

/** Forgets everything this browser kept of its class seat: the seat and the moves it saw (the class was deleted). */
export function forgetDevice(): void {
  write(DEVICE_KEY, null);
  write(MOVES_KEY, null);
}

/** What a device saw of a match: its moves (with the boardgame.io state id each was made from) and round stats. */
export interface Trail {
  moves: (MoveRecord & { stateID: number })[];
  rounds: RoundFigures[];
}

/** The trail kept for a match (empty when none). */
export function savedTrail(matchID: string): Trail {
  const all = read<Trail & { matchID: string }>(MOVES_KEY);
  return all && all.matchID === matchID && Array.isArray(all.moves) && Array.isArray(all.rounds)
    ? { moves: all.moves, rounds: all.rounds }
    : { moves: [], rounds: [] };
}

/** Keeps the trail of one match (only the last match watched is kept). */
export function saveTrail(matchID: string, trail: Trail): void {
  write(MOVES_KEY, { matchID, ...trail });
}
