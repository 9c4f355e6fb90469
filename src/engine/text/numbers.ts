/** Numbers and money as each language writes them: the one money formatter of the game. */
import type { Lang } from '../ids.js';

/** A number: "2.5" in English, "2,5" in French. */
export function formatNumber(n: number, lang: Lang): string {
  const s = String(n);
  return lang === 'fr' ? s.replace('.', ',') : s;
}

/**
 * A difference with its sign: "+2", "−0.5" (a true minus sign). Zero is written "−0": an option
 * level with the best one, as the match log shows it.
 */
export function formatSigned(n: number, lang: Lang): string {
  return n > 0 ? `+${formatNumber(n, lang)}` : `−${formatNumber(Math.abs(n), lang)}`;
}

/** An amount of money in $B: "$12B" in English, "12 Md$" in French. */
export function formatMoney(amount: number, lang: Lang): string {
  const n = formatNumber(amount, lang);
  return lang === 'fr' ? `${n} Md$` : `$${n}B`;
}

/** A range of money in $B ("$3–6B", "3–6 Md$"); a single amount when both ends are equal. */
export function formatMoneyRange(lo: number, hi: number, lang: Lang): string {
  if (lo === hi) return formatMoney(lo, lang);
  const range = `${formatNumber(lo, lang)}–${formatNumber(hi, lang)}`;
  return lang === 'fr' ? `${range} Md$` : `$${range}B`;
}
