const unitMs = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * Parses QStash durations such as `10s`, `3m`, `1d10h30m`; a bare number means seconds.
 * Returns milliseconds, or undefined when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1_000;
  let total = 0;
  let consumed = 0;
  // Sticky + global: every part must follow the previous one with nothing in between.
  for (const match of trimmed.matchAll(/(\d+)(ms|s|m|h|d)/gy)) {
    total += Number(match[1]) * unitMs[match[2] as keyof typeof unitMs];
    consumed += match[0].length;
  }
  return consumed > 0 && consumed === trimmed.length ? total : undefined;
}
