/** Seeds of the golden transcripts. */
export const GOLDEN_SEEDS = ['golden-1', 'golden-2', 'golden-3'] as const;
