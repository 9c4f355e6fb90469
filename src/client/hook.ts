/**
 * A read-only window hook for browser tests and measurements: readiness, the current page,
 * the time to the first rendered board, and a summary of the game on screen.
 */
import type { FactionId, Lang } from '../engine/index.js';
import type { LayoutReport, MotionReport } from './board/BoardScene.js';
import { recentThinking, type ThinkingSpan } from './session/bot-runner.js';

/** What the hook exposes. */
export interface GigawattHook {
  page: string;
  lang: Lang;
  /** ms from navigation start to the first board frame with a model drawn (null until then). */
  firstBoardMs: number | null;
  boardRenders: number;
  /** Durations (ms) of the last page renders after a session update (the board draws after). */
  renderMs: number[];
  game: { round: number; phase: string; active: FactionId | null; seat: FactionId | null; actions: number; thinking: FactionId | null; over: boolean } | null;
  replay: { index: number; length: number } | null;
  /** When the bots last thought, measured inside their worker (epoch ms). */
  botThinking: ThinkingSpan[];
  /** Distinct colours on the board canvas (1: blank). */
  countColours: (() => Promise<number>) | null;
  /** Every label, box and piece drawn on the board, in CSS px (null until a board shows). */
  boardLayout: (() => LayoutReport) | null;
  /** The board's motion so far, and every object it shows (null until a board shows). */
  boardMotion: (() => MotionReport) | null;
  boardDisplay: (() => string[]) | null;
  /** The scoring told line by line on the game page: lines shown, lines in all, still stepping (null: none on screen). */
  scoringSteps: { shown: number; total: number; running: boolean } | null;
}

/** The hook object (also at `window.__gigawatt`). */
export const hook: GigawattHook = {
  page: 'home',
  lang: 'en',
  firstBoardMs: null,
  boardRenders: 0,
  renderMs: [],
  game: null,
  replay: null,
  countColours: null,
  boardLayout: null,
  boardMotion: null,
  boardDisplay: null,
  scoringSteps: null,
  botThinking: recentThinking,
};

if (typeof window !== 'undefined') (window as unknown as { __gigawatt: GigawattHook }).__gigawatt = hook;
